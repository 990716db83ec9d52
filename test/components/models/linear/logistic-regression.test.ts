import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LogisticRegression, LOGISTIC_REGRESSION_DEFAULTS } from '../../../../src/components/models/linear/logistic-regression.ts';
import type { LogisticRegressionParams } from '../../../../src/components/models/linear/logistic-regression.ts';
import { argmaxRows } from '../../../../src/components/matrix.ts';
import type { FeatureMatrix, ProbabilityMatrix } from '../../../../src/components/matrix.ts';
import type { JsonObject } from '../../../../src/util/json.ts';
import { balancedAccuracy, loadClassification } from './load.ts';

const breastCancer = loadClassification('breast_cancer', { standardise: true });
const iris = loadClassification('iris', { standardise: true });
const digits = loadClassification('digits', { standardise: true });

function assertValidProbabilities(proba: ProbabilityMatrix, nRows: number, nClasses: number): void {
  assert.equal(proba.nRows, nRows);
  assert.equal(proba.nClasses, nClasses);
  assert.equal(proba.data.length, nRows * nClasses);
  for (let i = 0; i < nRows; i++) {
    let total = 0;
    for (let k = 0; k < nClasses; k++) {
      const p = proba.data[i * nClasses + k]!;
      assert.ok(Number.isFinite(p) && p >= 0 && p <= 1, `probability ${p} at row ${i}`);
      total += p;
    }
    assert.ok(Math.abs(total - 1) < 1e-12, `row ${i} sums to ${total}`);
  }
}

function roundTrip(model: LogisticRegression): LogisticRegression {
  const saved = JSON.parse(JSON.stringify(model.toJSON())) as { type: string; state: JsonObject };
  assert.equal(saved.type, 'logistic_regression');
  return LogisticRegression.fromJSON(saved.state);
}

function fitted(params: Partial<LogisticRegressionParams>, data = breastCancer): LogisticRegression {
  const model = new LogisticRegression(params);
  model.fit(data.xTrain, data.yTrain, data.nClasses);
  return model;
}

function testScore(model: LogisticRegression, data = breastCancer): number {
  return balancedAccuracy(data.yTest, argmaxRows(model.predictProba(data.xTest)), data.nClasses);
}

describe('LogisticRegression quality on standardised data (fixed 75/25 split)', () => {
  for (const penalty of ['l2', 'l1', 'elasticnet'] as const) {
    it(`breast_cancer, ${penalty}: balanced accuracy >= 0.95`, () => {
      const model = fitted({ penalty });
      assert.ok(testScore(model) >= 0.95, `got ${testScore(model)}`);
      assert.ok(model.converged);
    });
  }
  it('iris (3 classes): balanced accuracy >= 0.9', () => {
    const model = fitted({}, iris);
    assert.ok(testScore(model, iris) >= 0.9);
    assertValidProbabilities(model.predictProba(iris.xTest), iris.xTest.nRows, 3);
  });
  it('digits (10 classes): balanced accuracy >= 0.93 for l2 and l1', () => {
    for (const penalty of ['l2', 'l1'] as const) {
      const model = fitted({ penalty }, digits);
      const score = testScore(model, digits);
      assert.ok(score >= 0.93, `${penalty}: ${score}`);
    }
  });
});

describe('LogisticRegression on unscaled features', () => {
  it('stops within max_iter with finite probabilities and good accuracy on raw breast_cancer', () => {
    const raw = loadClassification('breast_cancer');
    const model = fitted({ max_iter: 100 }, raw);
    assert.ok(model.iterations <= 100);
    assertValidProbabilities(model.predictProba(raw.xTest), raw.xTest.nRows, 2);
    assert.ok(testScore(model, raw) >= 0.93);
  });
  it('copes with features spanning 1e-9 to 1e9 in scale', () => {
    const columns = iris.xTrain.columns.map((column, j) => column.map((v) => v * 10 ** (9 * ((j % 3) - 1))));
    const testColumns = iris.xTest.columns.map((column, j) => column.map((v) => v * 10 ** (9 * ((j % 3) - 1))));
    const model = new LogisticRegression({ penalty: 'elasticnet' });
    model.fit({ nRows: iris.xTrain.nRows, columns }, iris.yTrain, 3);
    const proba = model.predictProba({ nRows: iris.xTest.nRows, columns: testColumns });
    assertValidProbabilities(proba, iris.xTest.nRows, 3);
  });
});

describe('LogisticRegression outputs', () => {
  it('binary probabilities are finite, in [0, 1] and sum to 1', () => {
    assertValidProbabilities(fitted({}).predictProba(breastCancer.xTest), breastCancer.xTest.nRows, 2);
  });
  it('is deterministic', () => {
    const a = fitted({ penalty: 'elasticnet' }, iris).predictProba(iris.xTest).data;
    const b = fitted({ penalty: 'elasticnet' }, iris).predictProba(iris.xTest).data;
    assert.deepEqual(a, b);
  });
  it('l1 with a small C produces exact zeros, more of them as C shrinks', () => {
    const zeros = (C: number): number => fitted({ penalty: 'l1', C }).coefficients.coef.filter((c) => c === 0).length;
    const few = zeros(1);
    const many = zeros(0.01);
    assert.ok(many > few, `${many} vs ${few}`);
    assert.ok(many >= 25, `only ${many} of 30 coefficients are zero`);
    assert.equal(fitted({ penalty: 'l2', C: 0.01 }).coefficients.coef.filter((c) => c === 0).length, 0);
  });
  it('exposes its defaults', () => {
    assert.deepEqual(new LogisticRegression().params, LOGISTIC_REGRESSION_DEFAULTS);
    assert.equal(LOGISTIC_REGRESSION_DEFAULTS.penalty, 'l2');
  });
});

describe('LogisticRegression sample weights', () => {
  it('integer weights match duplicated rows (sum-of-losses convention)', () => {
    const weights = Float64Array.from({ length: iris.xTrain.nRows }, (_, i) => (i % 3 === 0 ? 2 : 1));
    const rows: number[] = [];
    for (let i = 0; i < weights.length; i++) for (let r = 0; r < weights[i]!; r++) rows.push(i);
    const duplicated: FeatureMatrix = {
      nRows: rows.length,
      columns: iris.xTrain.columns.map((column) => Float64Array.from(rows, (r) => column[r]!)),
    };
    const params = { penalty: 'l2', tol: 1e-8, max_iter: 1000 } as const;
    const weighted = new LogisticRegression(params);
    weighted.fit(iris.xTrain, iris.yTrain, 3, weights);
    const copied = new LogisticRegression(params);
    copied.fit(duplicated, Int32Array.from(rows, (r) => iris.yTrain[r]!), 3);
    const a = weighted.predictProba(iris.xTest).data;
    const b = copied.predictProba(iris.xTest).data;
    for (let i = 0; i < a.length; i++) assert.ok(Math.abs(a[i]! - b[i]!) < 1e-5, `${a[i]} vs ${b[i]}`);
  });
  it('heavy weight on one class shifts predictions towards it', () => {
    const plain = fitted({});
    const weights = Float64Array.from(breastCancer.yTrain, (label) => (label === 1 ? 50 : 1));
    const heavy = new LogisticRegression();
    heavy.fit(breastCancer.xTrain, breastCancer.yTrain, 2, weights);
    const mean = (model: LogisticRegression): number => {
      const proba = model.predictProba(breastCancer.xTest);
      let total = 0;
      for (let i = 0; i < proba.nRows; i++) total += proba.data[2 * i + 1]!;
      return total / proba.nRows;
    };
    const count = (model: LogisticRegression): number => argmaxRows(model.predictProba(breastCancer.xTest)).reduce((a, b) => a + b, 0);
    assert.ok(mean(heavy) > mean(plain) + 0.01, `${mean(heavy)} vs ${mean(plain)}`);
    assert.ok(count(heavy) >= count(plain));
  });
});

describe('LogisticRegression JSON round trip', () => {
  const cases: Array<[string, Partial<LogisticRegressionParams>, typeof iris]> = [
    ['binary l2', {}, breastCancer],
    ['binary l1', { penalty: 'l1', C: 0.1 }, breastCancer],
    ['multinomial elasticnet', { penalty: 'elasticnet', l1_ratio: 0.3 }, iris],
    ['multinomial without intercept', { fit_intercept: false }, iris],
  ];
  for (const [name, params, data] of cases) {
    it(`${name}: the rebuilt model predicts identically`, () => {
      const model = fitted(params, data);
      const rebuilt = roundTrip(model);
      assert.deepEqual(rebuilt.params, model.params);
      assert.deepEqual(rebuilt.predictProba(data.xTest).data, model.predictProba(data.xTest).data);
      assert.deepEqual(rebuilt.toJSON(), model.toJSON());
    });
  }
});
