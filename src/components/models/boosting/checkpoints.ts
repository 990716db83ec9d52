/** Boosting's side of fit checkpoints (components/fit-observer.ts): shares of max_iter rounds. */
import { scheduleFor, type FitObserver, type PartialPredictor } from '../../fit-observer.ts';
import type { BoostedEnsemble, RoundObserver } from './booster.ts';

/**
 * The round observer that reports `observer`'s shares of `maxIter` rounds, predicting with
 * `predict` on the ensemble so far; undefined without an observer.
 */
export function roundObserverFor(observer: FitObserver | undefined, maxIter: number, predict: (ensemble: BoostedEnsemble) => PartialPredictor): RoundObserver | undefined {
  const schedule = scheduleFor(observer, maxIter);
  if (schedule === undefined) return undefined;
  return (roundsDone, soFar) => schedule.reached(roundsDone, () => predict(soFar()));
}
