/** Degenerate and invalid inputs, options and saved files. */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { selectBackend } from '../../../../src/components/backend/index.ts';
import type { FeatureMatrix } from '../../../../src/components/matrix.ts';
import { loadMlp, MlpClassifier, MlpRegressor, type MlpParams } from '../../../../src/components/models/mlp/index.ts';
import { isAutoMLError, type ErrorCode } from '../../../../src/util/errors.ts';
import type { JsonObject } from '../../../../src/util/json.ts';
import { gaussianFeatures, threeClasses } from './synthetic.ts';

const QUICK = { num_nodes_per_layer: 8, learning_rate_init: 0.01, max_epochs: 20 } as const;

function failsWith(code: ErrorCode): (error: unknown) => boolean {
  return (error) => {
    assert.ok(isAutoMLError(error), `expected an AutoMLError, got ${String(error)}`);
    assert.equal(error.code, code, error.message);
    return true;
  };
}

function rowSums(data: Float64Array, nClasses: number): number[] {
  const sums: number[] = [];
  for (let i = 0; i < data.length; i += nClasses) sums.push(data.subarray(i, i + nClasses).reduce((a, b) => a + b, 0));
  return sums;
}

describe('MLP degenerate inputs', () => {
  before(async () => {
    await selectBackend('cpu');
  });

  it('refuses 0 rows as DEGENERATE_INPUT', () => {
    const empty: FeatureMatrix = { nRows: 0, columns: [new Float64Array(0), new Float64Array(0)] };
    assert.throws(() => new MlpClassifier(QUICK).fit(empty, new Int32Array(0), 2), failsWith('DEGENERATE_INPUT'));
    assert.throws(() => new MlpRegressor(QUICK).fit(empty, new Float64Array(0)), failsWith('DEGENERATE_INPUT'));
  });

  it('refuses NaN and infinite values as DEGENERATE_INPUT', () => {
    const x = gaussianFeatures(30, 2, 1);
    const withNaN: FeatureMatrix = { nRows: 30, columns: [x.columns[0]!, x.columns[1]!.map((v, i) => (i === 7 ? NaN : v))] };
    assert.throws(() => new MlpClassifier(QUICK).fit(withNaN, new Int32Array(30), 2), failsWith('DEGENERATE_INPUT'));
    const badTarget = Float64Array.from({ length: 30 }, (_, i) => (i === 3 ? Infinity : i));
    assert.throws(() => new MlpRegressor(QUICK).fit(x, badTarget), failsWith('DEGENERATE_INPUT'));
    const model = new MlpRegressor(QUICK);
    model.fit(x, Float64Array.from({ length: 30 }, (_, i) => i));
    assert.throws(() => model.predict(withNaN), failsWith('DEGENERATE_INPUT'));
  });

  it('fits a single row', () => {
    const x: FeatureMatrix = { nRows: 1, columns: [Float64Array.of(0.5), Float64Array.of(-1)] };
    const classifier = new MlpClassifier(QUICK);
    classifier.fit(x, Int32Array.of(1), 2);
    const proba = classifier.predictProba(x);
    assert.ok(proba.data[1]! > proba.data[0]!, 'learns the only label');
    assert.ok(Math.abs(rowSums(proba.data, 2)[0]! - 1) < 1e-12);
    const regressor = new MlpRegressor(QUICK);
    regressor.fit(x, Float64Array.of(42));
    assert.ok(Math.abs(regressor.predict(x)[0]! - 42) < 1, `predicts ${regressor.predict(x)[0]}`);
  });

  it('fits a single class', () => {
    const x = gaussianFeatures(40, 3, 2);
    const only = new MlpClassifier(QUICK);
    only.fit(x, new Int32Array(40), 1);
    assert.deepEqual(Array.from(only.predictProba(x).data), new Array<number>(40).fill(1));
    const present = new MlpClassifier({ ...QUICK, batch_size: 8 });
    present.fit(x, new Int32Array(40).fill(2), 3);
    const proba = present.predictProba(x);
    for (let i = 0; i < 40; i++) assert.ok(proba.data[i * 3 + 2]! > 0.5, `row ${i}: P(class 2) = ${proba.data[i * 3 + 2]}`);
  });

  it('predicts a constant target', () => {
    const x = gaussianFeatures(60, 2, 3);
    const model = new MlpRegressor({ ...QUICK, batch_size: 8, max_epochs: 60 });
    model.fit(x, new Float64Array(60).fill(7));
    for (const value of model.predict(x)) assert.ok(Math.abs(value - 7) < 0.2, `predicts ${value}`);
  });

  it('checks sample weights', () => {
    const { x, y } = threeClasses(30, 4);
    assert.throws(() => new MlpClassifier(QUICK).fit(x, y, 3, new Float64Array(30)), failsWith('DEGENERATE_INPUT'));
    assert.throws(() => new MlpClassifier(QUICK).fit(x, y, 3, new Float64Array(30).fill(-1)), failsWith('BAD_INPUT'));
    assert.throws(() => new MlpClassifier(QUICK).fit(x, y, 3, new Float64Array(29).fill(1)), failsWith('BAD_INPUT'));
  });

  it('checks labels, feature counts and fitting order', () => {
    const { x, y } = threeClasses(30, 5);
    assert.throws(() => new MlpClassifier(QUICK).fit(x, y, 2), failsWith('BAD_INPUT'));
    assert.throws(() => new MlpClassifier(QUICK).predictProba(x), failsWith('NOT_FITTED'));
    const model = new MlpClassifier(QUICK);
    model.fit(x, y, 3);
    assert.throws(() => model.predictProba({ nRows: 30, columns: x.columns.slice(1) }), failsWith('BAD_INPUT'));
  });

  it('rejects invalid options as BAD_OPTION', () => {
    const bad: Array<Partial<MlpParams>> = [
      { hidden_layer_depth: 4 },
      { hidden_layer_depth: 0 },
      { num_nodes_per_layer: 0 },
      { activation: 'sigmoid' as MlpParams['activation'] },
      { alpha: -1 },
      { learning_rate_init: 0 },
      { batch_size: 0 },
      { max_epochs: 0 },
      { validation_fraction: 1 },
      { n_iter_no_change: 0 },
      { seed: 0.5 },
    ];
    for (const options of bad) assert.throws(() => new MlpClassifier(options), failsWith('BAD_OPTION'), JSON.stringify(options));
  });

  it('rejects damaged saved files as BAD_MODEL_FILE', () => {
    const { x, y } = threeClasses(30, 6);
    const model = new MlpClassifier(QUICK);
    model.fit(x, y, 3);
    const good = JSON.parse(JSON.stringify(model.toJSON().state)) as JsonObject;
    const damaged = (change: (state: JsonObject) => void): JsonObject => {
      const copy = JSON.parse(JSON.stringify(good)) as JsonObject;
      change(copy);
      return copy;
    };
    type Layer = { weights: unknown[]; nIn: number };
    const layers = (state: JsonObject): Layer[] => (state['network'] as unknown as { layers: Layer[] }).layers;
    const cases: JsonObject[] = [
      damaged((s) => { delete s['task']; }),
      damaged((s) => { s['task'] = 'ranking'; }),
      damaged((s) => { layers(s)[0]!.weights.pop(); }),
      damaged((s) => { layers(s)[1]!.weights[0] = 'NaN'; }),
      damaged((s) => { layers(s)[1]!.nIn = 3; }),
      damaged((s) => { (s['network'] as JsonObject)['activation'] = 'tanh'; }),
      damaged((s) => { (s['params'] as JsonObject)['hidden_layer_depth'] = 2; }),
      damaged((s) => { s['nClasses'] = 4; }),
      damaged((s) => { (s['training'] as JsonObject)['backend'] = 'webgl'; }),
    ];
    assert.doesNotThrow(() => loadMlp(good));
    for (const state of cases) assert.throws(() => loadMlp(state), failsWith('BAD_MODEL_FILE'), JSON.stringify(state).slice(0, 80));
  });
});
