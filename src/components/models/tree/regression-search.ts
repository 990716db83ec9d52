/**
 * Split search for regression with the weighted squared-error criterion.
 *
 * With S = Σ w·y and W = Σ w on a side, W·variance = Σ w·y² − S²/W, so the split that lowers the
 * squared error most maximises the proxy S_L²/W_L + S_R²/W_R. Targets are centred on the tree's
 * weighted mean first so these sums stay small and keep their precision.
 */
import type { Rng } from '../../../util/rng.ts';
import type { BinnedFeatures, CommonBins } from './binning.ts';
import { MAX_BINS, NO_GROUP } from './binning.ts';
import { CONSTANT_FEATURE, SplitSearch } from './split-search.ts';
import type { NodeSummary } from './split-search.ts';

/** Nodes with at most this many rows are scanned by sorting (positions must fit 5 bits). */
const SMALL_NODE_ROWS = 32;

export class RegressionSearch extends SplitSearch {
  /** Per row: weight × (y − centre) for the tree being grown. */
  private weightedTargets: Float64Array = new Float64Array(0);
  /**
   * Weight and weighted target of the summarized node's rows in node order (position i holds
   * row rows[i]), gathered once per node so the per-feature scans read them sequentially.
   */
  private nodeWeights: Float64Array = new Float64Array(0);
  private nodeTargets: Float64Array = new Float64Array(0);
  private centre = 0;
  private nodeWeight = 0;
  private nodeSum = 0;
  private nodeRows = 0;
  /** Histogram, all zero between scans: per bin [rows, weight, weighted target sum] side by side. */
  private readonly histogram = new Float64Array(3 * MAX_BINS);
  /** Bits of the bins the current histogram touched, and those bins in increasing order. */
  private readonly occupied = new Int32Array(8);
  private readonly touched = new Uint8Array(MAX_BINS);
  /** Scratch for scanSmallNode: bin << 5 | position of each row of a small node. */
  private readonly sortKeys = new Int32Array(SMALL_NODE_ROWS);
  private readonly minMax = new Float64Array(2);
  /** Lowest and highest bin the last filled histogram occupies. */
  private lowBin = 0;
  private highBin = 0;
  /** Common bin of each feature and its group (see binning.ts and splitCommonBin). */
  private readonly common: CommonBins | null;
  /**
   * Whether every weight is an integer (bootstrap counts of unweighted rows), so that sums of
   * weights are exact in any order.
   */
  private integralWeights = false;
  /** Counts the nodes summarized, to tell whether a group's cached split belongs to this node. */
  private nodeStamp = 0;
  /**
   * splitCommonBin's result per group: the node it was found at, the positions of the rows
   * outside the common bin (groupCount rows of n, group g's from g·n), their count, and the
   * common bin's weight and weighted target sum.
   */
  private groupStamp: Int32Array;
  private groupOthers: Int32Array = new Int32Array(0);
  private readonly groupOtherCount: Int32Array;
  private readonly groupCommonWeight: Float64Array;
  private readonly groupCommonSum: Float64Array;

  constructor(
    columns: readonly Float64Array[],
    bins: BinnedFeatures | null,
    featuresPerSplit: number,
    private readonly y: Float64Array,
  ) {
    super(columns, bins, featuresPerSplit);
    this.common = bins === null ? null : bins.common;
    const groups = this.common?.groupCount ?? 0;
    this.groupStamp = new Int32Array(groups).fill(-1);
    this.groupOtherCount = new Int32Array(groups);
    this.groupCommonWeight = new Float64Array(groups);
    this.groupCommonSum = new Float64Array(groups);
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
    if (this.weightedTargets.length !== n) {
      this.weightedTargets = new Float64Array(n);
      this.nodeWeights = new Float64Array(n);
      this.nodeTargets = new Float64Array(n);
      if (this.common !== null) this.groupOthers = new Int32Array(this.common.groupCount * n);
    }
    this.nodeStamp = 0;
    this.groupStamp.fill(-1);
    let integral = total <= Number.MAX_SAFE_INTEGER;
    for (let r = 0; r < n && integral; r++) integral = Number.isInteger(weights[r]!);
    this.integralWeights = integral;
    for (let r = 0; r < n; r++) this.weightedTargets[r] = weights[r]! * (y[r]! - this.centre);
  }

  summarize(rows: Int32Array, start: number, end: number, values: Float64Array, offset: number, summary: NodeSummary): void {
    const { y, weights, weightedTargets, nodeWeights, nodeTargets } = this;
    let total = 0;
    let sum = 0;
    let rawSum = 0;
    let yMin = Infinity;
    let yMax = -Infinity;
    for (let i = start; i < end; i++) {
      const r = rows[i]!;
      const w = weights[r]!;
      const wy = weightedTargets[r]!;
      nodeWeights[i] = w;
      nodeTargets[i] = wy;
      total += w;
      sum += wy;
      const v = y[r]!;
      rawSum += w * v;
      if (v < yMin) yMin = v;
      if (v > yMax) yMax = v;
    }
    // The leaf output comes from the raw targets (the centred sums would add rounding), and a
    // node whose targets are all equal predicts exactly that value.
    const mean = yMin === yMax ? yMin : rawSum / total;
    let impurity = 0;
    // A constant target is pure exactly; a second pass gives the variance without cancellation.
    if (yMax > yMin) {
      let squares = 0;
      for (let i = start; i < end; i++) {
        const d = y[rows[i]!]! - mean;
        squares += nodeWeights[i]! * d * d;
      }
      impurity = squares / total;
    }
    values[offset] = mean;
    this.nodeStamp++;
    this.nodeWeight = total;
    this.nodeSum = sum;
    this.nodeRows = end - start;
    summary.weight = total;
    summary.impurity = impurity;
  }

  protected improvementFromProxy(proxy: number): number {
    return proxy - (this.nodeSum * this.nodeSum) / this.nodeWeight;
  }

  protected scanBins(f: number, rows: Int32Array, start: number, end: number): boolean {
    if (end - start <= SMALL_NODE_ROWS) return this.scanSmallNode(f, rows, start, end);
    if (this.common!.group[f] === NO_GROUP) this.fillHistogram(f, rows, start, end);
    else this.fillHistogramByGroup(f, rows, start, end);
    return this.scanHistogram(f);
  }

  /** Adds every row of the node to feature f's histogram, noting the lowest and highest bin. */
  private fillHistogram(f: number, rows: Int32Array, start: number, end: number): void {
    const { nodeWeights, nodeTargets, histogram, occupied } = this;
    const bins = this.bins!.columns[f]!;
    let low = MAX_BINS;
    let high = 0;
    for (let i = start; i < end; i++) {
      const b = bins[rows[i]!]!;
      const at = 3 * b;
      if (histogram[at]++ === 0) {
        occupied[b >> 5] |= 1 << (b & 31);
        if (b < low) low = b;
        if (b > high) high = b;
      }
      histogram[at + 1] += nodeWeights[i]!;
      histogram[at + 2] += nodeTargets[i]!;
    }
    this.lowBin = low;
    this.highBin = high;
  }

  /**
   * fillHistogram for a feature with a common bin: the rows outside it one by one, the common
   * bin's totals at once from splitCommonBin (the same sums, see there).
   */
  private fillHistogramByGroup(f: number, rows: Int32Array, start: number, end: number): void {
    const { nodeWeights, nodeTargets, histogram, occupied, groupOthers } = this;
    const bins = this.bins!.columns[f]!;
    const common = this.common!.bin[f]!;
    const group = this.splitCommonBin(f, rows, start, end);
    const othersStart = group * rows.length;
    const othersEnd = othersStart + this.groupOtherCount[group]!;
    let low = MAX_BINS;
    let high = 0;
    let otherWeight = 0;
    for (let j = othersStart; j < othersEnd; j++) {
      const i = groupOthers[j]!;
      const b = bins[rows[i]!]!;
      const at = 3 * b;
      if (histogram[at]++ === 0) {
        occupied[b >> 5] |= 1 << (b & 31);
        if (b < low) low = b;
        if (b > high) high = b;
      }
      const w = nodeWeights[i]!;
      otherWeight += w;
      histogram[at + 1] += w;
      histogram[at + 2] += nodeTargets[i]!;
    }
    const commonRows = end - start - (othersEnd - othersStart);
    if (commonRows > 0) {
      const at = 3 * common;
      histogram[at] = commonRows;
      // With integral weights every partial sum is exact, so the difference is the sum.
      histogram[at + 1] = this.integralWeights ? this.nodeWeight - otherWeight : this.groupCommonWeight[group]!;
      histogram[at + 2] = this.groupCommonSum[group]!;
      occupied[common >> 5] |= 1 << (common & 31);
      if (common < low) low = common;
      if (common > high) high = common;
    }
    this.lowBin = low;
    this.highBin = high;
  }

  /** Scores every boundary between the filled histogram's bins, clearing it on the way. */
  private scanHistogram(f: number): boolean {
    const { histogram, touched, occupied } = this;
    const distinct = SplitSearch.listOccupiedBins(occupied, this.lowBin, this.highBin, touched);
    // Fields copied to locals: this loop runs for every node and feature, mostly on small nodes.
    const nodeRows = this.nodeRows;
    const nodeWeight = this.nodeWeight;
    const nodeSum = this.nodeSum;
    const minLeaf = this.minSamplesLeaf;
    const minWeight = this.minWeightLeaf;
    let bestProxy = this.bestProxy;
    let bestBin = -1;
    let bestLeftRows = 0;
    let leftRows = 0;
    let leftWeight = 0;
    let leftSum = 0;
    // The last occupied bin is never a left side (it would leave the right side empty); bins
    // are cleared as they are read so the histogram is all zero for the next scan.
    for (let j = 0; j < distinct; j++) {
      const at = 3 * touched[j]!;
      leftRows += histogram[at]!;
      leftWeight += histogram[at + 1]!;
      leftSum += histogram[at + 2]!;
      histogram[at] = 0;
      histogram[at + 1] = 0;
      histogram[at + 2] = 0;
      if (j === distinct - 1 || leftRows < minLeaf || nodeRows - leftRows < minLeaf) continue;
      const rightWeight = nodeWeight - leftWeight;
      if (leftWeight < minWeight || rightWeight < minWeight || leftWeight <= 0 || rightWeight <= 0) continue;
      const rightSum = nodeSum - leftSum;
      const proxy = (leftSum * leftSum) / leftWeight + (rightSum * rightSum) / rightWeight;
      if (proxy > bestProxy) {
        bestProxy = proxy;
        bestBin = touched[j]!;
        bestLeftRows = leftRows;
      }
    }
    if (bestBin >= 0) this.recordBest(f, bestProxy, bestBin, 0, bestLeftRows);
    return distinct > 1;
  }

  /**
   * First pass of scanBins over feature f: sums the weighted targets (and, unless weights are
   * integral, the weights) of the node's rows in f's common bin, and lists the positions of the
   * other rows in groupOthers, all for f's group; returns the group. A group already split at
   * this node (another feature with the same common rows) is reused as is.
   *
   * Why: most rows of a typical feature sit in its common bin, and adding them to the histogram
   * would make each wait for the previous row's store to that same slot; summed in registers,
   * branch-free, they cost a fraction, and the same additions in the same order give the same
   * sums bit for bit (a row outside the bin adds ±0, which changes no sum; the weighted targets
   * are finite, input-checks.ts rejects non-finite targets and weights).
   */
  private splitCommonBin(f: number, rows: Int32Array, start: number, end: number): number {
    const group = this.common!.group[f]!;
    if (this.groupStamp[group] === this.nodeStamp) return group;
    const { nodeWeights, nodeTargets, groupOthers } = this;
    const bins = this.bins!.columns[f]!;
    const common = this.common!.bin[f]!;
    const othersStart = group * rows.length;
    let next = othersStart;
    let commonWeight = 0;
    let commonSum = 0;
    // Two copies of the loop: the integral-weights one skips the weight sum (scanBins derives it).
    if (this.integralWeights) {
      for (let i = start; i < end; i++) {
        const inCommon = +(bins[rows[i]!]! === common);
        commonSum += inCommon * nodeTargets[i]!;
        groupOthers[next] = i;
        next += 1 - inCommon;
      }
    } else {
      for (let i = start; i < end; i++) {
        const inCommon = +(bins[rows[i]!]! === common);
        commonWeight += inCommon * nodeWeights[i]!;
        commonSum += inCommon * nodeTargets[i]!;
        groupOthers[next] = i;
        next += 1 - inCommon;
      }
    }
    this.groupStamp[group] = this.nodeStamp;
    this.groupOtherCount[group] = next - othersStart;
    this.groupCommonWeight[group] = commonWeight;
    this.groupCommonSum[group] = commonSum;
    return group;
  }

  /**
   * scanBins for a node of at most SMALL_NODE_ROWS rows: sorting the rows by bin (keys pack
   * bin and position) costs less than filling and clearing a histogram, and most nodes of a
   * fully grown tree are this small.
   */
  private scanSmallNode(f: number, rows: Int32Array, start: number, end: number): boolean {
    const { nodeWeights, nodeTargets, sortKeys } = this;
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
    const nodeWeight = this.nodeWeight;
    const nodeSum = this.nodeSum;
    const minLeaf = this.minSamplesLeaf;
    const minWeight = this.minWeightLeaf;
    let bestProxy = this.bestProxy;
    let bestBin = -1;
    let bestLeftRows = 0;
    let leftWeight = 0;
    let leftSum = 0;
    for (let j = 0; j < n - 1; j++) {
      const key = sortKeys[j]!;
      const at = start + (key & 31);
      leftWeight += nodeWeights[at]!;
      leftSum += nodeTargets[at]!;
      const bin = key >> 5;
      // Only a boundary between two different bins is a threshold.
      if (bin === sortKeys[j + 1]! >> 5) continue;
      const leftRows = j + 1;
      if (leftRows < minLeaf || n - leftRows < minLeaf) continue;
      const rightWeight = nodeWeight - leftWeight;
      if (leftWeight < minWeight || rightWeight < minWeight || leftWeight <= 0 || rightWeight <= 0) continue;
      const rightSum = nodeSum - leftSum;
      const proxy = (leftSum * leftSum) / leftWeight + (rightSum * rightSum) / rightWeight;
      if (proxy > bestProxy) {
        bestProxy = proxy;
        bestBin = bin;
        bestLeftRows = leftRows;
      }
    }
    if (bestBin >= 0) this.recordBest(f, bestProxy, bestBin, 0, bestLeftRows);
    return true;
  }

  protected tryRandomThreshold(f: number, rows: Int32Array, start: number, end: number, rng: Rng): boolean {
    this.gatherRange(f, rows, start, end, this.minMax);
    const min = this.minMax[0]!;
    const max = this.minMax[1]!;
    if (!(max > min)) return CONSTANT_FEATURE;
    const threshold = SplitSearch.drawThreshold(rng, min, max);
    const { nodeWeights, nodeTargets } = this;
    const values = this.nodeValues;
    let leftRows = 0;
    let leftWeight = 0;
    let leftSum = 0;
    // Branch-free: which side a row falls on is unpredictable, so a branch would mispredict.
    for (let i = start; i < end; i++) {
      const isLeft = +(values[i]! <= threshold);
      leftWeight += isLeft * nodeWeights[i]!;
      leftSum += isLeft * nodeTargets[i]!;
      leftRows += isLeft;
    }
    const rightRows = this.nodeRows - leftRows;
    const rightWeight = this.nodeWeight - leftWeight;
    if (leftRows < this.minSamplesLeaf || rightRows < this.minSamplesLeaf) return true;
    if (leftWeight < this.minWeightLeaf || rightWeight < this.minWeightLeaf || leftWeight <= 0 || rightWeight <= 0) return true;
    const rightSum = this.nodeSum - leftSum;
    const proxy = (leftSum * leftSum) / leftWeight + (rightSum * rightSum) / rightWeight;
    if (proxy > this.bestProxy) this.recordBest(f, proxy, 0, threshold, leftRows);
    return true;
  }
}
