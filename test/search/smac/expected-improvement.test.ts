import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  expectedImprovement, logExpectedImprovement, logExpectedImprovementUnit, normalCdf, normalPdf,
} from '../../../src/search/smac/expected-improvement.ts';

function close(actual: number, expected: number, tolerance: number, what = ''): void {
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: ${actual} differs from ${expected} by more than ${tolerance}`);
}

describe('normal distribution helpers', () => {
  it('match tabulated values', () => {
    close(normalPdf(0), 0.3989422804014327, 1e-15, 'φ(0)');
    close(normalCdf(0), 0.5, 1e-7, 'Φ(0)');
    close(normalCdf(1), 0.8413447460685429, 1e-7, 'Φ(1)');
    close(normalCdf(-1.96), 0.024997895148220435, 1e-8, 'Φ(−1.96)');
    // Relative accuracy in the far tail, where 1 − Φ(−z) would be all rounding error.
    close(normalCdf(-10) / 7.619853024160527e-24, 1, 1e-6, 'Φ(−10)');
  });
});

describe('expected improvement', () => {
  // Hand-computed: EI = σ·(zΦ(z) + φ(z)), z = (η − μ − ξ)/σ.
  const cases = [
    { mean: 1, variance: 1, incumbent: 1, xi: 0, ei: 0.3989422804014327 }, // z = 0: φ(0)
    { mean: 0, variance: 1, incumbent: 1, xi: 0, ei: 1.0833154705876864 }, // z = 1
    { mean: 2, variance: 4, incumbent: 1, xi: 0, ei: 2 * 0.19779655740130608 }, // σ = 2, z = −0.5
    { mean: 0, variance: 1, incumbent: 1, xi: 0.5, ei: 0.6977965574013061 }, // ξ shifts z to 0.5
    { mean: 3, variance: 0, incumbent: 1, xi: 0, ei: 0 }, // certain and worse
    { mean: 0.25, variance: 0, incumbent: 1, xi: 0.25, ei: 0.5 }, // certain and better: η − μ − ξ
  ];

  it('equals hand-computed values, vectorised over candidates', () => {
    const mean = Float64Array.from(cases, (c) => c.mean);
    const variance = Float64Array.from(cases, (c) => c.variance);
    for (const xi of [0, 0.5, 0.25]) {
      const ei = expectedImprovement(mean, variance, 1, xi);
      cases.forEach((c, i) => {
        if (c.xi === xi) close(ei[i]!, c.ei, 2e-7, `case ${i}`);
      });
    }
  });

  it('grows with the predicted improvement and with the uncertainty', () => {
    const ei = expectedImprovement(Float64Array.of(0.9, 0.5, 0.5), Float64Array.of(0.01, 0.01, 0.09), 1, 0);
    assert.ok(ei[1]! > ei[0]!);
    assert.ok(ei[2]! > ei[1]!);
  });

  it('log EI agrees with log(EI) and stays finite where EI underflows', () => {
    const mean = Float64Array.of(1, 0, 2, 4, 11, 31, 41);
    const variance = new Float64Array(mean.length).fill(1);
    const ei = expectedImprovement(mean, variance, 1, 0);
    const logEi = logExpectedImprovement(mean, variance, 1, 0);
    for (let i = 0; i < 4; i++) close(logEi[i]!, Math.log(ei[i]!), 1e-5, `candidate ${i}`);
    // z = −10, −30, −40: reference values from 40-digit arithmetic.
    close(logEi[4]!, -55.553122036122356, 1e-6, 'z = −10');
    close(logEi[5]!, -457.724653760598, 1e-6, 'z = −30');
    close(logEi[6]!, -808.29856835661996, 1e-6, 'z = −40');
    assert.equal(ei[6], 0, 'plain EI underflows at z = −40');
    assert.ok(logEi[4]! > logEi[5]! && logEi[5]! > logEi[6]!, 'the ranking survives the underflow');
  });

  it('log EI is continuous where it switches to the tail formula', () => {
    close(logExpectedImprovementUnit(-6 + 1e-9), logExpectedImprovementUnit(-6 - 1e-9), 1e-5, 'z = −6');
    close(logExpectedImprovementUnit(-6), -22.578879392169797, 1e-5, 'z = −6 reference');
  });

  it('log EI in the tail matches a deep continued fraction across the whole range', () => {
    // Reference: the Mills-ratio continued fraction 80 levels deep, far beyond convergence.
    const reference = (z: number): number => {
      const x = -z;
      let g = x;
      for (let k = 80; k >= 2; k--) g = x + k / g;
      return -0.5 * z * z - 0.5 * Math.log(2 * Math.PI) - Math.log(x + 1 / g) - Math.log(g);
    };
    for (let x = 6.000001; x < 1e5; x *= 1.0007) {
      const expected = reference(-x);
      const got = logExpectedImprovementUnit(-x);
      assert.ok(Math.abs(got - expected) <= 1e-15 * Math.abs(expected), `z = ${-x}: ${got} vs ${expected}`);
    }
  });

  it('log EI is −Infinity exactly where EI is 0 with no uncertainty', () => {
    const logEi = logExpectedImprovement(Float64Array.of(2, 0.5), Float64Array.of(0, 0), 1, 0);
    assert.equal(logEi[0], -Infinity);
    close(logEi[1]!, Math.log(0.5), 1e-12, 'certain improvement');
  });
});
