/** Test helper: a FitObserver that records what a learner reports and stops where told. */
import type { FitObserver, PartialPredictor } from '../../src/components/fit-observer.ts';

export interface RecordingObserver extends FitObserver {
  /** Shares reported, in order. */
  readonly reported: number[];
  /** The predictor handed over at each reported share. */
  readonly predictors: PartialPredictor[];
}

/** Reports at `shares`; ends the fit at `stopAt` (a share), or never when absent. */
export function recordingObserver(shares: readonly number[], stopAt?: number): RecordingObserver {
  const reported: number[] = [];
  const predictors: PartialPredictor[] = [];
  return {
    shares,
    reported,
    predictors,
    checkpoint(share, predictSoFar) {
      reported.push(share);
      predictors.push(predictSoFar);
      return share === stopAt;
    },
  };
}
