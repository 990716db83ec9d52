import { test } from 'node:test';
import assert from 'node:assert/strict';
import { meanAbsoluteError, r2Score, rootMeanSquaredError } from '../../src/metrics/regression.ts';

test('RMSE, MAE and R² on a hand-checked example', () => {
  const yTrue = Float64Array.from([3, -0.5, 2, 7]);
  const yPred = Float64Array.from([2.5, 0, 2, 8]);
  assert.ok(Math.abs(rootMeanSquaredError(yTrue, yPred) - Math.sqrt(0.375)) < 1e-12);
  assert.equal(meanAbsoluteError(yTrue, yPred), 0.5);
  assert.ok(Math.abs(r2Score(yTrue, yPred) - 0.9486081370449679) < 1e-12);
});

test('R² is 0 for predicting the mean and 1 for a perfect fit', () => {
  const yTrue = Float64Array.from([1, 2, 3]);
  assert.equal(r2Score(yTrue, Float64Array.from([2, 2, 2])), 0);
  assert.equal(r2Score(yTrue, yTrue), 1);
});
