/**
 * What the tree builder needs from a split criterion, and the part every criterion shares:
 * drawing the candidate features of a split and turning the best candidate into a result.
 *
 * Criteria (classification-search.ts, regression-search.ts) implement two scans per feature:
 *  - 'best':   histogram over the feature's bins (see binning.ts), then every bin boundary;
 *  - 'random': one uniform threshold between the feature's min and max in the node
 *              (extremely randomised trees), scored with one pass over the node's rows.
 * Both maximise a "proxy" that orders splits like the impurity decrease but is cheaper to get.
 */
import type { Rng } from '../../../util/rng.ts';
import type { BinnedFeatures } from './binning.ts';

/** Weight and impurity of the node last passed to `summarize`. */
export class NodeSummary {
  weight = 0;
  impurity = 0;
}

/** The chosen split of a node; reused from node to node. */
export class SplitResult {
  feature = -1;
  threshold = 0;
  /** Weighted impurity decrease: W·I(node) − W_left·I(left) − W_right·I(right). */
  improvement = 0;
  /** Rows on the left side, to check the partition against. */
  leftRows = 0;
}

/**
 * Uniform integer in [0, n) from one 32-bit draw (Rng.int spends two): n is at most the feature
 * count here, so the bias of scaling 2^32 values onto n is below 1e-5 and harmless.
 */
function uniformIndex(rng: Rng, n: number): number {
  return Math.floor((rng.nextUint32() * n) / 4294967296);
}

/** Sentinel returned by a feature scan when the feature is constant within the node. */
export const CONSTANT_FEATURE = false;

export abstract class SplitSearch {
  protected rng: Rng | undefined;
  /** Per-row weight of the tree being grown (bootstrap counts times sample weight); 0 = unused row. */
  protected weights: Float64Array = new Float64Array(0);
  protected minSamplesLeaf = 1;
  protected minWeightLeaf = 0;
  /** Running best of the current node: proxy, feature, bin (best mode) or threshold (random mode). */
  protected bestProxy = -Infinity;
  protected bestFeature = -1;
  protected bestBin = 0;
  protected bestThreshold = 0;
  protected bestLeftRows = 0;
  private readonly featureOrder: Int32Array;
  /** Scratch of gatherRange, one slot per row of the matrix. */
  protected nodeValues: Float64Array = new Float64Array(0);

  constructor(
    protected readonly columns: readonly Float64Array[],
    /** Present for the 'best' splitter, null for 'random'. */
    protected readonly bins: BinnedFeatures | null,
    private readonly featuresPerSplit: number,
  ) {
    this.featureOrder = new Int32Array(columns.length);
    for (let f = 0; f < columns.length; f++) this.featureOrder[f] = f;
  }

  /** Readies the search for a new tree. */
  startTree(rng: Rng, weights: Float64Array, minSamplesLeaf: number, minWeightLeaf: number): void {
    this.rng = rng;
    this.weights = weights;
    if (this.bins === null && this.nodeValues.length !== weights.length) this.nodeValues = new Float64Array(weights.length);
    this.minSamplesLeaf = minSamplesLeaf;
    this.minWeightLeaf = minWeightLeaf;
  }

  /**
   * Writes the node's output (class distribution or mean) to values[offset...] and its weight and
   * impurity to `summary`, and keeps the node's totals for the `findSplit` call that follows.
   */
  abstract summarize(rows: Int32Array, start: number, end: number, values: Float64Array, offset: number, summary: NodeSummary): void;

  /** Scores the bin boundaries of feature f; returns CONSTANT_FEATURE when f has one bin here. */
  protected abstract scanBins(f: number, rows: Int32Array, start: number, end: number): boolean;

  /** Scores one random threshold on feature f; returns CONSTANT_FEATURE when f is constant here. */
  protected abstract tryRandomThreshold(f: number, rows: Int32Array, start: number, end: number, rng: Rng): boolean;

  /** Weighted impurity decrease of the split whose proxy is `proxy`, for the summarized node. */
  protected abstract improvementFromProxy(proxy: number): number;

  /**
   * Searches the split of the node last summarized. Candidate features are drawn without
   * replacement until `featuresPerSplit` non-constant ones have been scored (constant features
   * do not count, so a node is split whenever any feature varies). Returns false when no
   * candidate leaves min_samples_leaf rows and the minimum weight on both sides.
   *
   * `constant` flags (1 per feature) the features known to be constant in this node: a feature
   * constant in a node stays constant in its descendants, so the caller passes the parent's
   * flags and gets back those plus any found here. A flagged feature is drawn as usual (the
   * draws, and so the tree, stay the same) but not scanned: in deep nodes of wide data, and in
   * a search surrogate whose inactive hyperparameters are imputed constants, most draws are.
   */
  findSplit(rows: Int32Array, start: number, end: number, result: SplitResult, constant: Uint8Array): boolean {
    const rng = this.rng!;
    const order = this.featureOrder;
    const nFeatures = order.length;
    this.bestProxy = -Infinity;
    this.bestFeature = -1;
    let scored = 0;
    // Two rows split the same way on every feature that separates them, with the same score, so
    // the first such feature drawn would win anyway: stop there (a third of a fully grown
    // tree's internal nodes hold two rows).
    const stopAtFirst = end - start === 2;
    for (let drawn = 0; drawn < nFeatures && scored < this.featuresPerSplit; drawn++) {
      if (stopAtFirst && this.bestFeature >= 0) break;
      // Partial Fisher–Yates: order[0..drawn] is a uniform sample without replacement.
      const pick = drawn + uniformIndex(rng, nFeatures - drawn);
      const f = order[pick]!;
      order[pick] = order[drawn]!;
      order[drawn] = f;
      if (constant[f] === 1) continue;
      const varies = this.bins === null ? this.tryRandomThreshold(f, rows, start, end, rng) : this.scanBins(f, rows, start, end);
      if (varies !== CONSTANT_FEATURE) scored++;
      else constant[f] = 1;
    }
    if (this.bestFeature < 0) return false;
    result.feature = this.bestFeature;
    result.threshold = this.bins === null ? this.bestThreshold : this.bins.edges[this.bestFeature]![this.bestBin]!;
    result.improvement = this.improvementFromProxy(this.bestProxy);
    result.leftRows = this.bestLeftRows;
    return true;
  }

  /**
   * Lists the bins marked in `occupied` (a 256-bit set, one bit per bin, between bins low and
   * high) into `out` in increasing order and clears the set; returns how many there are.
   * Walking set bits costs one step per occupied bin plus one per 32-bin word, so small nodes,
   * whose few rows occupy bins spread over the whole range, avoid a walk over all 255 bins.
   */
  protected static listOccupiedBins(occupied: Int32Array, low: number, high: number, out: Uint8Array): number {
    let count = 0;
    for (let word = low >> 5, last = high >> 5; word <= last; word++) {
      let bits = occupied[word]!;
      occupied[word] = 0;
      while (bits !== 0) {
        const lowest = bits & -bits;
        out[count++] = (word << 5) + 31 - Math.clz32(lowest);
        bits ^= lowest;
      }
    }
    return count;
  }

  /** Makes the given candidate the node's best split so far. */
  protected recordBest(f: number, proxy: number, bin: number, threshold: number, leftRows: number): void {
    this.bestProxy = proxy;
    this.bestFeature = f;
    this.bestBin = bin;
    this.bestThreshold = threshold;
    this.bestLeftRows = leftRows;
  }

  /**
   * For the random splitter: copies feature f of the node's rows into nodeValues (position i
   * holds row rows[i]) so the counting pass after the threshold draw reads them sequentially,
   * and writes their min and max to out.
   */
  protected gatherRange(f: number, rows: Int32Array, start: number, end: number, out: Float64Array): void {
    const column = this.columns[f]!;
    const values = this.nodeValues;
    let min = Infinity;
    let max = -Infinity;
    for (let i = start; i < end; i++) {
      const v = column[rows[i]!]!;
      values[i] = v;
      // Math.min / Math.max compile to branch-free instructions; comparisons here mispredict.
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    out[0] = min;
    out[1] = max;
  }

  /** A uniform threshold in [min, max) that leaves at least one row on the right. */
  protected static drawThreshold(rng: Rng, min: number, max: number): number {
    // 32 random bits place the threshold finely enough, at half the cost of Rng.uniform.
    const t = min + (max - min) * (rng.nextUint32() / 4294967296);
    return t < max ? t : min;
  }
}
