/** Checks of what callers hand to fit and predict, reported as typed errors. */
import type { FeatureMatrix } from '../../matrix.ts';
import { AutoMLError } from '../../../util/errors.ts';

/** Rejects ragged matrices, a wrong feature count and NaN values (imputation should have removed them). */
export function checkFeatures(x: FeatureMatrix, expectedFeatures: number | null): void {
  if (expectedFeatures !== null && x.columns.length !== expectedFeatures) {
    throw new AutoMLError('BAD_INPUT', `gradient_boosting: expected ${expectedFeatures} features, got ${x.columns.length}`);
  }
  for (let f = 0; f < x.columns.length; f++) {
    const column = x.columns[f]!;
    if (column.length !== x.nRows) {
      throw new AutoMLError('BAD_INPUT', `gradient_boosting: feature ${f} has ${column.length} values for ${x.nRows} rows`);
    }
    for (let i = 0; i < column.length; i++) {
      if (Number.isNaN(column[i]!)) {
        throw new AutoMLError('DEGENERATE_INPUT', `gradient_boosting: feature ${f} is NaN at row ${i}`, {
          hint: 'impute missing values before the model',
        });
      }
    }
  }
}

export function checkTrainingRows(x: FeatureMatrix, targetLength: number): void {
  if (x.nRows === 0) throw new AutoMLError('DEGENERATE_INPUT', 'gradient_boosting: cannot fit on 0 rows');
  if (targetLength !== x.nRows) {
    throw new AutoMLError('BAD_INPUT', `gradient_boosting: ${targetLength} targets for ${x.nRows} rows`);
  }
}

/** Returns the weights to use: null when absent. Weights must be finite, >= 0 and not all 0. */
export function checkWeights(weights: Float64Array | undefined, nRows: number): Float64Array | null {
  if (weights === undefined) return null;
  if (weights.length !== nRows) {
    throw new AutoMLError('BAD_INPUT', `gradient_boosting: ${weights.length} sample weights for ${nRows} rows`);
  }
  let total = 0;
  for (let i = 0; i < nRows; i++) {
    const w = weights[i]!;
    if (!(w >= 0) || !Number.isFinite(w)) {
      throw new AutoMLError('BAD_INPUT', `gradient_boosting: sample weight ${w} at row ${i} is not a finite number >= 0`);
    }
    total += w;
  }
  if (!(total > 0)) throw new AutoMLError('DEGENERATE_INPUT', 'gradient_boosting: all sample weights are 0');
  return weights;
}

/** Class indices must be integers in 0..nClasses-1. */
export function checkLabels(y: Int32Array, nClasses: number): void {
  if (!Number.isInteger(nClasses) || nClasses < 1) {
    throw new AutoMLError('BAD_INPUT', `gradient_boosting: nClasses must be a positive integer, got ${nClasses}`);
  }
  for (let i = 0; i < y.length; i++) {
    const label = y[i]!;
    if (label < 0 || label >= nClasses) {
      throw new AutoMLError('BAD_INPUT', `gradient_boosting: class ${label} at row ${i} is outside 0..${nClasses - 1}`);
    }
  }
}

export function checkRegressionTarget(y: Float64Array): void {
  for (let i = 0; i < y.length; i++) {
    if (!Number.isFinite(y[i]!)) {
      throw new AutoMLError('DEGENERATE_INPUT', `gradient_boosting: target ${y[i]} at row ${i} is not finite`);
    }
  }
}
