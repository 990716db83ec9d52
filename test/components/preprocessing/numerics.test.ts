/** The numerical building blocks: symmetric eigen-decomposition and the normal quantile function. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { symmetricEigen } from '../../../src/components/preprocessing/symmetric-eigen.ts';
import { normalQuantile } from '../../../src/components/preprocessing/normal-quantile.ts';
import { Rng } from '../../../src/util/rng.ts';
import { assertThrowsCode } from './helpers.ts';

function symmetric(n: number, entry: (i: number, j: number) => number): Float64Array {
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      const value = entry(i, j);
      a[i * n + j] = value;
      a[j * n + i] = value;
    }
  }
  return a;
}

/** Largest |A v − λ v| and |VᵀV − I| entries, relative to the largest |A| entry. */
function residuals(a: Float64Array, n: number): { residual: number; orthogonality: number; sorted: boolean } {
  const { values, vectors } = symmetricEigen(a, n);
  const scale = Math.max(1, ...Array.from(a, Math.abs));
  let residual = 0;
  let orthogonality = 0;
  for (let k = 0; k < n; k++) {
    for (let i = 0; i < n; i++) {
      let sum = 0;
      for (let j = 0; j < n; j++) sum += a[i * n + j]! * vectors[k * n + j]!;
      residual = Math.max(residual, Math.abs(sum - values[k]! * vectors[k * n + i]!) / scale);
    }
    for (let l = 0; l <= k; l++) {
      let sum = 0;
      for (let j = 0; j < n; j++) sum += vectors[k * n + j]! * vectors[l * n + j]!;
      orthogonality = Math.max(orthogonality, Math.abs(sum - (k === l ? 1 : 0)));
    }
  }
  return { residual, orthogonality, sorted: values.every((v, k) => k === 0 || v <= values[k - 1]!) };
}

describe('symmetricEigen', () => {
  const rng = new Rng(3);
  const cases: [string, number, (i: number, j: number) => number][] = [
    ['1×1', 1, () => 4],
    ['zero matrix', 5, () => 0],
    ['diagonal with repeated values', 6, (i, j) => (i === j ? 2 : 0)],
    ['already tridiagonal', 30, (i, j) => (Math.abs(i - j) === 1 ? 1 : i === j ? -2 : 0)],
    ['rank one block', 25, (i, j) => (i < 4 && j < 4 ? 1 : 0)],
    ['random dense', 60, () => rng.normal()],
    ['badly scaled', 20, (i, j) => rng.normal() * 10 ** ((i + j) % 7 - 3)],
  ];
  for (const [name, n, entry] of cases) {
    it(`decomposes a ${name} matrix to working precision`, () => {
      const { residual, orthogonality, sorted } = residuals(symmetric(n, entry), n);
      assert.ok(residual < 1e-12, `residual ${residual}`);
      assert.ok(orthogonality < 1e-12, `orthogonality ${orthogonality}`);
      assert.ok(sorted, 'eigenvalues not descending');
    });
  }

  it('finds known eigenvalues', () => {
    const { values } = symmetricEigen(Float64Array.from([2, 1, 1, 2]), 2);
    assert.ok(Math.abs(values[0]! - 3) < 1e-15 && Math.abs(values[1]! - 1) < 1e-15);
  });

  it('refuses non-finite entries', () => {
    assertThrowsCode(() => symmetricEigen(Float64Array.from([1, NaN, NaN, 1]), 2), 'DEGENERATE_INPUT');
  });
});

describe('normalQuantile', () => {
  it('matches reference values of the standard normal quantile function', () => {
    const reference: [number, number][] = [
      [0.5, 0],
      [0.975, 1.959963984540054],
      [0.8413447460685429, 1],
      [0.001, -3.090232306167813],
      [0.02, -2.053748910631823],
      [1e-7, -5.199337582187471],
    ];
    for (const [p, x] of reference) assert.ok(Math.abs(normalQuantile(p) - x) < 1e-8, `Φ⁻¹(${p})`);
  });

  it('is odd around 1/2, monotone, and infinite at the ends', () => {
    for (const p of [0.01, 0.1, 0.3, 0.49]) assert.ok(Math.abs(normalQuantile(p) + normalQuantile(1 - p)) < 1e-8);
    let previous = -Infinity;
    for (let k = 1; k < 1000; k++) {
      const x = normalQuantile(k / 1000);
      assert.ok(x > previous);
      previous = x;
    }
    assert.equal(normalQuantile(0), -Infinity);
    assert.equal(normalQuantile(1), Infinity);
    assert.ok(Number.isNaN(normalQuantile(1.5)));
  });
});
