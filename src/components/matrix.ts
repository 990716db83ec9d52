/**
 * The numeric matrix models consume, after preprocessing: column-major, one Float64Array per
 * feature, no missing values (imputation happens before). Column-major keeps split search in
 * trees and per-feature scaling contiguous in memory.
 */
export interface FeatureMatrix {
  readonly nRows: number;
  readonly columns: readonly Float64Array[];
}

/**
 * Rows stored row-major, row i's features at data[i·nFeatures …]: the layout a tree reads one
 * row in, used where rows are built one at a time (an optimiser's candidates).
 */
export interface RowMajorMatrix {
  readonly nRows: number;
  readonly nFeatures: number;
  readonly data: Float64Array;
}

/** Class probabilities, row-major: `data[row * nClasses + k]`. Each row sums to 1. */
export interface ProbabilityMatrix {
  readonly nRows: number;
  readonly nClasses: number;
  readonly data: Float64Array;
}

export function featureCount(x: FeatureMatrix): number {
  return x.columns.length;
}

/** Copies row `row` of a column-major matrix into `out` (length = number of features). */
export function readRow(x: FeatureMatrix, row: number, out: Float64Array): Float64Array {
  const columns = x.columns;
  for (let j = 0; j < columns.length; j++) out[j] = columns[j]![row]!;
  return out;
}

/** Index of the largest probability per row. */
export function argmaxRows(proba: ProbabilityMatrix): Int32Array {
  const { nRows, nClasses, data } = proba;
  const out = new Int32Array(nRows);
  for (let i = 0; i < nRows; i++) {
    let best = 0;
    let bestValue = data[i * nClasses]!;
    for (let k = 1; k < nClasses; k++) {
      const value = data[i * nClasses + k]!;
      if (value > bestValue) {
        bestValue = value;
        best = k;
      }
    }
    out[i] = best;
  }
  return out;
}
