/** XGBoost checkpoints: reported round by round by the native engine, never by the wasm build. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FeatureMatrix } from '../../../../src/components/matrix.ts';
import { XgboostClassifier, XgboostRegressor, prepareXgboost, xgboostEngineStatus } from '../../../../src/components/models/xgboost/index.ts';
import { Rng } from '../../../../src/util/rng.ts';
import { recordingObserver } from '../../../helpers/recording-observer.ts';

const SHARES = [1 / 8, 1 / 4, 1 / 2];
const status = await xgboostEngineStatus();
const nativeMissing = status.engines[0]!.available ? false : `native XGBoost unavailable: ${status.engines[0]!.detail}`;
await prepareXgboost('wasm');

function synthetic(n: number, seed: number): { x: FeatureMatrix; y: Int32Array; t: Float64Array } {
  const rng = new Rng(seed);
  const columns = Array.from({ length: 4 }, () => Float64Array.from({ length: n }, () => rng.normal()));
  const t = Float64Array.from({ length: n }, (_, i) => columns[0]![i]! + 0.5 * columns[1]![i]! * columns[2]![i]! + 0.3 * rng.normal());
  return { x: { nRows: n, columns }, y: Int32Array.from(t, (v) => (v > 0.8 ? 2 : v > -0.5 ? 1 : 0)), t };
}

const data = synthetic(300, 1);

test('native: reports 1/8, 1/4 and 1/2 of n_estimators and, never stopped, fits the same model', { skip: nativeMissing }, () => {
  const plain = new XgboostClassifier({ engine: 'native', n_estimators: 16, seed: 2 });
  plain.fit(data.x, data.y, 3);
  const observed = new XgboostClassifier({ engine: 'native', n_estimators: 16, seed: 2 });
  const observer = recordingObserver(SHARES);
  observed.fit(data.x, data.y, 3, undefined, observer);
  assert.deepEqual(observer.reported, SHARES);
  assert.deepEqual(observed.toJSON(), plain.toJSON());
});

test('native: stops at the first checkpoint when told, keeping the rounds so far', { skip: nativeMissing }, () => {
  const model = new XgboostClassifier({ engine: 'native', n_estimators: 16, seed: 2 });
  const observer = recordingObserver(SHARES, 1 / 8);
  model.fit(data.x, data.y, 3, undefined, observer);
  assert.deepEqual(observer.reported, [1 / 8]);
  const state = model.toJSON().state as { trees: { treeGroup: number[] } };
  // Two rounds of one tree per class.
  assert.equal(state.trees.treeGroup.length, 2 * 3);
  const partial = observer.predictors[0]!(data.x);
  if (partial.kind === 'classification') assert.deepEqual(partial.proba.data, model.predictProba(data.x).data);
  else assert.fail('a classifier predicts probabilities');
});

test('native: a regressor\'s checkpoint predicts its margins', { skip: nativeMissing }, () => {
  const model = new XgboostRegressor({ engine: 'native', n_estimators: 16, seed: 2 });
  const observer = recordingObserver(SHARES, 1 / 4);
  model.fit(data.x, data.t, undefined, observer);
  const partial = observer.predictors[1]!(data.x);
  if (partial.kind === 'regression') assert.deepEqual(partial.values, model.predict(data.x));
  else assert.fail('a regressor predicts values');
});

test('wasm: trains every round in one call and reports no checkpoint', () => {
  const observer = recordingObserver(SHARES, 1 / 8);
  const model = new XgboostClassifier({ engine: 'wasm', n_estimators: 16, seed: 2 });
  model.fit(data.x, data.y, 3, undefined, observer);
  assert.deepEqual(observer.reported, []);
});
