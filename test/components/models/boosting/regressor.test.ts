import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HistGradientBoostingRegressor, loadGradientBoosting } from '../../../../src/components/models/boosting/index.ts';
import { isAutoMLError } from '../../../../src/util/errors.ts';
import type { JsonObject } from '../../../../src/util/json.ts';
import { rSquared } from './load.ts';
import { sliceRows, syntheticProblem } from './synthetic.ts';

const problem = syntheticProblem(2000, 6, 21);

test('fits a nonlinear signal close to the noise ceiling', () => {
  const model = new HistGradientBoostingRegressor({ max_iter: 200 });
  model.fit(sliceRows(problem.x, 0, 1500), problem.target.slice(0, 1500));
  const predicted = model.predict(sliceRows(problem.x, 1500, 2000));
  assert.ok(rSquared(problem.signal.slice(1500), predicted) > 0.9);
});

test('JSON round trip predicts identically', () => {
  const model = new HistGradientBoostingRegressor({ max_iter: 40, subsample: 0.6, l1_regularization: 0.5, l2_regularization: 1, max_depth: 4 });
  model.fit(problem.x, problem.target);
  const saved = JSON.parse(JSON.stringify(model.toJSON())) as { type: string; state: JsonObject };
  assert.equal(saved.type, 'gradient_boosting');
  assert.equal(saved.state['task'], 'regression');
  const loaded = HistGradientBoostingRegressor.fromJSON(saved.state);
  assert.deepEqual(loaded.predict(problem.x), model.predict(problem.x));
  assert.ok(loadGradientBoosting(saved.state) instanceof HistGradientBoostingRegressor);
});

test('same seed gives identical predictions', () => {
  const predictions = [1, 2].map(() => {
    const model = new HistGradientBoostingRegressor({ max_iter: 20, subsample: 0.5, colsample_bytree: 0.5, seed: 9 });
    model.fit(problem.x, problem.target);
    return model.predict(problem.x);
  });
  assert.deepEqual(predictions[0], predictions[1]);
});

test('zero-weight rows do not pull the fit', () => {
  // half the rows are shifted by +100 but weigh nothing
  const shifted = Float64Array.from(problem.target, (v, row) => (row % 2 === 0 ? v + 100 : v));
  const weights = Float64Array.from(shifted, (_, row) => (row % 2 === 0 ? 0 : 1));
  const model = new HistGradientBoostingRegressor({ max_iter: 100 });
  model.fit(problem.x, shifted, weights);
  assert.ok(rSquared(problem.signal, model.predict(problem.x)) > 0.85);
});

test('doubling every weight changes nothing', () => {
  const plain = new HistGradientBoostingRegressor({ max_iter: 15 });
  plain.fit(problem.x, problem.target);
  const doubled = new HistGradientBoostingRegressor({ max_iter: 15 });
  doubled.fit(problem.x, problem.target, new Float64Array(problem.x.nRows).fill(2));
  assert.deepEqual(doubled.predict(problem.x), plain.predict(problem.x));
});

test('damaged saved states are BAD_MODEL_FILE', () => {
  const model = new HistGradientBoostingRegressor({ max_iter: 3 });
  model.fit(problem.x, problem.target);
  const state = model.toJSON().state;
  const trees = state['trees'] as JsonObject[];
  const tree = trees[0]!;
  const left = tree['left'] as number[];
  const firstInternal = (tree['feature'] as number[]).findIndex((f) => f >= 0);
  const damaged: JsonObject[] = [
    { ...state, task: 'classification' },
    { ...state, nFeatures: -1 },
    { ...state, baseline: ['x'] },
    { ...state, trees: 'none' },
    { ...state, params: { ...(state['params'] as JsonObject), max_bins: 1000 } },
    { ...state, trees: [{ ...tree, left: left.map((v, i) => (i === firstInternal ? 0 : v)) }] }, // a cycle
    { ...state, trees: [{ ...tree, feature: (tree['feature'] as number[]).map((f) => (f >= 0 ? 99 : f)) }] },
    { ...state, trees: [{ ...tree, value: (tree['value'] as number[]).slice(1) }] },
    { ...state, trees: [{ ...tree, threshold: (tree['threshold'] as number[]).map(() => 'NaN') }] },
  ];
  for (const bad of damaged) {
    assert.throws(
      () => HistGradientBoostingRegressor.fromJSON(bad),
      (error: unknown) => isAutoMLError(error) && error.code === 'BAD_MODEL_FILE',
      JSON.stringify(bad).slice(0, 120),
    );
  }
  assert.throws(() => loadGradientBoosting({ ...state, task: 'ranking' }), (error: unknown) => isAutoMLError(error) && error.code === 'BAD_MODEL_FILE');
});
