/**
 * Weighted first and second moments per class, the statistics both discriminant models are
 * fitted from. Matrices are row-major d × d; per-class vectors are class-major (k * d + j).
 */
import type { FeatureMatrix } from '../../matrix.ts';

/** Weighted mean of every feature in every class; zeros for a class without weight. */
export function classMeans(x: FeatureMatrix, y: Int32Array, weights: Float64Array, classTotals: Float64Array): Float64Array {
  const d = x.columns.length;
  const nClasses = classTotals.length;
  const means = new Float64Array(nClasses * d);
  for (let j = 0; j < d; j++) {
    const column = x.columns[j]!;
    for (let i = 0; i < x.nRows; i++) means[y[i]! * d + j]! += weights[i]! * column[i]!;
    for (let k = 0; k < nClasses; k++) if (classTotals[k]! > 0) means[k * d + j]! /= classTotals[k]!;
  }
  return means;
}

/** Weighted mean of every feature over all rows. */
export function overallMean(x: FeatureMatrix, weights: Float64Array): Float64Array {
  let total = 0;
  for (let i = 0; i < x.nRows; i++) total += weights[i]!;
  return Float64Array.from(x.columns, (column) => {
    let sum = 0;
    for (let i = 0; i < x.nRows; i++) sum += weights[i]! * column[i]!;
    return sum / total;
  });
}

/** Weighted variance of every feature over all rows (biased, about the overall mean). */
export function overallVariance(x: FeatureMatrix, weights: Float64Array): Float64Array {
  const mean = overallMean(x, weights);
  let total = 0;
  for (let i = 0; i < x.nRows; i++) total += weights[i]!;
  return Float64Array.from(x.columns, (column, j) => {
    let sum = 0;
    for (let i = 0; i < x.nRows; i++) sum += weights[i]! * (column[i]! - mean[j]!) ** 2;
    return sum / total;
  });
}

/**
 * Deviations of the given rows from their class means, one array per feature: z_ij = x_ij − μ_yi,j.
 */
export function classCentredColumns(x: FeatureMatrix, y: Int32Array, means: Float64Array, rows: Int32Array): Float64Array[] {
  const d = x.columns.length;
  return x.columns.map((column, j) => Float64Array.from(rows, (row) => column[row]! - means[y[row]! * d + j]!));
}

/** Σ_t w_t z_t z_tᵀ / divisor for deviations z given column-wise; full symmetric matrix. */
export function scatterMatrix(columns: readonly Float64Array[], rowWeights: Float64Array, divisor: number): Float64Array {
  const d = columns.length;
  const scatter = new Float64Array(d * d);
  const weighted = columns.map((column) => column.map((value, t) => value * rowWeights[t]!));
  for (let j = 0; j < d; j++) {
    const a = weighted[j]!;
    for (let l = 0; l <= j; l++) {
      const b = columns[l]!;
      let sum = 0;
      for (let t = 0; t < b.length; t++) sum += a[t]! * b[t]!;
      scatter[j * d + l] = sum / divisor;
      scatter[l * d + j] = sum / divisor;
    }
  }
  return scatter;
}
