/**
 * Cholesky factorisation of symmetric positive semi-definite matrices (covariances), row-major
 * d × d, for the discriminant models. Covariances are often singular in practice (constant or
 * duplicated features, classes with fewer rows than features), so factorisation comes with a
 * ridge that is raised until it succeeds.
 */

/** A pivot below this fraction of its diagonal entry means the column is (nearly) dependent. */
const PIVOT_TOLERANCE = 1e-10;
const FIRST_RIDGE = 1e-10;
const LAST_RIDGE = 1e4;

/**
 * Lower-triangular L with L·Lᵀ = matrix (upper triangle of the result is zero), or undefined if
 * a pivot is not clearly positive. Only the lower triangle of `matrix` is read.
 */
export function cholesky(matrix: Float64Array, d: number): Float64Array | undefined {
  const factor = new Float64Array(d * d);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = matrix[i * d + j]!;
      for (let m = 0; m < j; m++) sum -= factor[i * d + m]! * factor[j * d + m]!;
      if (i === j) {
        if (!(sum > PIVOT_TOLERANCE * matrix[i * d + i]!) || !(sum > 0)) return undefined;
        factor[i * d + i] = Math.sqrt(sum);
      } else {
        factor[i * d + j] = sum / factor[j * d + j]!;
      }
    }
  }
  return factor;
}

export interface RegularisedFactor {
  readonly factor: Float64Array;
  /** λ such that factor·factorᵀ = matrix + λ·diag(reference); 0 when none was needed. */
  readonly ridge: number;
}

/**
 * Cholesky of matrix + λ·diag(reference) for the smallest λ in 0, 1e-10, 1e-9, … that works.
 * `reference` gives each feature's own scale (positive entries), so the ridge means the same
 * whatever units the features are in.
 */
export function regularisedCholesky(matrix: Float64Array, d: number, reference: Float64Array): RegularisedFactor {
  const exact = cholesky(matrix, d);
  if (exact !== undefined) return { factor: exact, ridge: 0 };
  const loaded = Float64Array.from(matrix);
  for (let ridge = FIRST_RIDGE; ridge <= LAST_RIDGE; ridge *= 10) {
    for (let j = 0; j < d; j++) loaded[j * d + j] = matrix[j * d + j]! + ridge * reference[j]!;
    const factor = cholesky(loaded, d);
    if (factor !== undefined) return { factor, ridge };
  }
  // Unreachable for a covariance (positive semi-definite plus a positive diagonal), short of
  // non-finite input, which the models reject before fitting.
  throw new Error(`covariance could not be regularised to positive definite (d = ${d})`);
}

/** Solves L·z = b in place (forward substitution) for b stored at values[offset..offset + d). */
export function solveLower(factor: Float64Array, d: number, values: Float64Array, offset = 0): void {
  for (let i = 0; i < d; i++) {
    let sum = values[offset + i]!;
    for (let m = 0; m < i; m++) sum -= factor[i * d + m]! * values[offset + m]!;
    values[offset + i] = sum / factor[i * d + i]!;
  }
}

/** Solves Lᵀ·z = b in place (back substitution). */
export function solveUpperTransposed(factor: Float64Array, d: number, values: Float64Array, offset = 0): void {
  for (let i = d - 1; i >= 0; i--) {
    let sum = values[offset + i]!;
    for (let m = i + 1; m < d; m++) sum -= factor[m * d + i]! * values[offset + m]!;
    values[offset + i] = sum / factor[i * d + i]!;
  }
}

/** log det(L·Lᵀ) = 2 Σ log L_ii. */
export function logDeterminant(factor: Float64Array, d: number): number {
  let sum = 0;
  for (let i = 0; i < d; i++) sum += Math.log(factor[i * d + i]!);
  return 2 * sum;
}

/** The lower triangle row by row (d(d+1)/2 values), for saving a factor at half the size. */
export function packLower(factor: Float64Array, d: number): Float64Array {
  const packed = new Float64Array((d * (d + 1)) / 2);
  let index = 0;
  for (let i = 0; i < d; i++) for (let j = 0; j <= i; j++) packed[index++] = factor[i * d + j]!;
  return packed;
}

export function unpackLower(packed: Float64Array, d: number): Float64Array {
  const factor = new Float64Array(d * d);
  let index = 0;
  for (let i = 0; i < d; i++) for (let j = 0; j <= i; j++) factor[i * d + j] = packed[index++]!;
  return factor;
}
