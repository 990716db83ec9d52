/**
 * The surrogate model: a random forest regressor over imputed configuration vectors, whose
 * across-tree mean and variance stand for the predicted (transformed) cost and its uncertainty.
 *
 * Its trees split categorical hyperparameters as sets of choices, as SMAC's own forest does
 * (set-split-builder.ts): the codes of a categorical have no order, and a threshold on them
 * could group choices only in the arbitrary order of the space's listing.
 *
 * Each tree is grown on its own bootstrap sample of the observations (row multiplicities) and
 * keeps that sample for as long as it lives.
 *
 * Refits are partial: each one regrows only the `refit_fraction` of the trees that were grown
 * longest ago, on all current data, and keeps the structure of the others. Growing the forest
 * is half of the optimiser's time per proposal, and between two proposals the data usually
 * gained a single row; with the default of one half every tree's splits have seen all but at
 * most the last result, while a refit costs half as much. (A fraction of 1 regrows every tree
 * every time.) A kept tree's leaf values are recomputed from the current targets (the log cost
 * transform moves whenever a new best or worst cost arrives, and leaves on the old scale would
 * skew both the mean and the across-tree variance), over the tree's own bootstrap sample: rows
 * that arrived after it was grown join that sample with a Poisson(1) multiplicity, the limit of
 * the bootstrap's Binomial(n, 1/n) counts, drawn from the tree's own seeded generator: each tree
 * then averages over a sample distributed like a fresh bootstrap of all the rows, drawn
 * independently of the other trees, without moving its splits (which the leaf cache relies on).
 * (Without `bootstrap`, every row counts once in every tree.) Averaging every tree's
 * leaves over all rows instead would make the kept trees agree more than independently
 * resampled trees do, shrinking the across-tree variance and so making expected improvement
 * greedier than the forest's evidence warrants.
 *
 * A caller regrows every tree when the training data holds fantasies of pending trials: a kept
 * tree would not know about the pending points, and the spreading of parallel proposals relies
 * on all of them.
 */
import type { FlatTree } from '../../components/models/tree/index.ts';
import { drawBootstrapCounts } from '../../components/models/tree/bootstrap.ts';
import { featuresPerSplit } from '../../components/models/tree/params.ts';
import { meanVarianceOfLeaves, predictMeanVariance, predictMeanVarianceOfRows } from '../../components/models/tree/predict-trees.ts';
import type { FeatureMatrix, RowMajorMatrix } from '../../components/matrix.ts';
import { mixSeed, Rng } from '../../util/rng.ts';
import type { SmacSettings } from './defaults.ts';
import type { LeafCache } from './leaf-cache.ts';
import { SetSplitTreeBuilder } from './set-split-builder.ts';
import type { SetSplitTree } from './set-split-tree.ts';

export interface Prediction {
  readonly mean: Float64Array;
  readonly variance: Float64Array;
}

/** A tree with the bootstrap sample it was grown on, kept while the tree is. */
interface GrownTree {
  readonly tree: SetSplitTree;
  /** Multiplicity of each row in the tree's sample; the first `knownRows` are settled. */
  readonly weights: Float64Array;
  /** Observed rows the weights cover (rows after them were fantasies or not yet seen). */
  readonly knownRows: number;
  /** Draws the multiplicities of rows that arrive later. */
  readonly rng: Rng;
}

export class Surrogate {
  private readonly grown: GrownTree[] = [];
  /** The trees of `grown`, in slot order, as the prediction functions read them. */
  private trees: FlatTree[] = [];
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
    /** Choices per dimension (0 for a numeric one); dimensions beyond it are numeric. */
    private readonly choiceCounts: Int32Array = new Int32Array(0),
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
    const count = this.grown.length === 0 || regrowAll ? nTrees : Math.min(nTrees, Math.max(1, Math.round(nTrees * this.settings.refit_fraction)));
    const indices = Array.from({ length: count }, (_, i) => (this.cursor + i) % nTrees);
    this.cursor = (this.cursor + count) % nTrees;
    const d = x.columns.length;
    const setSplits = this.settings.categorical_splits === 'sets';
    const choiceCounts = Int32Array.from({ length: d }, (_, f) => (setSplits ? (this.choiceCounts[f] ?? 0) : 0));
    const builder = new SetSplitTreeBuilder(x, y, choiceCounts, {
      maxDepth: this.settings.max_depth,
      minSamplesSplit: this.settings.min_samples_split,
      minSamplesLeaf: this.settings.min_samples_leaf,
      featuresPerSplit: featuresPerSplit(this.settings.max_features, d),
    });
    const regrown = new Set(indices);
    if (regrown.size < nTrees) {
      const rowMajor = toRowMajor(x);
      for (let t = 0; t < nTrees; t++) if (!regrown.has(t)) this.grown[t] = refreshed(this.grown[t]!, rowMajor, x, y, observedRows, this.settings.bootstrap, this.settings.refresh_sample === 'all');
    }
    for (const t of indices) {
      // A fresh seed per fit, so a regrown tree draws a new bootstrap sample and new features.
      const rng = new Rng(mixSeed(mixSeed(this.seed, this.fits), t));
      const weights = new Float64Array(x.nRows).fill(1);
      if (this.settings.bootstrap) drawBootstrapCounts(rng, weights);
      this.grown[t] = { tree: builder.grow(weights, rng), weights, knownRows: observedRows, rng };
      this.versions[t] = this.fits;
    }
    this.trees = this.grown.map((g) => g.tree);
    this.fits++;
    // The incumbent is judged by the model rather than by its single observation: with the
    // same scale on both sides of the EI comparison, one lucky noisy trial cannot set a bar
    // the model can never predict itself clearing.
    const { mean } = predictMeanVariance(this.trees, { nRows: observedRows, columns: x.columns.map((c) => c.subarray(0, observedRows)) }, false);
    let lowest = Infinity;
    for (let i = 0; i < observedRows; i++) if (mean[i]! < lowest) lowest = mean[i]!;
    this.incumbent = lowest;
  }

  /** Tree slot `t` and its sample: the multiplicity of each row of the last fit in it. */
  treeWithSample(t: number): { readonly tree: FlatTree; readonly sample: Float64Array } {
    const grown = this.grown[t]!;
    return { tree: grown.tree, sample: grown.weights };
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

/** Knuth's method: the number of uniform draws whose running product stays above e^−1. */
function poissonOne(rng: Rng): number {
  const limit = Math.exp(-1);
  let k = 0;
  let product = rng.next();
  while (product > limit) {
    k++;
    product *= rng.next();
  }
  return k;
}

/** The rows of `x` in row-major order, the layout trees are applied to. */
function toRowMajor(x: FeatureMatrix): Float64Array {
  const d = x.columns.length;
  const out = new Float64Array(x.nRows * d);
  x.columns.forEach((column, f) => {
    for (let i = 0; i < x.nRows; i++) out[i * d + f] = column[i]!;
  });
  return out;
}

/**
 * The tree with each leaf's value set to the weighted mean target of its own sample's rows that
 * reach it. Rows new to the tree join the sample first: with a Poisson(1) multiplicity when the
 * forest resamples, once each when it does not. A leaf its sample no longer reaches (its rows
 * were fantasies since told, or every new row drew 0) keeps its value. Multiplicities drawn for
 * fantasy rows (beyond `observedRows`) are drawn again once those rows hold real results.
 */
function refreshed(grown: GrownTree, rowMajor: Float64Array, x: FeatureMatrix, y: Float64Array, observedRows: number, bootstrap: boolean, overAllRows: boolean): GrownTree {
  const n = x.nRows;
  const weights = new Float64Array(n);
  weights.set(grown.weights.subarray(0, Math.min(grown.knownRows, n)));
  for (let i = grown.knownRows; i < n; i++) weights[i] = bootstrap ? poissonOne(grown.rng) : 1;
  const leaves = new Int32Array(n);
  grown.tree.applyRowMajor(rowMajor, x.columns.length, n, leaves, 0);
  const sums = new Float64Array(grown.tree.leafValues.length);
  const totals = new Float64Array(grown.tree.leafValues.length);
  for (let i = 0; i < n; i++) {
    const weight = overAllRows ? 1 : weights[i]!;
    sums[leaves[i]!] += weight * y[i]!;
    totals[leaves[i]!] += weight;
  }
  const values = Float64Array.from(grown.tree.leafValues, (old, leaf) => (totals[leaf]! > 0 ? sums[leaf]! / totals[leaf]! : old));
  return { tree: grown.tree.withLeafValues(values), weights, knownRows: Math.max(Math.min(grown.knownRows, n), observedRows), rng: grown.rng };
}
