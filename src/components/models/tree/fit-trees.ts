/**
 * Fits the trees of any tree model: one tree for a decision tree, many for a forest.
 *
 * Tree t draws from its own generator seeded by mixSeed(seed, t), so a tree depends only on
 * the model seed, its index and the data: the same seed reproduces a forest exactly, and
 * adding trees leaves the earlier ones unchanged.
 */
import { mixSeed, Rng } from '../../../util/rng.ts';
import type { FeatureMatrix } from '../../matrix.ts';
import { binFeatures } from './binning.ts';
import { drawBootstrapCounts } from './bootstrap.ts';
import { TreeBuilder } from './builder.ts';
import { ClassificationSearch } from './classification-search.ts';
import type { FlatTree } from './flat-tree.ts';
import { growthLimits } from './params.ts';
import type { ClassificationCriterion, Splitter, TreeGrowthParams } from './params.ts';
import { RegressionSearch } from './regression-search.ts';
import type { SplitSearch } from './split-search.ts';

export type TreeTarget =
  | { readonly kind: 'classification'; readonly y: Int32Array; readonly nClasses: number; readonly criterion: ClassificationCriterion }
  | { readonly kind: 'regression'; readonly y: Float64Array };

export interface EnsembleSettings {
  readonly growth: TreeGrowthParams;
  readonly splitter: Splitter;
  readonly nTrees: number;
  /** Each tree sees a bootstrap resample (as integer weights) instead of every row. */
  readonly bootstrap: boolean;
  readonly seed: number;
  /**
   * Which trees of the ensemble to grow, in this order (default: all, 0 … nTrees-1), each
   * seeded by its index; lets a caller regrow part of an ensemble on new data (the optimiser's
   * surrogate does) while paying the binning once. Growing a prefix 0 … k-1 gives exactly the
   * first k trees of the whole ensemble.
   */
  readonly treeIndices?: readonly number[];
}

/**
 * Told after each tree with the trees grown so far (a live array: copy what must outlive the
 * call); returning true ends the fit with those trees.
 */
export type TreeObserver = (grown: readonly FlatTree[]) => boolean;

/** x, target and sampleWeight must already have passed input-checks.ts. */
export function fitTrees(x: FeatureMatrix, target: TreeTarget, sampleWeight: Float64Array, settings: EnsembleSettings, afterTree?: TreeObserver): FlatTree[] {
  const n = x.nRows;
  const columns = x.columns;
  const limits = growthLimits(settings.growth, columns.length);
  // Binning is shared by all trees of the forest; the random splitter reads raw values instead.
  const bins = settings.splitter === 'best' ? binFeatures(x, sampleWeight) : null;
  const search: SplitSearch =
    target.kind === 'classification'
      ? new ClassificationSearch(columns, bins, limits.featuresPerSplit, target.y, target.nClasses, target.criterion)
      : new RegressionSearch(columns, bins, limits.featuresPerSplit, target.y);
  const valuesPerLeaf = target.kind === 'classification' ? target.nClasses : 1;
  const builder = new TreeBuilder(valuesPerLeaf);
  const weights = new Float64Array(n);
  const allRows = new Int32Array(n);
  const trees: FlatTree[] = [];
  const indices = settings.treeIndices ?? Array.from({ length: settings.nTrees }, (_, t) => t);
  for (const t of indices) {
    const rng = new Rng(mixSeed(settings.seed, t));
    let totalWeight = settings.bootstrap ? bootstrapWeights(rng, sampleWeight, weights) : 0;
    // A resample can miss every weighted row on tiny data; such a tree then sees all rows.
    if (!(totalWeight > 0)) {
      weights.set(sampleWeight);
      totalWeight = 0;
      for (let i = 0; i < n; i++) totalWeight += weights[i]!;
    }
    let used = 0;
    for (let i = 0; i < n; i++) if (weights[i]! > 0) allRows[used++] = i;
    trees.push(
      builder.grow({
        search,
        columns,
        rng,
        weights,
        rows: allRows.subarray(0, used),
        limits,
        totalWeight,
      }),
    );
    if (afterTree !== undefined && afterTree(trees)) break;
  }
  return trees;
}

/** Writes count-of-draws × sample weight per row into `out`; returns the total weight. */
function bootstrapWeights(rng: Rng, sampleWeight: Float64Array, out: Float64Array): number {
  const n = out.length;
  drawBootstrapCounts(rng, out);
  let total = 0;
  for (let i = 0; i < n; i++) {
    out[i] *= sampleWeight[i]!;
    total += out[i]!;
  }
  return total;
}
