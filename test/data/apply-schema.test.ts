import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { applySchema } from '../../src/data/apply-schema.ts';
import { buildTrainingData } from '../../src/data/build.ts';
import { parseCsvText, readCsvFile } from '../../src/data/csv.ts';
import { MISSING_CODE, UNKNOWN_CODE, type InputSchema } from '../../src/data/dataset.ts';
import { DATASETS } from './temp-files.ts';

const schema: InputSchema = {
  columns: [
    { name: 'colour', type: 'categorical', categories: ['blue', 'red'] },
    { name: 'id', type: 'dropped', reason: 'identifier' },
    { name: 'size', type: 'numeric' },
  ],
};

test('columns are taken by name in schema order; extra columns are ignored', () => {
  const raw = parseCsvText('size,extra,colour\n1.5,zzz,red\n2,zzz,blue\n');
  const { dataset, warnings } = applySchema(raw, schema);
  assert.equal(dataset.nRows, 2);
  assert.deepEqual(dataset.columns.map((column) => column.name), ['colour', 'size']);
  const [colour, size] = dataset.columns;
  assert.ok(colour?.kind === 'categorical' && size?.kind === 'numeric');
  assert.deepEqual(Array.from(colour.codes), [1, 0]);
  assert.deepEqual(Array.from(size.values), [1.5, 2]);
  assert.deepEqual(warnings, []);
});

test('unseen categories become UNKNOWN_CODE, empty cells MISSING_CODE, bad numbers NaN, with warnings', () => {
  const raw = parseCsvText('colour,size\ngreen,1\n,oops\n red ,\npurple,n/a\n');
  const { dataset, warnings } = applySchema(raw, schema);
  const [colour, size] = dataset.columns;
  assert.ok(colour?.kind === 'categorical' && size?.kind === 'numeric');
  assert.deepEqual(Array.from(colour.codes), [UNKNOWN_CODE, MISSING_CODE, 1, UNKNOWN_CODE]);
  assert.equal(size.values[0], 1);
  assert.ok(Number.isNaN(size.values[1]!) && Number.isNaN(size.values[2]!) && Number.isNaN(size.values[3]!));
  assert.deepEqual(warnings, [
    `column 'colour': 2 values were not seen in training (e.g. "green") and are treated as unknown`,
    `column 'size': 2 values are not a number (e.g. "oops") and are treated as missing`,
  ]);
});

test('MISSING_COLUMN names every absent column; dropped columns are not required', () => {
  const raw = parseCsvText('other\n1\n');
  assert.throws(() => applySchema(raw, schema), {
    code: 'MISSING_COLUMN',
    message: /lacks 2 columns the model needs: 'colour', 'size'/,
  });
});

test('training schema applied to the training file reproduces the training features', async () => {
  const raw = await readCsvFile(join(DATASETS, 'titanic.csv'));
  const training = buildTrainingData(raw, { target: 'class' });
  const { dataset, warnings } = applySchema(raw, training.schema);
  assert.deepEqual(dataset, training.features);
  assert.deepEqual(warnings, []);
});
