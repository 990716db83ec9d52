import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { minimise } from '../../../../src/components/models/linear/owlqn.ts';
import { LogisticRegression } from '../../../../src/components/models/linear/logistic-regression.ts';
import { loadClassification } from './load.ts';

describe('OWL-QN / L-BFGS minimiser', () => {
  // ½ Σ a_p (θ_p − c_p)² + Σ l1_p |θ_p| has the closed-form minimiser S(a_p c_p, l1_p) / a_p.
  const a = Float64Array.of(1, 100, 0.01, 5, 3);
  const c = Float64Array.of(2, -1, 50, 0.1, -3);
  const quadratic = (theta: Float64Array, gradient: Float64Array): number => {
    let value = 0;
    for (let p = 0; p < theta.length; p++) {
      const diff = theta[p]! - c[p]!;
      value += 0.5 * a[p]! * diff * diff;
      gradient[p] = a[p]! * diff;
    }
    return value;
  };
  it('finds the minimiser of an ill-conditioned quadratic', () => {
    const theta = new Float64Array(5);
    const result = minimise(quadratic, theta, { maxIter: 200, tol: 1e-6 });
    assert.ok(result.converged);
    // |gradient| <= 1e-6 along a curvature of 0.01 bounds the error by 1e-4.
    for (let p = 0; p < 5; p++) assert.ok(Math.abs(theta[p]! - c[p]!) < 1e-4, `θ${p} = ${theta[p]}`);
  });
  it('with L1 weights, lands on exact zeros where soft-thresholding says so', () => {
    const l1 = Float64Array.of(1, 50, 0.1, 1, 0);
    const theta = new Float64Array(5);
    const result = minimise(quadratic, theta, { maxIter: 200, tol: 1e-6, l1 });
    assert.ok(result.converged);
    for (let p = 0; p < 5; p++) {
      const z = a[p]! * c[p]!;
      const expected = Math.sign(z) * Math.max(Math.abs(z) - l1[p]!, 0) / a[p]!;
      if (expected === 0) assert.equal(theta[p], 0);
      else assert.ok(Math.abs(theta[p]! - expected) < 1e-4, `θ${p} = ${theta[p]}, expected ${expected}`);
    }
  });
  it('respects max_iter', () => {
    const result = minimise(quadratic, new Float64Array(5), { maxIter: 2, tol: 1e-14 });
    assert.equal(result.iterations, 2);
    assert.equal(result.converged, false);
  });
});

describe('LogisticRegression optimality', () => {
  it('an l1 fit satisfies the subgradient conditions of its documented objective', () => {
    const data = loadClassification('breast_cancer', { standardise: true });
    const C = 0.5;
    const model = new LogisticRegression({ penalty: 'l1', C, tol: 1e-9, max_iter: 5000 });
    model.fit(data.xTrain, data.yTrain, 2);
    const { coef } = model.coefficients;
    const n = data.xTrain.nRows;
    const p1 = model.predictProba(data.xTrain).data.filter((_, i) => i % 2 === 1);
    // Objective C·Σ logloss + ‖w‖₁: gradient of the loss part is C·Σ (p − y) x.
    let interceptGradient = 0;
    for (let i = 0; i < n; i++) interceptGradient += p1[i]! - data.yTrain[i]!;
    assert.ok(Math.abs(C * interceptGradient) < 1e-4, `intercept gradient ${C * interceptGradient}`);
    data.xTrain.columns.forEach((column, j) => {
      let g = 0;
      for (let i = 0; i < n; i++) g += (p1[i]! - data.yTrain[i]!) * column[i]!;
      g *= C;
      if (coef[j] === 0) assert.ok(Math.abs(g) <= 1 + 1e-4, `feature ${j}: |g| = ${Math.abs(g)}`);
      else assert.ok(Math.abs(g + Math.sign(coef[j]!)) < 1e-4, `feature ${j}: g = ${g}, coef ${coef[j]}`);
    });
    assert.ok(coef.some((v) => v === 0) && coef.some((v) => v !== 0));
  });
  it('a multinomial l2 fit zeroes the gradient of C·Σ s_i·logloss_i + ½‖W‖²', () => {
    const data = loadClassification('iris', { standardise: true });
    const C = 2;
    const weights = Float64Array.from({ length: data.xTrain.nRows }, (_, i) => 0.5 + (i % 3));
    const model = new LogisticRegression({ C, tol: 1e-10, max_iter: 5000 });
    model.fit(data.xTrain, data.yTrain, 3, weights);
    const { coef } = model.coefficients;
    const proba = model.predictProba(data.xTrain).data;
    const d = data.xTrain.columns.length;
    for (let k = 0; k < 3; k++) {
      let interceptGradient = 0;
      for (let i = 0; i < data.xTrain.nRows; i++) interceptGradient += weights[i]! * (proba[i * 3 + k]! - (data.yTrain[i] === k ? 1 : 0));
      assert.ok(Math.abs(C * interceptGradient) < 1e-5, `class ${k} intercept gradient ${interceptGradient}`);
      data.xTrain.columns.forEach((column, j) => {
        let g = 0;
        for (let i = 0; i < data.xTrain.nRows; i++) g += weights[i]! * (proba[i * 3 + k]! - (data.yTrain[i] === k ? 1 : 0)) * column[i]!;
        assert.ok(Math.abs(C * g + coef[k * d + j]!) < 1e-5, `class ${k}, feature ${j}: ${C * g + coef[k * d + j]!}`);
      });
    }
  });
});
