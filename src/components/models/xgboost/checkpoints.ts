/**
 * XGBoost's side of fit checkpoints (components/fit-observer.ts): shares of n_estimators rounds.
 * Only the native engine boosts round by round and reports them; at a checkpoint it saves the
 * booster so far as JSON and parses its trees, about what the final save costs, once per
 * checkpoint. The wasm build trains every round in one call: there a fit reports nothing.
 */
import { scheduleFor, type FitObserver, type PartialPredictor } from '../../fit-observer.ts';
import type { RoundObserver } from './engine.ts';
import type { BoostedTrees } from './trees.ts';

/** The round observer reporting `observer`'s shares of `rounds`; undefined without an observer. */
export function roundObserverFor(observer: FitObserver | undefined, rounds: number, predict: (trees: BoostedTrees) => PartialPredictor): RoundObserver | undefined {
  const schedule = scheduleFor(observer, rounds);
  if (schedule === undefined) return undefined;
  return (roundsDone, soFar) => schedule.reached(roundsDone, () => predict(soFar()));
}
