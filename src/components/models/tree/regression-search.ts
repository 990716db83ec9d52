/**
 * Split search for regression with the weighted squared-error criterion.
 *
 * With S = Σ w·y and W = Σ w on a side, W·variance = Σ w·y² − S²/W, so the split that lowers the
 * squared error most maximises the proxy S_L²/W_L + S_R²/W_R. Targets are centred on the tree's
 * weighted mean first so these sums stay small and keep their precision.
 */
import type { Rng } from '../../../util/rng.ts';
import type { BinnedFeatures } from './binning.ts';
import { MAX_BINS } from './binning.ts';
import { CONSTANT_FEATURE, SplitSearch } from './split-search.ts';
import type { NodeSummary } from './split-search.ts';

export class RegressionSearch extends SplitSearch {
  /** Per row: weight × (y − centre) for the tree being grown. */
  private weightedTargets: Float64Array = new Float64Array(0);
  private centre = 0;
  private nodeWeight = 0;
  private nodeSum = 0;
  private nodeRows = 0;
  /** Histogram buffers, all zero between scans. */
  private readonly binRows = new Int32Array(MAX_BINS);
  private readonly binWeights = new Float64Array(MAX_BINS);
  private readonly binSums = new Float64Array(MAX_BINS);
  /** The distinct bins the current histogram touched. */
  private readonly touched = new Uint8Array(MAX_BINS);
  private readonly minMax = new Float64Array(2);

  constructor(
    columns: readonly Float64Array[],
    bins: BinnedFeatures | null,
    featuresPerSplit: number,
    private readonly y: Float64Array,
  ) {
    super(columns, bins, featuresPerSplit);
  }

  override startTree(rng: Rng, weights: Float64Array, minSamplesLeaf: number, minWeightLeaf: number): void {
    super.startTree(rng, weights, minSamplesLeaf, minWeightLeaf);
    const { y } = this;
    const n = y.length;
    let total = 0;
    let sum = 0;
    for (let r = 0; r < n; r++) {
      total += weights[r]!;
      sum += weights[r]! * y[r]!;
    }
    this.centre = total > 0 ? sum / total : 0;
    if (this.weightedTargets.length !== n) this.weightedTargets = new Float64Array(n);
    for (let r = 0; r < n; r++) this.weightedTargets[r] = weights[r]! * (y[r]! - this.centre);
  }

  summarize(rows: Int32Array, start: number, end: number, values: Float64Array, offset: number, summary: NodeSummary): void {
    const { y, weights, weightedTargets } = this;
    let total = 0;
    let sum = 0;
    let yMin = Infinity;
    let yMax = -Infinity;
    for (let i = start; i < end; i++) {
      const r = rows[i]!;
      total += weights[r]!;
      sum += weightedTargets[r]!;
      const v = y[r]!;
      if (v < yMin) yMin = v;
      if (v > yMax) yMax = v;
    }
    const mean = this.centre + sum / total;
    let impurity = 0;
    // A constant target is pure exactly; a second pass gives the variance without cancellation.
    if (yMax > yMin) {
      let squares = 0;
      for (let i = start; i < end; i++) {
        const r = rows[i]!;
        const d = y[r]! - mean;
        squares += weights[r]! * d * d;
      }
      impurity = squares / total;
    }
    values[offset] = mean;
    this.nodeWeight = total;
    this.nodeSum = sum;
    this.nodeRows = end - start;
    summary.weight = total;
    summary.impurity = impurity;
  }

  protected improvementFromProxy(proxy: number): number {
    return proxy - (this.nodeSum * this.nodeSum) / this.nodeWeight;
  }

  private consider(f: number, leftRows: number, leftWeight: number, leftSum: number, bin: number, threshold: number): void {
    const rightRows = this.nodeRows - leftRows;
    if (leftRows < this.minSamplesLeaf || rightRows < this.minSamplesLeaf) return;
    const rightWeight = this.nodeWeight - leftWeight;
    if (leftWeight < this.minWeightLeaf || rightWeight < this.minWeightLeaf || leftWeight <= 0 || rightWeight <= 0) return;
    const rightSum = this.nodeSum - leftSum;
    const proxy = (leftSum * leftSum) / leftWeight + (rightSum * rightSum) / rightWeight;
    if (proxy > this.bestProxy) {
      this.bestProxy = proxy;
      this.bestFeature = f;
      this.bestBin = bin;
      this.bestThreshold = threshold;
      this.bestLeftRows = leftRows;
    }
  }

  protected scanBins(f: number, rows: Int32Array, start: number, end: number): boolean {
    const { weights, weightedTargets, binRows, binWeights, binSums, touched } = this;
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
      binWeights[b] += weights[r]!;
      binSums[b] += weightedTargets[r]!;
    }
    if (distinct > 1) {
      SplitSearch.orderBins(touched, distinct, low, high, binRows);
      let leftRows = 0;
      let leftWeight = 0;
      let leftSum = 0;
      const minLeaf = this.minSamplesLeaf;
      // The last occupied bin is never a left side: it would leave the right side empty.
      for (let j = 0; j < distinct - 1; j++) {
        const b = touched[j]!;
        leftRows += binRows[b]!;
        leftWeight += binWeights[b]!;
        leftSum += binSums[b]!;
        if (leftRows < minLeaf) continue;
        if (this.nodeRows - leftRows < minLeaf) break;
        this.consider(f, leftRows, leftWeight, leftSum, b, 0);
      }
    }
    for (let j = 0; j < distinct; j++) {
      const b = touched[j]!;
      binRows[b] = 0;
      binWeights[b] = 0;
      binSums[b] = 0;
    }
    return distinct > 1;
  }

  protected tryRandomThreshold(f: number, rows: Int32Array, start: number, end: number, rng: Rng): boolean {
    this.range(f, rows, start, end, this.minMax);
    const min = this.minMax[0]!;
    const max = this.minMax[1]!;
    if (!(max > min)) return CONSTANT_FEATURE;
    const threshold = SplitSearch.drawThreshold(rng, min, max);
    const { weights, weightedTargets } = this;
    const column = this.columns[f]!;
    let leftRows = 0;
    let leftWeight = 0;
    let leftSum = 0;
    for (let i = start; i < end; i++) {
      const r = rows[i]!;
      if (column[r]! <= threshold) {
        leftWeight += weights[r]!;
        leftSum += weightedTargets[r]!;
        leftRows++;
      }
    }
    this.consider(f, leftRows, leftWeight, leftSum, 0, threshold);
    return true;
  }
}
