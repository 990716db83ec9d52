/** Test helper: the few quality measures and output checks the model tests need. */
import assert from 'node:assert/strict';
import type { ProbabilityMatrix } from '../../../../src/components/matrix.ts';
import { argmaxRows } from '../../../../src/components/matrix.ts';

export function accuracy(proba: ProbabilityMatrix, y: Int32Array): number {
  const predicted = argmaxRows(proba);
  let correct = 0;
  for (let i = 0; i < y.length; i++) if (predicted[i] === y[i]) correct++;
  return correct / y.length;
}

/** Mean per-class recall over the classes present in `y`. */
export function balancedAccuracy(proba: ProbabilityMatrix, y: Int32Array): number {
  const predicted = argmaxRows(proba);
  const hits = new Float64Array(proba.nClasses);
  const counts = new Float64Array(proba.nClasses);
  for (let i = 0; i < y.length; i++) {
    counts[y[i]!]!++;
    if (predicted[i] === y[i]) hits[y[i]!]!++;
  }
  let sum = 0;
  let present = 0;
  counts.forEach((count, k) => {
    if (count > 0) {
      sum += hits[k]! / count;
      present++;
    }
  });
  return sum / present;
}

export function rSquared(predicted: Float64Array, y: Float64Array): number {
  const mean = y.reduce((a, b) => a + b, 0) / y.length;
  let residual = 0;
  let total = 0;
  for (let i = 0; i < y.length; i++) {
    residual += (y[i]! - predicted[i]!) ** 2;
    total += (y[i]! - mean) ** 2;
  }
  return 1 - residual / total;
}

/** Every probability finite and in [0, 1], every row summing to 1. */
export function assertValidProbabilities(proba: ProbabilityMatrix, nRows: number, nClasses: number): void {
  assert.equal(proba.nRows, nRows);
  assert.equal(proba.nClasses, nClasses);
  assert.equal(proba.data.length, nRows * nClasses);
  for (let i = 0; i < nRows; i++) {
    let sum = 0;
    for (let k = 0; k < nClasses; k++) {
      const p = proba.data[i * nClasses + k]!;
      assert.ok(Number.isFinite(p) && p >= 0 && p <= 1, `row ${i} class ${k}: probability ${p}`);
      sum += p;
    }
    assert.ok(Math.abs(sum - 1) < 1e-9, `row ${i} sums to ${sum}`);
  }
}
