/**
 * Input checks shared by the neighbour, naive Bayes and discriminant models. Every fit and
 * predict goes through here first, so the algorithms can assume finite values, consistent
 * lengths, labels in range and weights that are non-negative with a positive total.
 */
import type { FeatureMatrix } from '../../matrix.ts';
import { AutoMLError } from '../../../util/errors.ts';

/**
 * Checks the matrix shape and that every value is finite. Fitting (no `expectedFeatures`) also
 * needs at least one row; prediction checks the feature count the model was fitted on.
 */
export function checkFeatureMatrix(x: FeatureMatrix, what: string, expectedFeatures?: number): void {
  if (!Number.isInteger(x.nRows) || x.nRows < 0) {
    throw new AutoMLError('BAD_INPUT', `${what}: nRows must be a non-negative integer, got ${x.nRows}`);
  }
  if (expectedFeatures === undefined && x.nRows === 0) {
    throw new AutoMLError('DEGENERATE_INPUT', `${what}: cannot fit on 0 rows`);
  }
  if (expectedFeatures !== undefined && x.columns.length !== expectedFeatures) {
    throw new AutoMLError(
      'BAD_INPUT',
      `${what}: the model was fitted on ${expectedFeatures} features but got ${x.columns.length}`,
    );
  }
  for (let j = 0; j < x.columns.length; j++) {
    const column = x.columns[j]!;
    if (column.length !== x.nRows) {
      throw new AutoMLError('BAD_INPUT', `${what}: feature ${j} has ${column.length} values for ${x.nRows} rows`);
    }
    for (let i = 0; i < column.length; i++) {
      if (!Number.isFinite(column[i]!)) {
        throw new AutoMLError('DEGENERATE_INPUT', `${what}: feature ${j} has a non-finite value (${column[i]}) at row ${i}`, {
          hint: 'impute missing values and remove infinities before this model',
        });
      }
    }
  }
}

export function checkClassLabels(y: Int32Array, nRows: number, nClasses: number, what: string): void {
  if (!Number.isInteger(nClasses) || nClasses < 1) {
    throw new AutoMLError('BAD_INPUT', `${what}: nClasses must be a positive integer, got ${nClasses}`);
  }
  if (y.length !== nRows) throw new AutoMLError('BAD_INPUT', `${what}: ${y.length} labels for ${nRows} rows`);
  for (let i = 0; i < nRows; i++) {
    const label = y[i]!;
    if (label < 0 || label >= nClasses) {
      throw new AutoMLError('BAD_INPUT', `${what}: label ${label} at row ${i} is outside 0..${nClasses - 1}`);
    }
  }
}

export function checkRegressionTargets(y: Float64Array, nRows: number, what: string): void {
  if (y.length !== nRows) throw new AutoMLError('BAD_INPUT', `${what}: ${y.length} targets for ${nRows} rows`);
  for (let i = 0; i < nRows; i++) {
    if (!Number.isFinite(y[i]!)) {
      throw new AutoMLError('DEGENERATE_INPUT', `${what}: target at row ${i} is not finite (${y[i]})`);
    }
  }
}

/**
 * One weight per row: the given sample weights after checking them, or all ones. A zero total
 * leaves nothing to learn from, so it is rejected rather than turned into NaN later.
 */
export function resolveSampleWeights(nRows: number, sampleWeight: Float64Array | undefined, what: string): Float64Array {
  if (sampleWeight === undefined) return new Float64Array(nRows).fill(1);
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
  return Float64Array.from(sampleWeight);
}

/**
 * All checks a classifier's fit needs; returns one non-negative weight per row (all ones when
 * none were given).
 */
export function checkClassifierFit(
  x: FeatureMatrix,
  y: Int32Array,
  nClasses: number,
  sampleWeight: Float64Array | undefined,
  what: string,
): Float64Array {
  checkFeatureMatrix(x, what);
  checkClassLabels(y, x.nRows, nClasses, what);
  return resolveSampleWeights(x.nRows, sampleWeight, what);
}

/** Summed sample weight of each class. */
export function classWeightTotals(y: Int32Array, weights: Float64Array, nClasses: number): Float64Array {
  const totals = new Float64Array(nClasses);
  for (let i = 0; i < y.length; i++) totals[y[i]!]! += weights[i]!;
  return totals;
}

/** Throws ILLEGAL_VALUE naming the hyperparameter when `valid` is false. */
export function requireParam(valid: boolean, what: string, name: string, expectation: string, value: unknown): void {
  if (!valid) {
    throw new AutoMLError(
      'ILLEGAL_VALUE',
      `${what}: ${name} must be ${expectation}, got ${typeof value === 'string' ? JSON.stringify(value) : String(value)}`,
    );
  }
}

export function notFitted(what: string): AutoMLError {
  return new AutoMLError('NOT_FITTED', `${what}: call fit() before predicting or saving`);
}
