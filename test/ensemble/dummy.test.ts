import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dummyCost, dummyPrediction } from '../../src/ensemble/index.ts';
import { getScorer } from '../../src/metrics/scorers.ts';
import { classTruth } from './fixtures.ts';

test('the classification dummy predicts the class prior on every row', () => {
  const truth = classTruth([0, 0, 0, 1, 2, 2], 3);
  const prediction = dummyPrediction(truth);
  assert.equal(prediction.kind, 'classification');
  if (prediction.kind !== 'classification') return;
  assert.deepEqual([...prediction.proba.data.subarray(0, 3)], [0.5, 1 / 6, 1 / 3]);
  assert.deepEqual([...prediction.proba.data.subarray(15, 18)], [0.5, 1 / 6, 1 / 3]);
  // balanced accuracy of always predicting the majority class is 1/K
  assert.ok(Math.abs(dummyCost(truth, getScorer('balanced_accuracy', 'multiclass')) - 2 / 3) < 1e-12);
  const entropy = -(0.5 * Math.log(0.5) + (1 / 6) * Math.log(1 / 6) + (1 / 3) * Math.log(1 / 3));
  assert.ok(Math.abs(dummyCost(truth, getScorer('log_loss', 'multiclass')) - entropy) < 1e-12);
});

test('the regression dummy predicts the mean, so R² cost is 1', () => {
  const truth = { kind: 'regression', values: Float64Array.from([1, 2, 3, 6]) } as const;
  const prediction = dummyPrediction(truth);
  assert.deepEqual(prediction.kind === 'regression' ? [...prediction.values] : [], [3, 3, 3, 3]);
  assert.equal(dummyCost(truth, getScorer('r2', 'regression')), 1);
  assert.ok(Math.abs(dummyCost(truth, getScorer('rmse', 'regression')) - Math.sqrt(14 / 4)) < 1e-12);
});
