import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { buildTrainingData } from '../../src/data/build.ts';
import { readCsvFile, parseCsvText } from '../../src/data/csv.ts';
import { MISSING_CODE } from '../../src/data/dataset.ts';
import { DATASETS } from './temp-files.ts';

test('titanic: typed features, classes, schema and no warnings', async () => {
  const data = buildTrainingData(await readCsvFile(join(DATASETS, 'titanic.csv')), { target: 'class' });
  assert.equal(data.task, 'binary');
  assert.equal(data.features.nRows, 1309);
  const [sex, age, passengerClass] = data.features.columns;
  assert.ok(sex?.kind === 'categorical' && age?.kind === 'numeric' && passengerClass?.kind === 'categorical');
  assert.deepEqual(sex.categories, ['female', 'male']);
  assert.equal(sex.codes[0], 0); // first row: female
  assert.equal(age.values[0], 29);
  assert.ok(age.values.some(Number.isNaN), 'missing ages are NaN');
  assert.ok(data.target.kind === 'classification');
  assert.deepEqual(data.target.classes, ['no', 'yes']);
  assert.equal(data.target.codes[0], 1);
  assert.deepEqual(data.schema.columns.map((column) => column.type), ['categorical', 'numeric', 'categorical']);
  assert.deepEqual(data.warnings, []);
});

test('house_votes84: missing categorical values are MISSING_CODE', async () => {
  const data = buildTrainingData(await readCsvFile(join(DATASETS, 'house_votes84.csv')), { target: 'class' });
  const v11 = data.features.columns.find((column) => column.name === 'V11');
  assert.ok(v11?.kind === 'categorical');
  assert.equal(v11.codes[0], MISSING_CODE);
  assert.deepEqual(data.target.kind === 'classification' && data.target.classes, ['democrat', 'republican']);
});

test('diabetes: regression target as numbers', async () => {
  const data = buildTrainingData(await readCsvFile(join(DATASETS, 'diabetes.csv')), { target: 'target' });
  assert.equal(data.task, 'regression');
  assert.ok(data.target.kind === 'regression');
  assert.equal(data.target.values.length, 442);
  assert.equal(data.features.columns.length, 10);
});

test('rows without a target are dropped with a warning; dropped columns are explained', () => {
  const rows = ['id,const,x,y'];
  for (let i = 0; i < 24; i++) rows.push(`id${i},k,${i % 5},${i % 3 === 0 ? '' : i % 2 === 0 ? 'a' : 'b'}`);
  const data = buildTrainingData(parseCsvText(rows.join('\n')), { target: 'y' });
  assert.equal(data.features.nRows, 16);
  assert.ok(data.warnings.some((warning) => /8 of 24 rows have no value for target 'y'/.test(warning)), data.warnings.join('\n'));
  assert.ok(data.warnings.some((warning) => /column 'const' is not used: it has at most one distinct value/.test(warning)));
  // 'id' is unique in the 16 kept rows, but 16 < 20 rows: too few to call it an identifier.
  assert.deepEqual(data.schema.columns.map((column) => column.type), ['categorical', 'dropped', 'numeric']);
});

test('identifier columns are dropped with a reason', () => {
  const rows = ['name,x,y'];
  for (let i = 0; i < 30; i++) rows.push(`person ${i},${i % 4},${i % 2 ? 'a' : 'b'}`);
  const data = buildTrainingData(parseCsvText(rows.join('\n')), { target: 'y' });
  assert.deepEqual(data.schema.columns[0], { name: 'name', type: 'dropped', reason: 'identifier' });
  assert.ok(data.warnings.some((warning) => /'name'.*like a name or an ID/.test(warning)));
});

test('numeric class labels are sorted by value and "1"/"1.0" are one class', () => {
  const data = buildTrainingData(parseCsvText('x,y\n1,10\n2,2\n3,1.0\n4,1\n5,2\n'), { target: 'y' });
  assert.equal(data.task, 'multiclass');
  assert.ok(data.target.kind === 'classification');
  assert.deepEqual(data.target.classes, ['1.0', '2', '10']);
  assert.deepEqual(Array.from(data.target.codes), [2, 1, 0, 0, 1]);
});

test('task and column type overrides', () => {
  const raw = parseCsvText('a,b,y\n1,x,0\n2,y,1\n3,x,2\n4,y,1\n');
  const regression = buildTrainingData(raw, { target: 'y', task: 'regression', columnTypes: { a: 'categorical', b: 'drop' } });
  assert.equal(regression.task, 'regression');
  assert.deepEqual(regression.schema.columns, [
    { name: 'a', type: 'categorical', categories: ['1', '2', '3', '4'] },
    { name: 'b', type: 'dropped', reason: 'user' },
  ]);
});

test('UNKNOWN_TARGET lists available columns and suggests a case fix', () => {
  const raw = parseCsvText('sepal,petal,Class\n1,2,a\n3,4,b\n');
  assert.throws(() => buildTrainingData(raw, { target: 'label' }), {
    code: 'UNKNOWN_TARGET',
    message: /'label' is not in the data/,
    hint: /'sepal', 'petal', 'Class'/,
  });
  assert.throws(() => buildTrainingData(raw, { target: 'class' }), { code: 'UNKNOWN_TARGET', hint: /did you mean 'Class'/ });
});

test('TARGET_ALL_MISSING, SINGLE_CLASS, NON_NUMERIC_TARGET, NO_FEATURES, binary on 3 classes', () => {
  assert.throws(() => buildTrainingData(parseCsvText('x,y\n1,\n2,\n'), { target: 'y' }), { code: 'TARGET_ALL_MISSING' });
  assert.throws(() => buildTrainingData(parseCsvText('x,y\n1,a\n2,a\n3,\n'), { target: 'y' }), {
    code: 'SINGLE_CLASS',
    message: /only one class \("a"\)/,
  });
  assert.throws(() => buildTrainingData(parseCsvText('x,y\n1,2.5\n2,\n3,high\n'), { target: 'y', task: 'regression' }), {
    code: 'NON_NUMERIC_TARGET',
    message: /"high" in data row 3/,
  });
  assert.throws(() => buildTrainingData(parseCsvText('x,z,y\n1,,a\n1,,b\n'), { target: 'y' }), {
    code: 'NO_FEATURES',
    message: /every other column was dropped/,
  });
  assert.throws(() => buildTrainingData(parseCsvText('y\na\nb\n'), { target: 'y' }), { code: 'NO_FEATURES' });
  assert.throws(() => buildTrainingData(parseCsvText('x,y\n1,a\n2,b\n3,c\n'), { target: 'y', task: 'binary' }), {
    code: 'BAD_OPTION',
    message: /3 classes/,
  });
});
