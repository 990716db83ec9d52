import { test } from 'node:test';
import assert from 'node:assert/strict';
import { costToScore, defaultMetric, getScorer, scoreToCost } from '../../src/metrics/scorers.ts';
import { AutoMLError } from '../../src/util/errors.ts';

test('defaults: balanced accuracy for classification, RMSE for regression', () => {
  assert.equal(defaultMetric('binary'), 'balanced_accuracy');
  assert.equal(defaultMetric('multiclass'), 'balanced_accuracy');
  assert.equal(defaultMetric('regression'), 'rmse');
});

test('cost is minimised whatever the metric direction and converts back', () => {
  const acc = getScorer('accuracy', 'binary');
  assert.ok(Math.abs(scoreToCost(acc, 0.9) - 0.1) < 1e-12);
  assert.equal(costToScore(acc, scoreToCost(acc, 0.9)), 0.9);
  const rmse = getScorer('rmse', 'regression');
  assert.equal(scoreToCost(rmse, 2.5), 2.5);
});

test('unknown metric and metric of the wrong task are BAD_OPTION', () => {
  assert.throws(() => getScorer('f7', 'binary'), (e: unknown) => e instanceof AutoMLError && e.code === 'BAD_OPTION');
  assert.throws(() => getScorer('rmse', 'binary'), (e: unknown) => e instanceof AutoMLError && e.code === 'BAD_OPTION' && /regression|binary/.test(e.message));
});
