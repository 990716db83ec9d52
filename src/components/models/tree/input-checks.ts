/**
 * Checks of the data handed to tree models. Trees need finite features: preprocessing imputes
 * missing values before any model sees the matrix, so a NaN here is a pipeline fault that is
 * reported rather than silently routed down one side of every split.
 */
import { AutoMLError } from '../../../util/errors.ts';
import type { FeatureMatrix } from '../../matrix.ts';

/** Shape and finiteness of a matrix; `nFeatures` is the fitted width when predicting. */
export function checkFeatures(x: FeatureMatrix, nFeatures: number | null, allowInfinite: boolean): void {
  if (nFeatures !== null && x.columns.length !== nFeatures) {
    throw new AutoMLError('BAD_INPUT', `expected ${nFeatures} feature columns, got ${x.columns.length}`);
  }
  for (let f = 0; f < x.columns.length; f++) {
    const column = x.columns[f]!;
    if (column.length !== x.nRows) {
      throw new AutoMLError('BAD_INPUT', `feature column ${f} has ${column.length} values for ${x.nRows} rows`);
    }
    for (let i = 0; i < column.length; i++) {
      const v = column[i]!;
      if (v - v !== 0 && !(allowInfinite && !Number.isNaN(v))) {
        throw new AutoMLError('DEGENERATE_INPUT', `feature column ${f}, row ${i} is ${v}; tree models need finite features`, {
          hint: 'impute missing values before fitting a tree model',
        });
      }
    }
  }
}

/** Everything `fit` needs before growing trees; returns the sample weights to use (all 1 when absent). */
export function checkTrainingInput(x: FeatureMatrix, targetLength: number, sampleWeight: Float64Array | undefined): Float64Array {
  if (x.nRows === 0) throw new AutoMLError('DEGENERATE_INPUT', 'cannot fit a tree model on 0 rows');
  checkFeatures(x, null, false);
  if (targetLength !== x.nRows) throw new AutoMLError('BAD_INPUT', `target has ${targetLength} values for ${x.nRows} rows`);
  if (sampleWeight === undefined) return new Float64Array(x.nRows).fill(1);
  if (sampleWeight.length !== x.nRows) {
    throw new AutoMLError('BAD_INPUT', `sampleWeight has ${sampleWeight.length} values for ${x.nRows} rows`);
  }
  let total = 0;
  for (let i = 0; i < sampleWeight.length; i++) {
    const w = sampleWeight[i]!;
    if (!(w >= 0) || w === Infinity) throw new AutoMLError('BAD_INPUT', `sampleWeight[${i}] = ${w}; weights must be finite and >= 0`);
    total += w;
  }
  if (!(total > 0)) throw new AutoMLError('DEGENERATE_INPUT', 'all sample weights are zero');
  return sampleWeight;
}

export function checkClassTargets(y: Int32Array, nClasses: number): void {
  if (!Number.isInteger(nClasses) || nClasses < 1) throw new AutoMLError('BAD_INPUT', `nClasses = ${nClasses}; expected an integer >= 1`);
  for (let i = 0; i < y.length; i++) {
    const k = y[i]!;
    if (k < 0 || k >= nClasses) throw new AutoMLError('BAD_INPUT', `y[${i}] = ${k} is not a class index in 0..${nClasses - 1}`);
  }
}

export function checkRegressionTargets(y: Float64Array): void {
  for (let i = 0; i < y.length; i++) {
    const v = y[i]!;
    if (v - v !== 0) throw new AutoMLError('DEGENERATE_INPUT', `y[${i}] = ${v}; regression targets must be finite`);
  }
}
