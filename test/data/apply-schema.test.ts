import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import Papa from 'papaparse';
import { fit } from '../../src/api/fit.ts';
import { buildSearchSpace, componentContextFor } from '../../src/components/registry.ts';
import { applySchema } from '../../src/data/apply-schema.ts';
import { buildTrainingData } from '../../src/data/build.ts';
import { parseCsvText, readCsvBatches, readCsvFile } from '../../src/data/csv.ts';
import { MISSING_CODE, UNKNOWN_CODE, type InputSchema } from '../../src/data/dataset.ts';
import { isNumericCells } from '../../src/data/raw-column.ts';
import type { RawTable } from '../../src/data/raw-table.ts';
import { Rng } from '../../src/util/rng.ts';
import { DATASETS, writeTempFile } from './temp-files.ts';

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

/**
 * Rows of a classification problem whose features are numbers written in several ways: decimals,
 * fixed decimals with blanks, and an integer code (read as categorical) written '1', '01', '2.0'.
 */
function spelledRowsCsv(rows: number, seed: number): string {
  const rng = new Rng(seed);
  const lines = ['x,fixed,code,class'];
  for (let i = 0; i < rows; i++) {
    const x = rng.normal();
    const level = Math.floor(rng.next() * 4);
    const code = level === 1 && rng.next() < 0.3 ? '01' : level === 2 && rng.next() < 0.3 ? '2.0' : String(level);
    const fixed = rng.next() < 0.05 ? '' : (x * 3 + rng.normal()).toFixed(2);
    const score = x + (code === '01' ? 1.5 : code === '2.0' ? -1.5 : level - 1.5) + 0.5 * rng.normal();
    lines.push([String(x), fixed, code, score > 0 ? 'yes' : 'no'].join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** A CSV as the reader read it before numeric columns: every cell a text, as papaparse gives it. */
function textTable(csv: string): RawTable {
  const records = Papa.parse<string[]>(csv.trimEnd(), { delimiter: ',' }).data;
  const header = records[0]!;
  return { header, columns: header.map((_, j) => records.slice(1).map((record) => record[j]!)), nRows: records.length - 1 };
}

test('streamed prediction of a file of numbers gives the predictions of its texts', async () => {
  const training = parseCsvText(spelledRowsCsv(400, 1));
  const options = { target: 'class', columnTypes: { code: 'categorical' } } as const;
  const labelled = buildTrainingData(training, options);
  const space = buildSearchSpace(componentContextFor(labelled.features, labelled.task), {
    classifier: ['logistic_regression'], rescaling: ['standard'], feature_preprocessor: ['no_preprocessing'], balancing: ['none'], encoding: ['one_hot'], coalescing: ['no_coalescing'],
  });
  const model = await fit(training, { ...options, space, maxTrials: 1, ensembleSize: 1, workers: 0, timeBudget: 60, calibration: 'none' });
  const code = model.artifact.schema.columns.find((column) => column.name === 'code');
  assert.deepEqual(code, { name: 'code', type: 'categorical', categories: ['0', '01', '1', '2', '2.0', '3'] });

  // Several batches of the reader, as `automl predict` reads them.
  const csv = spelledRowsCsv(40_000, 2);
  const path = writeTempFile('spelled-predict.csv', csv);
  const streamed: number[][] = [];
  let batches = 0;
  for await (const batch of readCsvBatches(path)) {
    assert.ok(batch.columns.slice(0, 3).every((column) => isNumericCells(column)), 'features kept as numbers');
    const { dataset } = applySchema(batch, model.artifact.schema);
    const prediction = model.predictPrepared(dataset, streamed.length);
    assert.ok(prediction.kind === 'classification');
    const { nClasses, data } = prediction.proba;
    for (let i = 0; i < batch.nRows; i++) streamed.push(Array.from(data.subarray(i * nClasses, (i + 1) * nClasses)));
    batches++;
  }
  assert.ok(batches >= 3, `${batches} batches`);
  const expected = model.predictProba(textTable(csv));
  assert.equal(streamed.length, expected.length);
  assert.deepEqual(streamed, expected);
  // The spellings matter to the model: '01' rows are not predicted as '1' rows.
  const asOne = model.predictProba(textTable(csv.replaceAll(',01,', ',1,')));
  assert.notDeepEqual(asOne, expected);
});
