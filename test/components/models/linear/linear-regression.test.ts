import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LinearRegression, LINEAR_REGRESSION_DEFAULTS } from '../../../../src/components/models/linear/linear-regression.ts';
import type { LinearRegressionParams } from '../../../../src/components/models/linear/linear-regression.ts';
import type { FeatureMatrix } from '../../../../src/components/matrix.ts';
import type { JsonObject } from '../../../../src/util/json.ts';
import { Rng } from '../../../../src/util/rng.ts';
import { loadRegression, rSquared, standardise } from './load.ts';

const diabetes = loadRegression('diabetes', { standardise: true });
const meats = loadRegression('meats', { standardise: true });

function fitted(params: Partial<LinearRegressionParams>, data = diabetes, weights?: Float64Array): LinearRegression {
  const model = new LinearRegression(params);
  model.fit(data.xTrain, data.yTrain, weights);
  return model;
}

function takeRows(x: FeatureMatrix, rows: ArrayLike<number>): FeatureMatrix {
  return { nRows: rows.length, columns: x.columns.map((column) => Float64Array.from(rows, (r) => column[r]!)) };
}

describe('LinearRegression quality (standardised features)', () => {
  it('diabetes, fixed split: R² >= 0.35 for every penalty (least squares itself gets 0.359 here)', () => {
    // 0.3594 is the exact least-squares optimum on this particular split, so no linear model
    // can reach 0.4 here; the 0.4 floor is checked over random splits below.
    for (const penalty of ['l2', 'l1', 'elasticnet'] as const) {
      const r2 = rSquared(diabetes.yTest, fitted({ penalty }).predict(diabetes.xTest));
      assert.ok(r2 >= 0.35, `${penalty}: R² ${r2}`);
    }
  });
  it('diabetes: mean R² over five seeded 75/25 splits >= 0.4', (t) => {
    const all = loadRegression('diabetes');
    const x: FeatureMatrix = {
      nRows: all.xTrain.nRows + all.xTest.nRows,
      columns: all.xTrain.columns.map((column, j) => Float64Array.of(...column, ...all.xTest.columns[j]!)),
    };
    const y = Float64Array.of(...all.yTrain, ...all.yTest);
    const rng = new Rng(7);
    let total = 0;
    for (let split = 0; split < 5; split++) {
      const order = rng.permutation(x.nRows);
      const nTest = Math.round(x.nRows / 4);
      const testRows = order.subarray(0, nTest);
      const trainRows = order.subarray(nTest);
      const scaled = standardise(takeRows(x, trainRows), takeRows(x, testRows));
      const model = new LinearRegression({ penalty: 'elasticnet' });
      model.fit(scaled.train, Float64Array.from(trainRows, (r) => y[r]!));
      total += rSquared(Float64Array.from(testRows, (r) => y[r]!), model.predict(scaled.test));
    }
    t.diagnostic(`mean R² ${(total / 5).toFixed(4)}`);
    assert.ok(total / 5 >= 0.4, `mean R² ${total / 5}`);
  });
  it('meats (100 collinear features): ridge R² >= 0.9', () => {
    const r2 = rSquared(meats.yTest, fitted({ alpha: 1e-4 }, meats).predict(meats.xTest));
    assert.ok(r2 >= 0.9, `R² ${r2}`);
  });
  it('l1 on meats stops at max_iter without hanging and still predicts finite values', () => {
    const model = fitted({ penalty: 'l1', alpha: 0.01, max_iter: 200 }, meats);
    assert.ok(model.iterations <= 200);
    assert.ok(model.predict(meats.xTest).every(Number.isFinite));
  });
});

describe('LinearRegression solvers agree with each other', () => {
  it('elasticnet with l1_ratio 0 (closed form) matches ridge; tiny-alpha lasso matches least squares', () => {
    const ridge = fitted({ penalty: 'l2', alpha: 0.1 }).coefficients;
    const enet = fitted({ penalty: 'elasticnet', l1_ratio: 0, alpha: 0.1 }).coefficients;
    assert.deepEqual(enet.coef, ridge.coef);
    const ols = fitted({ penalty: 'l2', alpha: 0 }).coefficients;
    const lasso = fitted({ penalty: 'l1', alpha: 1e-6, tol: 1e-10, max_iter: 100_000 }).coefficients;
    for (let j = 0; j < ols.coef.length; j++) assert.ok(Math.abs(lasso.coef[j]! - ols.coef[j]!) < 1e-2, `coef ${j}`);
    assert.ok(Math.abs(lasso.intercept - ols.intercept) < 1e-2);
  });
  it('lasso solution satisfies the optimality conditions', () => {
    const alpha = 2;
    const model = fitted({ penalty: 'l1', alpha, tol: 1e-10, max_iter: 100_000 });
    const { coef, intercept } = model.coefficients;
    const residual = model.predict(diabetes.xTrain).map((p, i) => diabetes.yTrain[i]! - p);
    const n = residual.length;
    assert.ok(Math.abs(residual.reduce((a, b) => a + b, 0) / n) < 1e-6, `intercept ${intercept} not optimal`);
    diabetes.xTrain.columns.forEach((column, j) => {
      let correlation = 0;
      for (let i = 0; i < n; i++) correlation += column[i]! * residual[i]!;
      correlation /= n;
      if (coef[j] === 0) assert.ok(Math.abs(correlation) <= alpha + 1e-4, `feature ${j}: ${correlation}`);
      else assert.ok(Math.abs(correlation - alpha * Math.sign(coef[j]!)) < 1e-4, `feature ${j}: ${correlation}`);
    });
  });
});

describe('LinearRegression behaviour', () => {
  it('l1 with a large alpha gives exact zeros (all of them past the critical alpha)', () => {
    const someZeros = fitted({ penalty: 'l1', alpha: 5 }).coefficients.coef;
    assert.ok(someZeros.some((c) => c === 0) && someZeros.some((c) => c !== 0));
    const allZero = fitted({ penalty: 'l1', alpha: 1e4 });
    assert.ok(allZero.coefficients.coef.every((c) => c === 0));
    const mean = diabetes.yTrain.reduce((a, b) => a + b, 0) / diabetes.yTrain.length;
    assert.ok(Math.abs(allZero.coefficients.intercept - mean) < 1e-9);
  });
  it('integer sample weights match duplicated rows, for closed form and coordinate descent', () => {
    const weights = Float64Array.from({ length: diabetes.xTrain.nRows }, (_, i) => (i % 4) + 1);
    const rows: number[] = [];
    for (let i = 0; i < weights.length; i++) for (let r = 0; r < weights[i]!; r++) rows.push(i);
    const duplicated = { ...diabetes, xTrain: takeRows(diabetes.xTrain, rows), yTrain: Float64Array.from(rows, (r) => diabetes.yTrain[r]!) };
    for (const params of [{ penalty: 'l2' }, { penalty: 'elasticnet', alpha: 0.5, tol: 1e-10, max_iter: 10_000 }] as const) {
      const a = fitted(params, diabetes, weights).predict(diabetes.xTest);
      const b = fitted(params, duplicated).predict(diabetes.xTest);
      for (let i = 0; i < a.length; i++) assert.ok(Math.abs(a[i]! - b[i]!) < 1e-4, `${params.penalty}: ${a[i]} vs ${b[i]}`);
    }
  });
  it('heavy weights pull the fit towards the weighted rows', () => {
    const heavyRows = Float64Array.from(diabetes.yTrain, (v) => (v > 200 ? 100 : 1));
    const plain = fitted({}).predict(diabetes.xTest);
    const weighted = fitted({}, diabetes, heavyRows).predict(diabetes.xTest);
    const mean = (v: Float64Array): number => v.reduce((a, b) => a + b, 0) / v.length;
    assert.ok(mean(weighted) > mean(plain) + 20);
  });
  it('is deterministic', () => {
    const a = fitted({ penalty: 'elasticnet' }, meats).predict(meats.xTest);
    const b = fitted({ penalty: 'elasticnet' }, meats).predict(meats.xTest);
    assert.deepEqual(a, b);
  });
  it('exposes its defaults', () => {
    assert.deepEqual(new LinearRegression().params, LINEAR_REGRESSION_DEFAULTS);
  });
  for (const params of [{}, { penalty: 'l1', alpha: 1 }, { penalty: 'elasticnet', fit_intercept: false }] as const) {
    it(`JSON round trip predicts identically (${JSON.stringify(params)})`, () => {
      const model = fitted(params);
      const saved = JSON.parse(JSON.stringify(model.toJSON())) as { type: string; state: JsonObject };
      assert.equal(saved.type, 'linear_regression');
      const rebuilt = LinearRegression.fromJSON(saved.state);
      assert.deepEqual(rebuilt.predict(diabetes.xTest), model.predict(diabetes.xTest));
      assert.deepEqual(rebuilt.params, model.params);
    });
  }
});
