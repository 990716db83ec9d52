import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AutoML, AutoMLError, evaluateModel, loadModel } from '../../src/api/index.ts';
import { loadSplitDataset } from '../helpers/datasets.ts';
import { assertLeftOut, ownEntry } from '../helpers/leave-out.ts';

test('iris: a short seeded search beats 0.9 balanced accuracy on the fixed test rows', async () => {
  const { train, test: testRows } = await loadSplitDataset('iris');
  const model = await AutoML.fit(train, { target: 'class', maxTrials: 6, timeBudget: 60, seed: 1, metadataExclude: [ownEntry('iris', train)] });
  assertLeftOut(model, 'iris');
  assert.equal(model.task, 'multiclass');
  assert.deepEqual(model.classes, ['setosa', 'versicolor', 'virginica']);
  const result = evaluateModel(model, testRows);
  assert.ok(result.metrics['balanced_accuracy']! >= 0.9, `balanced accuracy ${result.metrics['balanced_accuracy']}`);
  const proba = model.predictProba(testRows);
  for (const row of proba) assert.ok(Math.abs(row.reduce((a, b) => a + b, 0) - 1) < 1e-9);
});

test('house_votes84: categoricals with missing values reach 0.9 balanced accuracy', async () => {
  const { train, test: testRows } = await loadSplitDataset('house_votes84');
  const model = await AutoML.fit(train, { target: 'class', maxTrials: 5, timeBudget: 60, seed: 0, metadataExclude: [ownEntry('house_votes84', train)] });
  assertLeftOut(model, 'house_votes84');
  const result = evaluateModel(model, testRows);
  assert.ok(result.metrics['balanced_accuracy']! >= 0.9, `balanced accuracy ${result.metrics['balanced_accuracy']}`);
});

// The peer's random forest reaches R² 0.24 on these 111 test rows; five trials should do better.
test('diabetes: regression is inferred and R² beats 0.25 on the fixed test rows', async () => {
  const { train, test: testRows } = await loadSplitDataset('diabetes');
  const model = await AutoML.fit(train, { target: 'target', maxTrials: 5, timeBudget: 60, seed: 0, metadataExclude: [ownEntry('diabetes', train)] });
  assertLeftOut(model, 'diabetes');
  assert.equal(model.task, 'regression');
  assert.equal(model.artifact.metric, 'rmse');
  const result = evaluateModel(model, testRows);
  assert.ok(result.metrics['r2']! >= 0.25, `R² ${result.metrics['r2']}`);
});

test('the same seed and trial count give the same trials and predictions', async () => {
  const { train, test: testRows } = await loadSplitDataset('breast_cancer');
  const options = { target: 'class', maxTrials: 4, timeBudget: 120, seed: 7 };
  const a = await AutoML.fit(train, options);
  const b = await AutoML.fit(train, options);
  const strip = (model: typeof a) => model.leaderboard().map((row) => [row.id, row.algorithm, row.validation_cost]);
  assert.deepEqual(strip(a), strip(b));
  assert.deepEqual(a.predictProba(testRows), b.predictProba(testRows));
});

test('save → loadModel predicts identically; the file is complete JSON', async () => {
  const { train, test: testRows } = await loadSplitDataset('titanic');
  const model = await AutoML.fit(train, { target: 'class', maxTrials: 3, timeBudget: 60, seed: 3 });
  const path = join(mkdtempSync(join(tmpdir(), 'automl-')), 'model.json');
  model.save(path);
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as { format: string };
  assert.equal(parsed.format, 'automl-ts/model');
  const loaded = loadModel(path);
  assert.deepEqual(loaded.predictProba(testRows), model.predictProba(testRows));
  assert.deepEqual(loaded.predict(testRows), model.predict(testRows));
});

test('row objects are accepted for fit and predict', async () => {
  const rows = Array.from({ length: 60 }, (_, i) => ({ x: i % 10, colour: i % 3 === 0 ? 'red' : 'blue', y: i % 10 >= 5 ? 'high' : 'low' }));
  const model = await AutoML.fit(rows, { target: 'y', maxTrials: 2, timeBudget: 30, seed: 0 });
  assert.deepEqual(model.predict([{ x: 9, colour: 'red' }, { x: 0, colour: 'green' }]), ['high', 'low']);
});

test('bad options are BAD_OPTION errors naming the option', async () => {
  const rows = [{ a: 1, y: 'p' }, { a: 2, y: 'q' }];
  const bad = async (options: Parameters<typeof AutoML.fit>[1], name: string) =>
    assert.rejects(AutoML.fit(rows, options), (e: unknown) => e instanceof AutoMLError && e.code === 'BAD_OPTION' && e.message.includes(name));
  await bad({ target: 'y', timeBudget: -1 }, 'timeBudget');
  await bad({ target: 'y', maxTrials: 0 }, 'maxTrials');
  await bad({ target: 'y', metric: 'rmse' }, 'rmse');
});
