/**
 * Split search for classification with the weighted gini or entropy criterion.
 *
 * Proxies (larger is better, same order as the impurity decrease):
 *   gini:    Σk L_k² / W_L + Σk R_k² / W_R          (W·gini = W − Σk T_k² / W)
 *   entropy: Σk L_k log2 L_k − W_L log2 W_L + (same for R)   (W·entropy = W log2 W − Σk T_k log2 T_k)
 * where L_k, R_k, T_k are the class weights left, right and in the node.
 */
import type { Rng } from '../../../util/rng.ts';
import type { BinnedFeatures } from './binning.ts';
import { MAX_BINS } from './binning.ts';
import type { ClassificationCriterion } from './params.ts';
import { CONSTANT_FEATURE, SplitSearch } from './split-search.ts';
import type { NodeSummary } from './split-search.ts';

/** Nodes with at most this many rows are scanned by sorting (positions must fit 5 bits). */
const SMALL_NODE_ROWS = 32;

function xlog2x(v: number): number {
  return v > 0 ? v * Math.log2(v) : 0;
}

export class ClassificationSearch extends SplitSearch {
  private readonly useGini: boolean;
  /** Class weights of the node last summarized, and of the left side being scanned. */
  private readonly nodeTotals: Float64Array;
  private readonly leftTotals: Float64Array;
  private nodeWeight = 0;
  private nodeRows = 0;
  /**
   * Class and weight of the summarized node's rows in node order (position i holds row rows[i]),
   * gathered once per node so the per-feature scans read them sequentially.
   */
  private nodeClasses: Int32Array = new Int32Array(0);
  private nodeWeights: Float64Array = new Float64Array(0);
  /** Histogram, all zero between scans: per bin [rows, weight of class 0, ..., of class K-1]. */
  private readonly histogram: Float64Array;
  private readonly stride: number;
  /** Bits of the bins the current histogram touched, and those bins in increasing order. */
  private readonly occupied = new Int32Array(8);
  private readonly touched = new Uint8Array(MAX_BINS);
  /** Scratch for scanSmallNode: bin << 5 | position of each row of a small node. */
  private readonly sortKeys = new Int32Array(SMALL_NODE_ROWS);
  private readonly minMax = new Float64Array(2);

  constructor(
    columns: readonly Float64Array[],
    bins: BinnedFeatures | null,
    featuresPerSplit: number,
    private readonly y: Int32Array,
    private readonly nClasses: number,
    criterion: ClassificationCriterion,
  ) {
    super(columns, bins, featuresPerSplit);
    this.useGini = criterion === 'gini';
    this.nodeTotals = new Float64Array(nClasses);
    this.leftTotals = new Float64Array(nClasses);
    this.stride = nClasses + 1;
    this.histogram = new Float64Array(MAX_BINS * this.stride);
  }

  override startTree(rng: Rng, weights: Float64Array, minSamplesLeaf: number, minWeightLeaf: number): void {
    super.startTree(rng, weights, minSamplesLeaf, minWeightLeaf);
    const n = weights.length;
    if (this.nodeWeights.length !== n) {
      this.nodeWeights = new Float64Array(n);
      this.nodeClasses = new Int32Array(n);
    }
  }

  summarize(rows: Int32Array, start: number, end: number, values: Float64Array, offset: number, summary: NodeSummary): void {
    const { y, weights, nodeTotals, nClasses, nodeClasses, nodeWeights } = this;
    nodeTotals.fill(0);
    let total = 0;
    for (let i = start; i < end; i++) {
      const r = rows[i]!;
      const w = weights[r]!;
      const k = y[r]!;
      nodeClasses[i] = k;
      nodeWeights[i] = w;
      nodeTotals[k] += w;
      total += w;
    }
    let impurity = 0;
    if (this.useGini) {
      let sumSquares = 0;
      for (let k = 0; k < nClasses; k++) sumSquares += nodeTotals[k]! * nodeTotals[k]!;
      impurity = 1 - sumSquares / (total * total);
    } else {
      for (let k = 0; k < nClasses; k++) {
        const p = nodeTotals[k]! / total;
        if (p > 0) impurity -= p * Math.log2(p);
      }
    }
    for (let k = 0; k < nClasses; k++) values[offset + k] = nodeTotals[k]! / total;
    this.nodeWeight = total;
    this.nodeRows = end - start;
    summary.weight = total;
    // Rounding can leave a pure node at ±1e-17; a pure node must read as exactly pure.
    summary.impurity = impurity > 1e-12 ? impurity : 0;
  }

  protected improvementFromProxy(proxy: number): number {
    const { nodeTotals, nodeWeight, nClasses } = this;
    if (this.useGini) {
      let sumSquares = 0;
      for (let k = 0; k < nClasses; k++) sumSquares += nodeTotals[k]! * nodeTotals[k]!;
      return proxy - sumSquares / nodeWeight;
    }
    let weightedEntropy = xlog2x(nodeWeight);
    for (let k = 0; k < nClasses; k++) weightedEntropy -= xlog2x(nodeTotals[k]!);
    return weightedEntropy + proxy;
  }

  /** Proxy of the split whose left side holds `leftTotals` with weight leftWeight. */
  private proxy(leftWeight: number): number {
    const { nodeTotals, leftTotals, nClasses } = this;
    const rightWeight = this.nodeWeight - leftWeight;
    if (this.useGini) {
      let left = 0;
      let right = 0;
      for (let k = 0; k < nClasses; k++) {
        const l = leftTotals[k]!;
        const r = nodeTotals[k]! - l;
        left += l * l;
        right += r * r;
      }
      return left / leftWeight + right / rightWeight;
    }
    let sum = -xlog2x(leftWeight) - xlog2x(rightWeight);
    for (let k = 0; k < nClasses; k++) {
      const l = leftTotals[k]!;
      sum += xlog2x(l) + xlog2x(nodeTotals[k]! - l);
    }
    return sum;
  }

  /** Whether a split with these left-side totals satisfies the leaf limits. */
  private allowed(leftRows: number, leftWeight: number): boolean {
    const rightRows = this.nodeRows - leftRows;
    if (leftRows < this.minSamplesLeaf || rightRows < this.minSamplesLeaf) return false;
    const rightWeight = this.nodeWeight - leftWeight;
    return leftWeight >= this.minWeightLeaf && rightWeight >= this.minWeightLeaf && leftWeight > 0 && rightWeight > 0;
  }

  protected scanBins(f: number, rows: Int32Array, start: number, end: number): boolean {
    if (end - start <= SMALL_NODE_ROWS) return this.scanSmallNode(f, rows, start, end);
    const { nodeClasses, nodeWeights, histogram, stride, occupied, touched, leftTotals, nClasses } = this;
    const bins = this.bins!.columns[f]!;
    let low = MAX_BINS;
    let high = 0;
    for (let i = start; i < end; i++) {
      const b = bins[rows[i]!]!;
      const at = b * stride;
      if (histogram[at]++ === 0) {
        occupied[b >> 5] |= 1 << (b & 31);
        if (b < low) low = b;
        if (b > high) high = b;
      }
      histogram[at + 1 + nodeClasses[i]!] += nodeWeights[i]!;
    }
    const distinct = SplitSearch.listOccupiedBins(occupied, low, high, touched);
    if (distinct > 1) leftTotals.fill(0);
    let leftRows = 0;
    let leftWeight = 0;
    // The last occupied bin is never a left side (it would leave the right side empty); bins
    // are cleared as they are read so the histogram is all zero for the next scan.
    for (let j = 0; j < distinct; j++) {
      const b = touched[j]!;
      const at = b * stride;
      leftRows += histogram[at]!;
      histogram[at] = 0;
      for (let k = 0; k < nClasses; k++) {
        const w = histogram[at + 1 + k]!;
        histogram[at + 1 + k] = 0;
        leftTotals[k] += w;
        leftWeight += w;
      }
      if (j === distinct - 1 || !this.allowed(leftRows, leftWeight)) continue;
      const proxy = this.proxy(leftWeight);
      if (proxy > this.bestProxy) this.recordBest(f, proxy, b, 0, leftRows);
    }
    return distinct > 1;
  }

  /**
   * scanBins for a node of at most SMALL_NODE_ROWS rows: sorting the rows by bin (keys pack
   * bin and position) costs less than filling and clearing a histogram, and most nodes of a
   * fully grown tree are this small.
   */
  private scanSmallNode(f: number, rows: Int32Array, start: number, end: number): boolean {
    const { nodeClasses, nodeWeights, sortKeys, leftTotals } = this;
    const bins = this.bins!.columns[f]!;
    const n = end - start;
    for (let i = 0; i < n; i++) {
      const key = (bins[rows[start + i]!]! << 5) | i;
      let j = i - 1;
      while (j >= 0 && sortKeys[j]! > key) {
        sortKeys[j + 1] = sortKeys[j]!;
        j--;
      }
      sortKeys[j + 1] = key;
    }
    if (sortKeys[0]! >> 5 === sortKeys[n - 1]! >> 5) return CONSTANT_FEATURE;
    leftTotals.fill(0);
    let leftWeight = 0;
    for (let j = 0; j < n - 1; j++) {
      const key = sortKeys[j]!;
      const at = start + (key & 31);
      const w = nodeWeights[at]!;
      leftTotals[nodeClasses[at]!] += w;
      leftWeight += w;
      const bin = key >> 5;
      // Only a boundary between two different bins is a threshold.
      if (bin === sortKeys[j + 1]! >> 5 || !this.allowed(j + 1, leftWeight)) continue;
      const proxy = this.proxy(leftWeight);
      if (proxy > this.bestProxy) this.recordBest(f, proxy, bin, 0, j + 1);
    }
    return true;
  }

  protected tryRandomThreshold(f: number, rows: Int32Array, start: number, end: number, rng: Rng): boolean {
    this.gatherRange(f, rows, start, end, this.minMax);
    const min = this.minMax[0]!;
    const max = this.minMax[1]!;
    if (!(max > min)) return CONSTANT_FEATURE;
    const threshold = SplitSearch.drawThreshold(rng, min, max);
    const { nodeClasses, nodeWeights, leftTotals } = this;
    const values = this.nodeValues;
    leftTotals.fill(0);
    let leftRows = 0;
    let leftWeight = 0;
    // Branch-free: which side a row falls on is unpredictable, so a branch would mispredict.
    for (let i = start; i < end; i++) {
      const isLeft = +(values[i]! <= threshold);
      const w = isLeft * nodeWeights[i]!;
      leftTotals[nodeClasses[i]!] += w;
      leftWeight += w;
      leftRows += isLeft;
    }
    if (this.allowed(leftRows, leftWeight)) {
      const proxy = this.proxy(leftWeight);
      if (proxy > this.bestProxy) this.recordBest(f, proxy, 0, threshold, leftRows);
    }
    return true;
  }
}
