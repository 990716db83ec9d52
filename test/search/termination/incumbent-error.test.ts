import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bootstrapError, crossValidationError } from '../../../src/search/termination/incumbent-error.ts';
import { getScorer } from '../../../src/metrics/scorers.ts';
import type { Prediction, Truth } from '../../../src/metrics/prediction.ts';

test('the cross-validation error is sqrt((1/k + 1/(k − 1)) · s²) of the fold scores', () => {
  // mean 0.85, sample variance 0.025 / 4 = 0.00625, (1/5 + 1/4) · 0.00625 = 0.0028125
  assert.ok(Math.abs(crossValidationError([0.8, 0.9, 0.85, 0.75, 0.95]) - Math.sqrt(0.0028125)) < 1e-12);
  // two folds: s² = 0.02, (1/2 + 1) · 0.02 = 0.03
  assert.ok(Math.abs(crossValidationError([0.5, 0.7]) - Math.sqrt(0.03)) < 1e-12);
  assert.equal(crossValidationError([0.9, 0.9, 0.9]), 0);
});

test('the cross-validation error is unknown with fewer than two finite fold scores', () => {
  assert.ok(Number.isNaN(crossValidationError([0.9])));
  assert.ok(Number.isNaN(crossValidationError([0.9, Number.NaN])));
  assert.ok(Number.isNaN(crossValidationError([])));
});

/** `n` binary rows of which the first `correct` are predicted right with certainty. */
function predictions(n: number, correct: number): { truth: Truth; prediction: Prediction } {
  const codes = Int32Array.from({ length: n }, (_, i) => i % 2);
  const data = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) data[2 * i + (i < correct ? codes[i]! : 1 - codes[i]!)] = 1;
  return { truth: { kind: 'classification', codes, nClasses: 2 }, prediction: { kind: 'classification', proba: { nRows: n, nClasses: 2, data } } };
}

test('the holdout bootstrap error of accuracy matches the binomial standard error', () => {
  const { truth, prediction } = predictions(400, 320);
  const error = bootstrapError(truth, prediction, getScorer('accuracy', 'binary'), 7);
  // sqrt(0.8 · 0.2 / 400) = 0.02; 200 resamples estimate it within about 5% (10% allowed)
  assert.ok(Math.abs(error - 0.02) < 0.002, `bootstrap error ${error}`);
  assert.equal(bootstrapError(truth, prediction, getScorer('accuracy', 'binary'), 7), error, 'seeded');
  const perfect = predictions(400, 400);
  assert.equal(bootstrapError(perfect.truth, perfect.prediction, getScorer('accuracy', 'binary'), 7), 0);
});

test('the holdout bootstrap error shrinks with more validation rows', () => {
  const scorer = getScorer('accuracy', 'binary');
  const small = predictions(100, 80);
  const large = predictions(1600, 1280);
  const ratio = bootstrapError(small.truth, small.prediction, scorer, 3) / bootstrapError(large.truth, large.prediction, scorer, 3);
  assert.ok(ratio > 3 && ratio < 5, `16× the rows: error ratio ${ratio}, expected about 4`);
});
