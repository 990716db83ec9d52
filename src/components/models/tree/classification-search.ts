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

function xlog2x(v: number): number {
  return v > 0 ? v * Math.log2(v) : 0;
}

export class ClassificationSearch extends SplitSearch {
  private readonly useGini: boolean;
  /** Class weights of the node last summarized, of the left side being scanned, and its weight. */
  private readonly nodeTotals: Float64Array;
  private readonly leftTotals: Float64Array;
  private nodeWeight = 0;
  private nodeRows = 0;
  /** Histogram buffers, all zero between scans: rows per bin and class weight per bin. */
  private readonly binRows = new Int32Array(MAX_BINS);
  private readonly binClassWeights: Float64Array;
  /** The distinct bins the current histogram touched. */
  private readonly touched = new Uint8Array(MAX_BINS);
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
    this.binClassWeights = new Float64Array(MAX_BINS * nClasses);
  }

  summarize(rows: Int32Array, start: number, end: number, values: Float64Array, offset: number, summary: NodeSummary): void {
    const { y, weights, nodeTotals, nClasses } = this;
    nodeTotals.fill(0);
    let total = 0;
    for (let i = start; i < end; i++) {
      const r = rows[i]!;
      const w = weights[r]!;
      nodeTotals[y[r]!] += w;
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

  /** Records the candidate when it is valid and better than the best so far. */
  private consider(f: number, leftRows: number, leftWeight: number, bin: number, threshold: number): void {
    const rightRows = this.nodeRows - leftRows;
    if (leftRows < this.minSamplesLeaf || rightRows < this.minSamplesLeaf) return;
    const rightWeight = this.nodeWeight - leftWeight;
    if (leftWeight < this.minWeightLeaf || rightWeight < this.minWeightLeaf || leftWeight <= 0 || rightWeight <= 0) return;
    const proxy = this.proxy(leftWeight);
    if (proxy > this.bestProxy) {
      this.bestProxy = proxy;
      this.bestFeature = f;
      this.bestBin = bin;
      this.bestThreshold = threshold;
      this.bestLeftRows = leftRows;
    }
  }

  protected scanBins(f: number, rows: Int32Array, start: number, end: number): boolean {
    const { y, weights, binRows, binClassWeights, leftTotals, nClasses, touched } = this;
    const bins = this.bins!.columns[f]!;
    let low = MAX_BINS;
    let high = 0;
    let distinct = 0;
    for (let i = start; i < end; i++) {
      const r = rows[i]!;
      const b = bins[r]!;
      if (binRows[b]++ === 0) {
        touched[distinct++] = b;
        if (b < low) low = b;
        if (b > high) high = b;
      }
      binClassWeights[b * nClasses + y[r]!] += weights[r]!;
    }
    if (distinct > 1) {
      SplitSearch.orderBins(touched, distinct, low, high, binRows);
      leftTotals.fill(0);
      let leftRows = 0;
      let leftWeight = 0;
      const minLeaf = this.minSamplesLeaf;
      // The last occupied bin is never a left side: it would leave the right side empty.
      for (let j = 0; j < distinct - 1; j++) {
        const b = touched[j]!;
        leftRows += binRows[b]!;
        const base = b * nClasses;
        for (let k = 0; k < nClasses; k++) {
          const w = binClassWeights[base + k]!;
          leftTotals[k] += w;
          leftWeight += w;
        }
        if (leftRows < minLeaf) continue;
        if (this.nodeRows - leftRows < minLeaf) break;
        this.consider(f, leftRows, leftWeight, b, 0);
      }
    }
    for (let j = 0; j < distinct; j++) {
      const b = touched[j]!;
      binRows[b] = 0;
      // A plain loop: fill() per bin costs a builtin call each, which dominated small nodes.
      for (let i = b * nClasses, stop = i + nClasses; i < stop; i++) binClassWeights[i] = 0;
    }
    return distinct > 1;
  }

  protected tryRandomThreshold(f: number, rows: Int32Array, start: number, end: number, rng: Rng): boolean {
    this.range(f, rows, start, end, this.minMax);
    const min = this.minMax[0]!;
    const max = this.minMax[1]!;
    if (!(max > min)) return CONSTANT_FEATURE;
    const threshold = SplitSearch.drawThreshold(rng, min, max);
    const { y, weights, leftTotals } = this;
    const column = this.columns[f]!;
    leftTotals.fill(0);
    let leftRows = 0;
    let leftWeight = 0;
    for (let i = start; i < end; i++) {
      const r = rows[i]!;
      if (column[r]! <= threshold) {
        const w = weights[r]!;
        leftTotals[y[r]!] += w;
        leftWeight += w;
        leftRows++;
      }
    }
    this.consider(f, leftRows, leftWeight, 0, threshold);
    return true;
  }
}
