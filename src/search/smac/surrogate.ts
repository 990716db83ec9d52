/**
 * The surrogate model: a random forest regressor over imputed configuration vectors, whose
 * across-tree mean and variance stand for the predicted (transformed) cost and its uncertainty.
 *
 * Refits are partial: each one regrows only the `refit_fraction` of the trees that were grown
 * longest ago, on all current data, and keeps the structure of the others. Growing the forest
 * is half of the optimiser's time per proposal, and between two proposals the data usually
 * gained a single row; with the default of one half every tree's splits have seen all but at
 * most the last result, while a refit costs half as much. (A fraction of 1 regrows every tree
 * every time.) A kept tree's leaf values are recomputed from the current targets: the log cost
 * transform moves whenever a new best or worst cost arrives, and leaves on the old scale would
 * skew both the mean and the across-tree variance; the new rows also land in their leaves. A caller regrows
 * every tree when the training data holds fantasies of pending trials: a kept tree would not
 * know about the pending points, and the spreading of parallel proposals relies on all of them.
 */
import { fitTrees } from '../../components/models/tree/fit-trees.ts';
import { FlatTree, TREE_GROWTH_DEFAULTS } from '../../components/models/tree/index.ts';
import { meanVarianceOfLeaves, predictMeanVariance, predictMeanVarianceOfRows } from '../../components/models/tree/predict-trees.ts';
import type { FeatureMatrix, RowMajorMatrix } from '../../components/matrix.ts';
import { mixSeed } from '../../util/rng.ts';
import type { SmacSettings } from './defaults.ts';
import type { LeafCache } from './leaf-cache.ts';

export interface Prediction {
  readonly mean: Float64Array;
  readonly variance: Float64Array;
}

export class Surrogate {
  private readonly trees: FlatTree[] = [];
  /**
   * Per tree slot, the fit that grew the tree there: unchanged while the tree's splits are
   * (a kept tree's leaf values are refreshed, its splits never), which lets a LeafCache reuse
   * the leaves rows reached.
   */
  private readonly versions: number[] = [];
  /** Next tree to regrow: trees are regrown round-robin, oldest first. */
  private cursor = 0;
  private fits = 0;
  /** Lowest predicted mean over the observed rows: the incumbent value EI improves upon. */
  private incumbent = Infinity;

  constructor(
    private readonly settings: SmacSettings,
    private readonly seed: number,
  ) {}

  get incumbentValue(): number {
    return this.incumbent;
  }

  /**
   * Refits on `x` (imputed vectors) and `y` (transformed costs): the first time, or with
   * `regrowAll`, every tree, otherwise the oldest `refit_fraction` of them. Only the first
   * `observedRows` rows are real observations (the rest are fantasies of pending trials): the
   * incumbent is judged among those.
   */
  fit(x: FeatureMatrix, y: Float64Array, observedRows = x.nRows, regrowAll = false): void {
    const nTrees = this.settings.n_trees;
    const count = this.trees.length === 0 || regrowAll ? nTrees : Math.min(nTrees, Math.max(1, Math.round(nTrees * this.settings.refit_fraction)));
    const indices = Array.from({ length: count }, (_, i) => (this.cursor + i) % nTrees);
    this.cursor = (this.cursor + count) % nTrees;
    const grown = fitTrees(x, { kind: 'regression', y }, new Float64Array(x.nRows).fill(1), {
      growth: {
        ...TREE_GROWTH_DEFAULTS,
        max_depth: this.settings.max_depth,
        min_samples_split: this.settings.min_samples_split,
        min_samples_leaf: this.settings.min_samples_leaf,
        max_features: this.settings.max_features,
      },
      splitter: 'best',
      nTrees,
      bootstrap: this.settings.bootstrap,
      // A fresh seed per fit, so a regrown tree draws a new bootstrap sample and new features.
      seed: mixSeed(this.seed, this.fits),
      treeIndices: indices,
    });
    const regrown = new Set(indices);
    if (regrown.size < nTrees) {
      const rowMajor = toRowMajor(x);
      for (let t = 0; t < nTrees; t++) if (!regrown.has(t)) this.trees[t] = withLeafMeans(this.trees[t]!, rowMajor, x, y);
    }
    indices.forEach((t, i) => {
      this.trees[t] = grown[i]!;
      this.versions[t] = this.fits;
    });
    this.fits++;
    // The incumbent is judged by the model rather than by its single observation: with the
    // same scale on both sides of the EI comparison, one lucky noisy trial cannot set a bar
    // the model can never predict itself clearing.
    const { mean } = predictMeanVariance(this.trees, { nRows: observedRows, columns: x.columns.map((c) => c.subarray(0, observedRows)) }, false);
    let lowest = Infinity;
    for (let i = 0; i < observedRows; i++) if (mean[i]! < lowest) lowest = mean[i]!;
    this.incumbent = lowest;
  }

  predict(x: FeatureMatrix): Prediction {
    return predictMeanVariance(this.trees, x);
  }

  /** `predict` of row-major rows; with a cache, of rows the cache follows (see leaf-cache.ts). */
  predictRows(x: RowMajorMatrix, cache?: LeafCache): Prediction {
    if (cache === undefined) return predictMeanVarianceOfRows(this.trees, x);
    return meanVarianceOfLeaves(this.trees, cache.leavesOf(this.trees, this.versions, x), x.nRows);
  }
}

function toRowMajor(x: FeatureMatrix): Float64Array {
  const d = x.columns.length;
  const out = new Float64Array(x.nRows * d);
  x.columns.forEach((column, f) => {
    for (let i = 0; i < x.nRows; i++) out[i * d + f] = column[i]!;
  });
  return out;
}

/**
 * The tree with each leaf's value set to the mean target of the rows of `x` that reach it; a
 * leaf no row reaches (its rows were fantasies since told) keeps its value.
 */
function withLeafMeans(tree: FlatTree, rowMajor: Float64Array, x: FeatureMatrix, y: Float64Array): FlatTree {
  const leaves = new Int32Array(x.nRows);
  tree.applyRowMajor(rowMajor, x.columns.length, x.nRows, leaves, 0);
  const sums = new Float64Array(tree.leafValues.length);
  const counts = new Float64Array(tree.leafValues.length);
  for (let i = 0; i < x.nRows; i++) {
    sums[leaves[i]!] += y[i]!;
    counts[leaves[i]!]++;
  }
  const values = Float64Array.from(tree.leafValues, (old, leaf) => (counts[leaf]! > 0 ? sums[leaf]! / counts[leaf]! : old));
  return new FlatTree(tree.feature, tree.threshold, tree.left, tree.right, values, 1);
}
