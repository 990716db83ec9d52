/**
 * Quality floors on real datasets, each on its fixed 75/25 seeded split (datasets/<name>.split.json).
 * letter (20 000 rows, 26 classes) is too slow for the suite; bench.ts-style measurement only.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HistGradientBoostingClassifier, HistGradientBoostingRegressor, type HistGradientBoostingParams } from '../../../../src/components/models/boosting/index.ts';
import { argmaxRows } from '../../../../src/components/matrix.ts';
import { accuracy, balancedAccuracy, loadSplit, rSquared } from './load.ts';

function classify(name: string, params: Partial<HistGradientBoostingParams> = {}): { accuracy: number; balanced: number } {
  const data = loadSplit(name);
  const model = new HistGradientBoostingClassifier({ seed: 0, ...params });
  model.fit(data.train.x, data.train.labels, data.classes.length);
  const predicted = argmaxRows(model.predictProba(data.test.x));
  return {
    accuracy: accuracy(data.test.labels, predicted),
    balanced: balancedAccuracy(data.test.labels, predicted, data.classes.length),
  };
}

test('breast_cancer: balanced accuracy >= 0.94 with defaults', () => {
  const { balanced } = classify('breast_cancer');
  assert.ok(balanced >= 0.94, `balanced accuracy ${balanced}`);
});

test('digits: accuracy >= 0.95 with defaults', () => {
  const result = classify('digits');
  assert.ok(result.accuracy >= 0.95, `accuracy ${result.accuracy}`);
});

test('satellite: accuracy >= 0.89 with defaults', () => {
  const result = classify('satellite');
  assert.ok(result.accuracy >= 0.89, `accuracy ${result.accuracy}`);
});

test('iris: accuracy >= 0.9 with defaults', () => {
  const result = classify('iris');
  assert.ok(result.accuracy >= 0.9, `accuracy ${result.accuracy}`);
});

test('diabetes: R² >= 0.30 with shallow, shrunk trees', () => {
  // a nearly linear target on 331 training rows: deep default trees overfit it (R² about 0.2);
  // on this split ordinary least squares reaches 0.36 and no tree configuration tried beat 0.33
  const data = loadSplit('diabetes');
  const model = new HistGradientBoostingRegressor({ seed: 0, max_depth: 2, learning_rate: 0.05, max_iter: 100 });
  model.fit(data.train.x, data.train.target);
  const r2 = rSquared(data.test.target, model.predict(data.test.x));
  assert.ok(r2 >= 0.3, `R² ${r2}`);
});
