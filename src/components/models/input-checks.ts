/**
 * Input checks every model's fit and predict share, so the algorithms can assume finite values,
 * consistent lengths, labels in range and non-negative weights with a positive total.
 */
import type { FeatureMatrix } from '../matrix.ts';
import { AutoMLError } from '../../util/errors.ts';

/**
 * Checks that every column has `x.nRows` finite values. With `expectedFeatures` (prediction),
 * also checks the column count against what the model was fitted on.
 */
export function checkFeatures(x: FeatureMatrix, what: string, expectedFeatures?: number): void {
  if (!Number.isInteger(x.nRows) || x.nRows < 0) {
    throw new AutoMLError('BAD_INPUT', `${what}: nRows must be a non-negative integer, got ${x.nRows}`);
  }
  if (expectedFeatures !== undefined && x.columns.length !== expectedFeatures) {
    throw new AutoMLError('BAD_INPUT', `${what}: the model was fitted on ${expectedFeatures} features but got ${x.columns.length}`);
  }
  for (let j = 0; j < x.columns.length; j++) {
    const column = x.columns[j]!;
    if (column.length !== x.nRows) {
      throw new AutoMLError('BAD_INPUT', `${what}: feature ${j} has ${column.length} values for ${x.nRows} rows`);
    }
    for (let i = 0; i < column.length; i++) {
      if (!Number.isFinite(column[i]!)) {
        throw new AutoMLError('DEGENERATE_INPUT', `${what}: feature ${j} has a non-finite value (${column[i]}) at row ${i}`, {
          hint: 'impute missing values and remove infinities before fitting this model',
        });
      }
    }
  }
}

/** Fitting needs at least one row. */
export function checkHasRows(x: FeatureMatrix, what: string): void {
  if (x.nRows === 0) throw new AutoMLError('DEGENERATE_INPUT', `${what}: cannot fit on 0 rows`);
}

export function checkClassLabels(y: Int32Array, nRows: number, nClasses: number, what: string): void {
  if (!Number.isInteger(nClasses) || nClasses < 1) {
    throw new AutoMLError('BAD_INPUT', `${what}: nClasses must be a positive integer, got ${nClasses}`);
  }
  if (y.length !== nRows) throw new AutoMLError('BAD_INPUT', `${what}: ${y.length} labels for ${nRows} rows`);
  for (let i = 0; i < y.length; i++) {
    const label = y[i]!;
    if (label < 0 || label >= nClasses) {
      throw new AutoMLError('BAD_INPUT', `${what}: label ${label} at row ${i} is outside 0..${nClasses - 1}`);
    }
  }
}

export function checkTargets(y: Float64Array, nRows: number, what: string): void {
  if (y.length !== nRows) throw new AutoMLError('BAD_INPUT', `${what}: ${y.length} targets for ${nRows} rows`);
  for (let i = 0; i < y.length; i++) {
    if (!Number.isFinite(y[i]!)) {
      throw new AutoMLError('DEGENERATE_INPUT', `${what}: target at row ${i} is not finite (${y[i]})`);
    }
  }
}

/**
 * Checks given sample weights (one per row, finite, non-negative) and returns their sum. A zero
 * total leaves nothing to learn from, so it is rejected rather than turned into NaN later.
 */
export function checkSampleWeights(nRows: number, sampleWeight: Float64Array, what: string): number {
  if (sampleWeight.length !== nRows) {
    throw new AutoMLError('BAD_INPUT', `${what}: ${sampleWeight.length} sample weights for ${nRows} rows`);
  }
  let total = 0;
  for (let i = 0; i < nRows; i++) {
    const w = sampleWeight[i]!;
    if (!(w >= 0) || !Number.isFinite(w)) {
      throw new AutoMLError('BAD_INPUT', `${what}: sample weight at row ${i} must be finite and >= 0, got ${w}`);
    }
    total += w;
  }
  if (!(total > 0)) throw new AutoMLError('DEGENERATE_INPUT', `${what}: sample weights sum to zero`);
  return total;
}
