/**
 * Checkpoints of an iterative learner (boosting rounds, forest trees, network epochs): at given
 * shares of its iterations the learner hands an observer a way to predict with the model as it
 * stands, and the observer may end the fit there. The median stopping rule (search/early-stopping)
 * is such an observer. A fit without an observer never builds any of this, so it stays exactly as
 * it was.
 */
import type { Prediction } from '../metrics/prediction.ts';
import type { FeatureMatrix } from './matrix.ts';

/** Predicts what the model would if its fit ended now (the model it would keep, not a rough copy). */
export type PartialPredictor = (x: FeatureMatrix) => Prediction;

export interface FitObserver {
  /** Shares of the learner's iterations, ascending, in (0, 1), at which it reports. */
  readonly shares: readonly number[];
  /** Called once per share the fit reaches; returning true ends the fit there, keeping the model so far. */
  checkpoint(share: number, predictSoFar: PartialPredictor): boolean;
}

/**
 * The iteration count at which a share of `total` iterations is reached: round(share × total),
 * at least 1. A share that would only be reached with the last iteration is dropped: the whole fit
 * is over then, and stopping it would save nothing.
 */
export function checkpointIteration(share: number, total: number): number | undefined {
  const iteration = Math.max(1, Math.round(share * total));
  return iteration < total ? iteration : undefined;
}

/** Tells an observer about the checkpoints of a fit of `total` iterations as they are passed. */
export class CheckpointSchedule {
  private readonly due: { readonly share: number; readonly iteration: number }[] = [];
  private next = 0;

  constructor(private readonly observer: FitObserver, total: number) {
    for (const share of observer.shares) {
      const iteration = checkpointIteration(share, total);
      if (iteration !== undefined) this.due.push({ share, iteration });
    }
  }

  /**
   * After `done` iterations: reports every share reached since the last call, building the
   * predictor only if one is due. True when the observer ends the fit.
   */
  reached(done: number, soFar: () => PartialPredictor): boolean {
    let predictor: PartialPredictor | undefined;
    while (this.next < this.due.length && this.due[this.next]!.iteration <= done) {
      const { share } = this.due[this.next++]!;
      predictor ??= soFar();
      if (this.observer.checkpoint(share, predictor)) return true;
    }
    return false;
  }
}

/** A schedule for `observer`, or undefined without one (the learner then runs as it always did). */
export function scheduleFor(observer: FitObserver | undefined, total: number): CheckpointSchedule | undefined {
  return observer === undefined ? undefined : new CheckpointSchedule(observer, total);
}
