/** The network's side of fit checkpoints (components/fit-observer.ts): shares of max_epochs. */
import { scheduleFor, type FitObserver, type PartialPredictor } from '../../fit-observer.ts';
import type { Network } from './network.ts';
import type { EpochObserver } from './train.ts';

/**
 * The epoch observer that reports `observer`'s shares of `maxEpochs`, predicting with `predict`
 * on the network training would keep; undefined without an observer. Early stopping usually ends
 * a fit well before max_epochs: the shares it never reaches are simply not reported.
 */
export function epochObserverFor(observer: FitObserver | undefined, maxEpochs: number, predict: (kept: Network) => PartialPredictor): EpochObserver | undefined {
  const schedule = scheduleFor(observer, maxEpochs);
  if (schedule === undefined) return undefined;
  return (epochsDone, kept) => schedule.reached(epochsDone, () => predict(kept));
}
