/**
 * Input checks for the MLP. Gradient descent silently turns a single NaN into NaN weights, so
 * non-finite values are refused up front as DEGENERATE_INPUT rather than discovered as a broken
 * model.
 */
import type { FeatureMatrix } from '../../matrix.ts';
import { AutoMLError } from '../../../util/errors.ts';
import { MLP_TYPE } from './params.ts';

/** Every column holds `x.nRows` finite values; at prediction, as many columns as were fitted. */
export function checkFeatures(x: FeatureMatrix, what: string, expectedFeatures?: number): void {
  if (!Number.isInteger(x.nRows) || x.nRows < 0) {
    throw new AutoMLError('BAD_INPUT', `${MLP_TYPE}.${what}: nRows must be a non-negative integer, got ${x.nRows}`);
  }
  if (expectedFeatures !== undefined && x.columns.length !== expectedFeatures) {
    throw new AutoMLError('BAD_INPUT', `${MLP_TYPE}.${what}: the model was fitted on ${expectedFeatures} features but got ${x.columns.length}`);
  }
  x.columns.forEach((column, j) => {
    if (column.length !== x.nRows) {
      throw new AutoMLError('BAD_INPUT', `${MLP_TYPE}.${what}: feature ${j} has ${column.length} values for ${x.nRows} rows`);
    }
    for (let i = 0; i < column.length; i++) {
      if (!Number.isFinite(column[i]!)) {
        throw new AutoMLError('DEGENERATE_INPUT', `${MLP_TYPE}.${what}: feature ${j} has a non-finite value (${column[i]}) at row ${i}`, {
          hint: 'impute missing values and remove infinities before the MLP',
        });
      }
    }
  });
}

export function checkTrainingShape(x: FeatureMatrix): void {
  if (x.nRows === 0) throw new AutoMLError('DEGENERATE_INPUT', `${MLP_TYPE}.fit: cannot fit on 0 rows`);
  if (x.columns.length === 0) throw new AutoMLError('DEGENERATE_INPUT', `${MLP_TYPE}.fit: cannot fit on 0 features`);
}

export function checkLabels(y: Int32Array, nRows: number, nClasses: number): void {
  if (!Number.isInteger(nClasses) || nClasses < 1) {
    throw new AutoMLError('BAD_INPUT', `${MLP_TYPE}.fit: nClasses must be a positive integer, got ${nClasses}`);
  }
  if (y.length !== nRows) throw new AutoMLError('BAD_INPUT', `${MLP_TYPE}.fit: ${y.length} labels for ${nRows} rows`);
  for (let i = 0; i < y.length; i++) {
    if (y[i]! < 0 || y[i]! >= nClasses) {
      throw new AutoMLError('BAD_INPUT', `${MLP_TYPE}.fit: label ${y[i]} at row ${i} is outside 0..${nClasses - 1}`);
    }
  }
}

export function checkTargets(y: Float64Array, nRows: number): void {
  if (y.length !== nRows) throw new AutoMLError('BAD_INPUT', `${MLP_TYPE}.fit: ${y.length} targets for ${nRows} rows`);
  for (let i = 0; i < y.length; i++) {
    if (!Number.isFinite(y[i]!)) throw new AutoMLError('DEGENERATE_INPUT', `${MLP_TYPE}.fit: target at row ${i} is not finite (${y[i]})`);
  }
}

/** Sample weights rescaled to mean 1 (all ones when none are given). */
export function meanOneWeights(nRows: number, sampleWeight: Float64Array | undefined): Float64Array {
  const weights = new Float64Array(nRows).fill(1);
  if (sampleWeight === undefined) return weights;
  if (sampleWeight.length !== nRows) {
    throw new AutoMLError('BAD_INPUT', `${MLP_TYPE}.fit: ${sampleWeight.length} sample weights for ${nRows} rows`);
  }
  let total = 0;
  for (let i = 0; i < nRows; i++) {
    const w = sampleWeight[i]!;
    if (!(w >= 0) || !Number.isFinite(w)) {
      throw new AutoMLError('BAD_INPUT', `${MLP_TYPE}.fit: sample weight at row ${i} must be finite and >= 0, got ${w}`);
    }
    total += w;
  }
  if (!(total > 0)) throw new AutoMLError('DEGENERATE_INPUT', `${MLP_TYPE}.fit: sample weights sum to zero`);
  for (let i = 0; i < nRows; i++) weights[i] = (sampleWeight[i]! * nRows) / total;
  return weights;
}
