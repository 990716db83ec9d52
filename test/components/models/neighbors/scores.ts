/** Test helper: the few quality measures the model tests need. */
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

/** Quality floor check whose failure message shows the score reached. */
export function assertAtLeast(score: number, floor: number, what: string): void {
  assert.ok(score >= floor, `${what}: ${score} is below ${floor}`);
}
