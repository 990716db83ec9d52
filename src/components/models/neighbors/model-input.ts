/**
 * Input checks shared by the neighbour, naive Bayes and discriminant models. Every fit and
 * predict goes through here first, so the algorithms can assume finite values, consistent
 * lengths, labels in range and weights that are non-negative with a positive total.
 */
import type { FeatureMatrix } from '../../matrix.ts';
import { AutoMLError } from '../../../util/errors.ts';
import { checkClassLabels, checkFeatures, checkHasRows, checkSampleWeights } from '../input-checks.ts';

export { checkClassLabels, checkTargets as checkRegressionTargets } from '../input-checks.ts';

/**
 * Checks the matrix shape and that every value is finite. Fitting (no `expectedFeatures`) also
 * needs at least one row; prediction checks the feature count the model was fitted on.
 */
export function checkFeatureMatrix(x: FeatureMatrix, what: string, expectedFeatures?: number): void {
  if (expectedFeatures === undefined && Number.isInteger(x.nRows)) checkHasRows(x, what);
  checkFeatures(x, what, expectedFeatures);
}

/**
 * One weight per row: the given sample weights after checking them, or all ones. A zero total
 * leaves nothing to learn from, so it is rejected rather than turned into NaN later.
 */
export function resolveSampleWeights(nRows: number, sampleWeight: Float64Array | undefined, what: string): Float64Array {
  if (sampleWeight === undefined) return new Float64Array(nRows).fill(1);
  checkSampleWeights(nRows, sampleWeight, what);
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
