/**
 * Closed-form ridge solution on centred features:
 *
 *     (Xᵀ V X + l2 · I) β = Xᵀ V y,   V = diag(weights), weights summing to one,
 *
 * solved by Cholesky factorisation of the d × d normal equations. When the system is singular
 * (l2 = 0 with collinear or constant features), a growing multiple of the identity is added
 * until the factorisation succeeds, which picks a minimum-norm-like solution instead of failing.
 */
import { dot } from './vector.ts';

/** Relative jitter first tried on a singular system, then grown ×100 per retry. */
const FIRST_JITTER = 1e-12;

export function solveRidge(
  columns: readonly Float64Array[],
  weightedColumns: readonly Float64Array[],
  y: Float64Array,
  l2: number,
): Float64Array {
  const d = columns.length;
  const gram = new Float64Array(d * d);
  const rhs = new Float64Array(d);
  let largestDiagonal = 0;
  for (let j = 0; j < d; j++) {
    const wx = weightedColumns[j]!;
    for (let k = 0; k <= j; k++) {
      const value = dot(wx, columns[k]!);
      gram[j * d + k] = value;
      gram[k * d + j] = value;
    }
    largestDiagonal = Math.max(largestDiagonal, gram[j * d + j]!);
    rhs[j] = dot(wx, y);
  }
  const scale = largestDiagonal > 0 ? largestDiagonal : 1;
  const factor = new Float64Array(d * d);
  for (let jitter = 0; ; jitter = jitter === 0 ? FIRST_JITTER * scale : jitter * 100) {
    factor.set(gram);
    for (let j = 0; j < d; j++) factor[j * d + j] = factor[j * d + j]! + l2 + jitter;
    if (choleskyInPlace(factor, d, scale)) return choleskySolve(factor, d, rhs);
    // The jitter eventually dominates the Gram matrix, so this terminates.
    if (jitter > scale * 1e6) return new Float64Array(d);
  }
}

/**
 * Lower-triangular L with L·Lᵀ = A, written over the lower triangle of `a` (row-major).
 * Returns false when a pivot is not clearly positive relative to `scale`.
 */
function choleskyInPlace(a: Float64Array, d: number, scale: number): boolean {
  const minPivot = scale * 1e-13;
  for (let j = 0; j < d; j++) {
    let diagonal = a[j * d + j]!;
    for (let k = 0; k < j; k++) diagonal -= a[j * d + k]! * a[j * d + k]!;
    if (!(diagonal > minPivot)) return false;
    const pivot = Math.sqrt(diagonal);
    a[j * d + j] = pivot;
    for (let i = j + 1; i < d; i++) {
      let value = a[i * d + j]!;
      for (let k = 0; k < j; k++) value -= a[i * d + k]! * a[j * d + k]!;
      a[i * d + j] = value / pivot;
    }
  }
  return true;
}

/** Solves L·Lᵀ x = b by forward then backward substitution. */
function choleskySolve(l: Float64Array, d: number, b: Float64Array): Float64Array {
  const x = Float64Array.from(b);
  for (let i = 0; i < d; i++) {
    let value = x[i]!;
    for (let k = 0; k < i; k++) value -= l[i * d + k]! * x[k]!;
    x[i] = value / l[i * d + i]!;
  }
  for (let i = d - 1; i >= 0; i--) {
    let value = x[i]!;
    for (let k = i + 1; k < d; k++) value -= l[k * d + i]! * x[k]!;
    x[i] = value / l[i * d + i]!;
  }
  return x;
}
