/** XGBoost: weights, seeded determinism, degenerate input, row caps and handle hygiene. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FeatureMatrix } from '../../../../src/components/matrix.ts';
import { XgboostClassifier, XgboostRegressor, prepareXgboost, xgboostEngineStatus } from '../../../../src/components/models/xgboost/index.ts';
import { trainingRows } from '../../../../src/components/models/xgboost/training-rows.ts';
import type { XgboostEngine } from '../../../../src/components/models/xgboost/engine.ts';
import { AutoMLError } from '../../../../src/util/errors.ts';
import { Rng } from '../../../../src/util/rng.ts';

const status = await xgboostEngineStatus();
const nativeMissing = status.engines[0]!.available ? false : `native XGBoost unavailable: ${status.engines[0]!.detail}`;
await prepareXgboost('wasm');

function synthetic(n: number, p: number, seed: number): { x: FeatureMatrix; y: Int32Array; t: Float64Array } {
  const rng = new Rng(seed);
  const columns = Array.from({ length: p }, () => Float64Array.from({ length: n }, () => rng.normal()));
  const t = Float64Array.from({ length: n }, (_, i) => columns[0]![i]! + 0.5 * columns[1]![i]! + 0.3 * rng.normal());
  return { x: { nRows: n, columns }, y: Int32Array.from(t, (v) => (v > 0 ? 1 : 0)), t };
}

function meanProbability(model: XgboostClassifier, x: FeatureMatrix, k: number): number {
  const p = model.predictProba(x);
  let s = 0;
  for (let i = 0; i < p.nRows; i++) s += p.data[i * p.nClasses + k]!;
  return s / p.nRows;
}

const ENGINES = [
  ['native', nativeMissing],
  ['wasm', false],
] as const;

for (const [engine, skip] of ENGINES) {
  test(`${engine}: class weights shift probabilities, zero-weighted outliers are ignored`, { skip }, () => {
    const data = synthetic(600, 4, 1);
    const plain = new XgboostClassifier({ engine, seed: 2, n_estimators: 30 });
    plain.fit(data.x, data.y, 2);
    const weights = Float64Array.from(data.y, (k) => (k === 1 ? 5 : 1));
    const weighted = new XgboostClassifier({ engine, seed: 2, n_estimators: 30 });
    weighted.fit(data.x, data.y, 2, weights);
    assert.ok(meanProbability(weighted, data.x, 1) > meanProbability(plain, data.x, 1) + 0.05);

    // Regression: outliers with weight 0 must not drag the fit towards them.
    const target = Float64Array.from(data.t, (v, i) => (i % 10 === 0 ? 1000 : v));
    const zeroed = Float64Array.from(target, (_, i) => (i % 10 === 0 ? 0 : 1));
    const model = new XgboostRegressor({ engine, seed: 2, n_estimators: 30 });
    model.fit(data.x, target, zeroed);
    const predicted = model.predict(data.x);
    assert.ok(Math.max(...predicted.map(Math.abs)) < 10, `max |prediction| ${Math.max(...predicted.map(Math.abs))}`);
  });

  test(`${engine}: same seed, same model; another seed with row sampling, another model`, { skip }, () => {
    const data = synthetic(400, 5, 3);
    const fit = (seed: number) => {
      const m = new XgboostClassifier({ engine, seed, n_estimators: 20, subsample: 0.6, colsample_bytree: 0.6 });
      m.fit(data.x, data.y, 2);
      return JSON.stringify(m.toJSON());
    };
    assert.equal(fit(4), fit(4));
    assert.notEqual(fit(4), fit(5));
    // Derived seeds span 32 unsigned bits; the engines take signed 32-bit seeds.
    assert.equal(fit(4_000_000_000), fit(4_000_000_000));
  });

  test(`${engine}: degenerate input gives a clear error or a sane model, never a hang`, { skip }, () => {
    const one: FeatureMatrix = { nRows: 1, columns: [Float64Array.of(1), Float64Array.of(2)] };
    const single = new XgboostRegressor({ engine, n_estimators: 5 });
    single.fit(one, Float64Array.of(3.5));
    assert.ok(Math.abs(single.predict(one)[0]! - 3.5) < 1e-6);

    const constant: FeatureMatrix = { nRows: 50, columns: [new Float64Array(50).fill(2)] };
    const labels = Int32Array.from({ length: 50 }, (_, i) => (i < 10 ? 1 : 0));
    const prior = new XgboostClassifier({ engine, n_estimators: 5 });
    prior.fit(constant, labels, 2);
    assert.ok(Math.abs(prior.predictProba(constant).data[1]! - 0.2) < 1e-3);

    const withNaN: FeatureMatrix = { nRows: 2, columns: [Float64Array.of(1, NaN)] };
    assert.throws(() => new XgboostClassifier({ engine }).fit(withNaN, Int32Array.of(0, 1), 2), (e: unknown) => e instanceof AutoMLError && e.code === 'DEGENERATE_INPUT');
    assert.throws(() => new XgboostClassifier({ engine }).fit({ nRows: 3, columns: [] }, Int32Array.of(0, 1, 0), 2), (e: unknown) => e instanceof AutoMLError && e.code === 'DEGENERATE_INPUT');
    assert.throws(() => new XgboostClassifier({ engine }).predictProba(constant), (e: unknown) => e instanceof AutoMLError && e.code === 'NOT_FITTED');
  });
}

test('above an engine’s cell limit a seeded row subset is used; without weight support rows are drawn by weight', () => {
  const data = synthetic(1000, 10, 5);
  const engine = (supportsWeights: boolean): XgboostEngine => ({ name: 'wasm', version: 'test', maxCells: 2000, supportsWeights, train: () => assert.fail('not called') });
  const capped = trainingRows(data.x, data.t, undefined, engine(true), 1);
  assert.equal(capped.rows.length, 200);
  assert.deepEqual(capped.rows, trainingRows(data.x, data.t, undefined, engine(true), 1).rows);
  assert.equal(capped.data[3 * 10 + 4], Math.fround(data.x.columns[4]![capped.rows[3]!]!));
  const weights = Float64Array.from({ length: 1000 }, (_, i) => (i < 500 ? 0 : 1));
  const drawn = trainingRows(data.x, data.t, weights, engine(false), 1);
  assert.equal(drawn.weights, undefined);
  assert.ok(drawn.rows.every((r) => r >= 500));
  const kept = trainingRows(data.x, data.t, weights, engine(true), 1);
  assert.ok(kept.weights !== undefined && kept.weights.length === kept.rows.length);
});

test('native: hundreds of fits release their handles (resident memory stays flat)', { skip: nativeMissing }, () => {
  // Each fit's matrix and booster hold well over 100 KiB natively, so a leak would show as tens of MiB.
  const data = synthetic(3000, 10, 6);
  const fitMany = (n: number) => {
    for (let i = 0; i < n; i++) new XgboostRegressor({ engine: 'native', n_estimators: 3, seed: i }).fit(data.x, data.t);
  };
  fitMany(20);
  const before = process.memoryUsage().rss;
  fitMany(100);
  const grown = (process.memoryUsage().rss - before) / 2 ** 20;
  assert.ok(grown < 12, `resident memory grew by ${grown.toFixed(1)} MiB over 100 fits`);
});
