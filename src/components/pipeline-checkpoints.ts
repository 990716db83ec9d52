/**
 * A pipeline's side of a learner's checkpoints (fit-observer.ts): whoever fits the pipeline sees
 * predictions on its own validation rows, in the same form as Pipeline.predict gives them, while the
 * model sees a FitObserver on the numeric matrix. The validation rows go through the fitted
 * preprocessors once, at the first checkpoint, so a learner that never reports costs nothing.
 */
import type { Dataset } from '../data/dataset.ts';
import type { Prediction } from '../metrics/prediction.ts';
import type { FitObserver } from './fit-observer.ts';
import type { FeatureMatrix } from './matrix.ts';
import { applyPriorShift } from './prior-shift.ts';

export interface ValidationWatch {
  /** Shares of the learner's iterations at which to report, ascending, in (0, 1). */
  readonly shares: readonly number[];
  /** Rows the model so far predicts at each checkpoint. */
  readonly validation: Dataset;
  /** The model so far's predictions on `validation` at `share`; returning true ends the fit. */
  onCheckpoint(share: number, prediction: Prediction): boolean;
}

/**
 * The model's observer for `watch`. `transform` applies the pipeline's fitted preprocessors;
 * `priorShift` is the correction Pipeline.predict applies to class probabilities.
 */
export function modelObserverFor(watch: ValidationWatch, transform: (data: Dataset) => FeatureMatrix, priorShift: Float64Array | undefined): FitObserver {
  let matrix: FeatureMatrix | undefined;
  return {
    shares: watch.shares,
    checkpoint(share, predictSoFar) {
      matrix ??= transform(watch.validation);
      const prediction = predictSoFar(matrix);
      if (prediction.kind === 'classification' && priorShift !== undefined) applyPriorShift(prediction.proba, priorShift);
      return watch.onCheckpoint(share, prediction);
    },
  };
}
