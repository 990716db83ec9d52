/** Forests' side of fit checkpoints (components/fit-observer.ts): shares of the trees to grow. */
import { scheduleFor, type FitObserver, type PartialPredictor } from '../../fit-observer.ts';
import type { TreeObserver } from './fit-trees.ts';
import type { FlatTree } from './flat-tree.ts';

/**
 * The tree observer that reports `observer`'s shares of `nTrees` trees, predicting with `predict`
 * on the trees so far; undefined without an observer. A single tree has no checkpoint.
 */
export function treeObserverFor(observer: FitObserver | undefined, nTrees: number, predict: (trees: readonly FlatTree[]) => PartialPredictor): TreeObserver | undefined {
  const schedule = scheduleFor(observer, nTrees);
  if (schedule === undefined) return undefined;
  return (grown) => schedule.reached(grown.length, () => predict(grown.slice()));
}
