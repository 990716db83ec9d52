/**
 * Predictions as flat Float64Arrays, so averaging is one loop whatever the task, and a
 * prediction view over a reusable buffer, so scoring a trial ensemble allocates nothing.
 */
import type { Prediction, Truth } from '../metrics/prediction.ts';
import { AutoMLError } from '../util/errors.ts';

/** The numbers of a prediction: row-major probabilities or the values. */
export function flatData(prediction: Prediction): Float64Array {
  return prediction.kind === 'classification' ? prediction.proba.data : prediction.values;
}

/** Number of values a prediction for `truth` holds. */
export function flatLength(truth: Truth): number {
  return truth.kind === 'classification' ? truth.codes.length * truth.nClasses : truth.values.length;
}

/** A prediction of the truth's kind and shape that reads `buffer`. */
export function predictionOver(truth: Truth, buffer: Float64Array): Prediction {
  if (truth.kind === 'regression') return { kind: 'regression', values: buffer };
  return { kind: 'classification', proba: { nRows: truth.codes.length, nClasses: truth.nClasses, data: buffer } };
}

/** Rejects a candidate whose prediction does not cover the scored rows in the truth's form. */
export function checkShape(id: number, prediction: Prediction, truth: Truth): void {
  const fits =
    prediction.kind === 'classification' && truth.kind === 'classification'
      ? prediction.proba.nRows === truth.codes.length &&
        prediction.proba.nClasses === truth.nClasses &&
        prediction.proba.data.length === flatLength(truth)
      : prediction.kind === 'regression' && truth.kind === 'regression' && prediction.values.length === truth.values.length;
  if (!fits) {
    throw new AutoMLError('INTERNAL', `ensemble candidate ${id} does not predict the validation rows in the expected form`);
  }
}
