import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HistGradientBoostingClassifier, HistGradientBoostingRegressor } from '../../../../src/components/models/boosting/index.ts';
import { holdoutSplit } from '../../../../src/components/models/boosting/holdout.ts';
import { classesOf, syntheticProblem } from './synthetic.ts';

test('stops well before max_iter on a noisy problem', () => {
  const { x, target } = syntheticProblem(3000, 5, 31, 3); // noise dominates the signal
  const regressor = new HistGradientBoostingRegressor({ early_stopping: true, max_iter: 500 });
  regressor.fit(x, target);
  assert.ok(regressor.nIterations < 100, `kept ${regressor.nIterations} rounds`);

  const classifier = new HistGradientBoostingClassifier({ early_stopping: true, max_iter: 500 });
  classifier.fit(x, classesOf(target, 3), 3);
  assert.ok(classifier.nIterations < 100, `kept ${classifier.nIterations} rounds`);
});

test("'auto' is off up to 10 000 rows and on above", () => {
  const small = syntheticProblem(2000, 3, 32, 3);
  const off = new HistGradientBoostingRegressor({ max_iter: 60 });
  off.fit(small.x, small.target);
  assert.equal(off.nIterations, 60);

  const large = syntheticProblem(10_001, 3, 33, 3);
  const on = new HistGradientBoostingRegressor({ max_iter: 300 });
  on.fit(large.x, large.target);
  assert.ok(on.nIterations < 300, `kept ${on.nIterations} rounds`);
});

test('without early stopping every round is kept', () => {
  const { x, target } = syntheticProblem(1000, 3, 34, 3);
  const model = new HistGradientBoostingRegressor({ early_stopping: false, max_iter: 40 });
  model.fit(x, target);
  assert.equal(model.nIterations, 40);
});

test('the holdout is stratified, seeded and leaves every class in training', () => {
  const labels = Float64Array.from({ length: 1000 }, (_, i) => (i < 900 ? 0 : i < 990 ? 1 : i < 999 ? 2 : 3));
  const split = holdoutSplit(1000, labels, 4, 0.1, 7);
  const counts = [0, 0, 0, 0];
  for (const row of split.validation) counts[labels[row]!]!++;
  assert.deepEqual(counts, [90, 9, 1, 0]);
  assert.equal(split.train.length + split.validation.length, 1000);
  assert.deepEqual(holdoutSplit(1000, labels, 4, 0.1, 7), split);
  assert.notDeepEqual(holdoutSplit(1000, labels, 4, 0.1, 8).validation, split.validation);
});
