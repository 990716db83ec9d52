import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LogisticRegression } from '../../../../src/components/models/linear/logistic-regression.ts';
import { LinearRegression } from '../../../../src/components/models/linear/linear-regression.ts';
import type { FeatureMatrix } from '../../../../src/components/matrix.ts';
import type { JsonObject } from '../../../../src/util/json.ts';
import type { ErrorCode } from '../../../../src/util/errors.ts';
import { isAutoMLError } from '../../../../src/util/errors.ts';

function matrix(...columns: number[][]): FeatureMatrix {
  return { nRows: columns[0]?.length ?? 0, columns: columns.map((c) => Float64Array.from(c)) };
}

function throwsCode(fn: () => unknown, code: ErrorCode): void {
  assert.throws(fn, (error: unknown) => isAutoMLError(error) && error.code === code);
}

function allFinite(values: Float64Array): boolean {
  return values.every(Number.isFinite);
}

const xSmall = matrix([0, 1, 2, 3, 4, 5], [1, 0, 1, 0, 1, 0]);
const ySmall = Int32Array.of(0, 0, 1, 1, 2, 2);

describe('LogisticRegression on degenerate input', () => {
  it('rejects 0 rows and non-finite features with DEGENERATE_INPUT', () => {
    throwsCode(() => new LogisticRegression().fit(matrix([]), new Int32Array(0), 2), 'DEGENERATE_INPUT');
    throwsCode(() => new LogisticRegression().fit(matrix([0, NaN, 2]), Int32Array.of(0, 1, 0), 2), 'DEGENERATE_INPUT');
    throwsCode(() => new LogisticRegression().fit(matrix([0, Infinity, 2]), Int32Array.of(0, 1, 0), 2), 'DEGENERATE_INPUT');
    const model = new LogisticRegression();
    model.fit(xSmall, ySmall, 3);
    throwsCode(() => model.predictProba(matrix([NaN], [0])), 'DEGENERATE_INPUT');
  });
  it('rejects malformed input and unusable weights', () => {
    throwsCode(() => new LogisticRegression().fit(xSmall, Int32Array.of(0, 0, 1, 1, 2, 3), 3), 'BAD_INPUT');
    throwsCode(() => new LogisticRegression().fit(xSmall, Int32Array.of(0, 1), 3), 'BAD_INPUT');
    throwsCode(() => new LogisticRegression().fit(xSmall, ySmall, 3, new Float64Array(6)), 'DEGENERATE_INPUT');
    throwsCode(() => new LogisticRegression().fit(xSmall, ySmall, 3, Float64Array.of(1, 1, 1, 1, 1, -1)), 'BAD_INPUT');
    throwsCode(() => new LogisticRegression().predictProba(xSmall), 'NOT_FITTED');
    const model = new LogisticRegression();
    model.fit(xSmall, ySmall, 3);
    throwsCode(() => model.predictProba(matrix([1])), 'BAD_INPUT');
  });
  it('rejects bad options with BAD_OPTION', () => {
    throwsCode(() => new LogisticRegression({ C: 0 }), 'BAD_OPTION');
    throwsCode(() => new LogisticRegression({ C: Infinity }), 'BAD_OPTION');
    throwsCode(() => new LogisticRegression({ l1_ratio: 1.5 }), 'BAD_OPTION');
    throwsCode(() => new LogisticRegression({ max_iter: 0 }), 'BAD_OPTION');
    throwsCode(() => new LogisticRegression({ tol: -1 }), 'BAD_OPTION');
  });
  it('one row: predicts its class (the prior) without NaN', () => {
    const model = new LogisticRegression();
    model.fit(matrix([3], [-1]), Int32Array.of(2), 3);
    const proba = model.predictProba(matrix([3, 100], [-1, 5]));
    assert.ok(allFinite(proba.data));
    for (let i = 0; i < 2; i++) assert.ok(proba.data[i * 3 + 2]! > 0.999);
  });
  it('a single class present although nClasses > 1 (binary and multiclass) predicts the prior', () => {
    for (const nClasses of [2, 4]) {
      const model = new LogisticRegression({ penalty: 'l1' });
      model.fit(xSmall, new Int32Array(6).fill(1), nClasses);
      const proba = model.predictProba(xSmall);
      assert.ok(allFinite(proba.data));
      for (let i = 0; i < 6; i++) assert.ok(proba.data[i * nClasses + 1]! > 0.999);
      assert.ok(model.coefficients.coef.every((c) => c === 0));
    }
  });
  it('constant features and no features predict the weighted class prior', () => {
    const weights = Float64Array.of(1, 1, 1, 1, 2, 2);
    for (const x of [matrix([5, 5, 5, 5, 5, 5], [0, 0, 0, 0, 0, 0]), { nRows: 6, columns: [] }]) {
      const model = new LogisticRegression();
      model.fit(x, ySmall, 3, weights);
      const proba = model.predictProba(x);
      for (let i = 0; i < 6; i++) {
        assert.ok(Math.abs(proba.data[i * 3]! - 0.25) < 1e-3, `${proba.data[i * 3]}`);
        assert.ok(Math.abs(proba.data[i * 3 + 2]! - 0.5) < 1e-3);
      }
    }
  });
  it('classes absent from y get small, finite probabilities', () => {
    const model = new LogisticRegression();
    model.fit(xSmall, Int32Array.of(0, 0, 0, 3, 3, 3), 5);
    const proba = model.predictProba(xSmall);
    assert.ok(allFinite(proba.data));
    for (let i = 0; i < 6; i++) {
      for (const k of [1, 2, 4]) assert.ok(proba.data[i * 5 + k]! < 1e-3);
    }
  });
  it('separable data with a huge C stops at max_iter with finite output', () => {
    const model = new LogisticRegression({ C: 1e12, max_iter: 50 });
    model.fit(matrix([0, 1, 2, 3]), Int32Array.of(0, 0, 1, 1), 2);
    assert.ok(model.iterations <= 50);
    assert.ok(allFinite(model.predictProba(matrix([0, 3])).data));
  });
  it('rejects bad saved state with BAD_MODEL_FILE', () => {
    const model = new LogisticRegression();
    model.fit(xSmall, ySmall, 3);
    const good = JSON.parse(JSON.stringify(model.toJSON().state)) as JsonObject;
    const params = good['params'] as JsonObject;
    const broken: JsonObject[] = [
      {},
      { ...good, coef: [1, 2] },
      { ...good, intercept: 'x' },
      { ...good, coef: (good['coef'] as number[]).map((v, i) => (i === 0 ? 'NaN' : v)) },
      { ...good, nClasses: 0 },
      { ...good, nFeatures: 1.5 },
      { ...good, params: { ...params, penalty: 'l3' } },
      { ...good, params: { ...params, C: -1 } },
      { ...good, params: { ...params, fit_intercept: 'yes' } },
      { ...good, params: null },
    ];
    for (const state of broken) throwsCode(() => LogisticRegression.fromJSON(state), 'BAD_MODEL_FILE');
  });
});

describe('LinearRegression on degenerate input', () => {
  const y = Float64Array.of(1, 2, 3, 4, 5, 6);
  it('rejects 0 rows and non-finite values with DEGENERATE_INPUT', () => {
    throwsCode(() => new LinearRegression().fit(matrix([]), new Float64Array(0)), 'DEGENERATE_INPUT');
    throwsCode(() => new LinearRegression().fit(matrix([1, NaN, 3, 4, 5, 6]), y), 'DEGENERATE_INPUT');
    throwsCode(() => new LinearRegression().fit(xSmall, Float64Array.of(1, 2, NaN, 4, 5, 6)), 'DEGENERATE_INPUT');
    throwsCode(() => new LinearRegression({ alpha: -1 }), 'BAD_OPTION');
  });
  it('one row predicts its target', () => {
    for (const penalty of ['l2', 'l1'] as const) {
      const model = new LinearRegression({ penalty });
      model.fit(matrix([2], [7]), Float64Array.of(42));
      assert.deepEqual(Array.from(model.predict(matrix([2, 9], [7, -3]))), [42, 42]);
    }
  });
  it('constant features predict the weighted mean; constant target predicts itself', () => {
    for (const penalty of ['l2', 'l1', 'elasticnet'] as const) {
      const model = new LinearRegression({ penalty, alpha: 0.1 });
      model.fit(matrix([3, 3, 3, 3, 3, 3]), y, Float64Array.of(1, 1, 1, 1, 1, 5));
      assert.ok(model.predict(matrix([3, 100])).every((p) => Math.abs(p - 4.5) < 1e-9));
      const flat = new LinearRegression({ penalty });
      flat.fit(xSmall, new Float64Array(6).fill(-2));
      assert.ok(flat.predict(xSmall).every((p) => Math.abs(p + 2) < 1e-9));
    }
  });
  it('singular normal equations (duplicated column, alpha 0) still give finite, fitting predictions', () => {
    const x = matrix([1, 2, 3, 4, 5, 6], [1, 2, 3, 4, 5, 6], [0, 0, 0, 0, 0, 0]);
    const model = new LinearRegression({ alpha: 0 });
    model.fit(x, y);
    const predicted = model.predict(x);
    for (let i = 0; i < 6; i++) assert.ok(Math.abs(predicted[i]! - y[i]!) < 1e-6);
  });
  it('rejects bad saved state with BAD_MODEL_FILE', () => {
    const model = new LinearRegression();
    model.fit(xSmall, y);
    const good = JSON.parse(JSON.stringify(model.toJSON().state)) as JsonObject;
    for (const state of [{}, { ...good, coef: [1] }, { ...good, intercept: null }, { ...good, params: { ...(good['params'] as JsonObject), alpha: 'big' } }]) {
      throwsCode(() => LinearRegression.fromJSON(state), 'BAD_MODEL_FILE');
    }
  });
});
