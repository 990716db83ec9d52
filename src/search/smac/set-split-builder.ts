/**
 * Grows the surrogate's regression trees (SetSplitTree) on imputed configuration vectors.
 *
 * Numeric dimensions are searched over histogram bins as the model trees do (binning.ts: one
 * bin per distinct value up to 255, so the search is exact on a few hundred observations).
 * Categorical dimensions (codes 0 … k−1, and k for "inactive") are searched as sets: for the
 * squared error, the best split of a categorical into two groups is a prefix of its categories
 * sorted by mean target in the node (Fisher 1958; Breiman et al. 1984), so sorting the k + 1
 * category means and scanning k prefixes finds it exactly. A code absent from the node's rows
 * follows the child with more rows, where a later configuration with that code is most likely
 * to resemble the data.
 *
 * Rows carry weights (the tree's bootstrap multiplicities); `min_samples_*` count rows.
 */
import type { FeatureMatrix } from '../../components/matrix.ts';
import { binFeatures, MAX_BINS, type BinnedFeatures } from '../../components/models/tree/binning.ts';
import type { Rng } from '../../util/rng.ts';
import { SetSplitTree } from './set-split-tree.ts';

export interface SetSplitLimits {
  readonly maxDepth: number;
  readonly minSamplesSplit: number;
  readonly minSamplesLeaf: number;
  /** Non-constant dimensions examined per split. */
  readonly featuresPerSplit: number;
}

/** The best split found so far in a node. */
interface Candidate {
  proxy: number;
  feature: number;
  threshold: number;
  /** Categorical: the categories going left (a prefix of the node's mean order); else empty. */
  leftCodes: number[];
  /** Categorical: rows on the left and right, to place the codes the node did not see. */
  leftRows: number;
  rightRows: number;
}

/** Growing nodes: plain arrays, turned into typed arrays once the tree is complete. */
class NodeArrays {
  readonly feature: number[] = [];
  readonly threshold: number[] = [];
  readonly left: number[] = [];
  readonly right: number[] = [];
  readonly setOffset: number[] = [];
  readonly setLength: number[] = [];
  readonly goesLeft: number[] = [];
  readonly leafValues: number[] = [];

  add(): number {
    this.feature.push(-1);
    this.threshold.push(0);
    this.left.push(0);
    this.right.push(0);
    this.setOffset.push(-1);
    this.setLength.push(0);
    return this.feature.length - 1;
  }

  toTree(): SetSplitTree {
    return new SetSplitTree(
      Int32Array.from(this.feature),
      Float64Array.from(this.threshold),
      Int32Array.from(this.left),
      Int32Array.from(this.right),
      Float64Array.from(this.leafValues),
      Int32Array.from(this.setOffset),
      Int32Array.from(this.setLength),
      Uint8Array.from(this.goesLeft),
    );
  }
}

const NO_CODES: number[] = [];

function isConstant(column: Float64Array, order: Int32Array, start: number, end: number): boolean {
  const first = column[order[start]!]!;
  for (let i = start + 1; i < end; i++) if (column[order[i]!] !== first) return false;
  return true;
}

export class SetSplitTreeBuilder {
  private readonly bins: BinnedFeatures;
  private readonly nFeatures: number;
  /** Per-bin (numeric) or per-code (categorical) sums of weight, weighted target and rows. */
  private readonly slotWeight: Float64Array;
  private readonly slotSum: Float64Array;
  private readonly slotRows: Int32Array;
  private readonly featureOrder: Int32Array;
  /** Scratch of the categorical scan: the node's categories and their means, sorted. */
  private readonly present: Int32Array;
  private readonly means: Float64Array;
  /** Scratch of the numeric scan of a small node: its rows' bins, sorted. */
  private readonly occupied: Int32Array;
  /** Weight × target per row of the tree being grown. */
  private readonly weighted: Float64Array;

  constructor(
    private readonly x: FeatureMatrix,
    private readonly y: Float64Array,
    /** Per dimension, its number of choices (0 for a numeric dimension). */
    private readonly choiceCounts: Int32Array,
    private readonly limits: SetSplitLimits,
  ) {
    this.bins = binFeatures(x, undefined);
    this.nFeatures = x.columns.length;
    const slots = Math.max(MAX_BINS + 1, ...Array.from(choiceCounts, (k) => k + 1));
    this.slotWeight = new Float64Array(slots);
    this.slotSum = new Float64Array(slots);
    this.slotRows = new Int32Array(slots);
    this.featureOrder = Int32Array.from({ length: this.nFeatures }, (_, f) => f);
    this.present = new Int32Array(slots);
    this.means = new Float64Array(slots);
    this.occupied = new Int32Array(x.nRows);
    this.weighted = new Float64Array(x.nRows);
  }

  /** One tree on the rows with positive weight. */
  grow(weights: Float64Array, rng: Rng): SetSplitTree {
    for (let i = 0; i < this.x.nRows; i++) this.weighted[i] = weights[i]! * this.y[i]!;
    const rows: number[] = [];
    for (let i = 0; i < this.x.nRows; i++) if (weights[i]! > 0) rows.push(i);
    const order = Int32Array.from(rows);
    const nodes = new NodeArrays();
    const stack: { node: number; start: number; end: number; depth: number }[] = [{ node: nodes.add(), start: 0, end: order.length, depth: 0 }];
    while (stack.length > 0) {
      const { node, start, end, depth } = stack.pop()!;
      let w = 0;
      let s = 0;
      let ss = 0;
      for (let i = start; i < end; i++) {
        const r = order[i]!;
        w += weights[r]!;
        s += weights[r]! * this.y[r]!;
        ss += weights[r]! * this.y[r]! * this.y[r]!;
      }
      const count = end - start;
      const impurity = ss - (s * s) / w;
      const split =
        count >= this.limits.minSamplesSplit && count >= 2 * this.limits.minSamplesLeaf && depth < this.limits.maxDepth && impurity > 1e-12 * Math.max(1, ss)
          ? this.bestSplit(order, start, end, weights, rng, (s * s) / w)
          : null;
      if (split === null) {
        nodes.left[node] = nodes.leafValues.length;
        nodes.leafValues.push(s / w);
        continue;
      }
      const mid = this.partition(nodes, node, split, order, start, end);
      const leftChild = nodes.add();
      const rightChild = nodes.add();
      nodes.left[node] = leftChild;
      nodes.right[node] = rightChild;
      stack.push({ node: rightChild, start: mid, end, depth: depth + 1 }, { node: leftChild, start, end: mid, depth: depth + 1 });
    }
    return nodes.toTree();
  }

  /** Records the split in `node` and partitions its rows: the left ones first; returns where the right ones start. */
  private partition(nodes: NodeArrays, node: number, split: Candidate, order: Int32Array, start: number, end: number): number {
    const f = split.feature;
    const column = this.x.columns[f]!;
    nodes.feature[node] = f;
    let goesLeft: (value: number) => boolean;
    if (this.choiceCounts[f]! > 0) {
      const size = this.choiceCounts[f]! + 1;
      const flags = new Uint8Array(size).fill(split.leftRows >= split.rightRows ? 1 : 0);
      const present = new Uint8Array(size);
      for (let i = start; i < end; i++) present[column[order[i]!]!] = 1;
      for (let code = 0; code < size; code++) if (present[code] === 1) flags[code] = 0;
      for (const code of split.leftCodes) flags[code] = 1;
      nodes.setOffset[node] = nodes.goesLeft.length;
      nodes.setLength[node] = size;
      nodes.goesLeft.push(...flags);
      goesLeft = (value) => flags[value] === 1;
    } else {
      nodes.threshold[node] = split.threshold;
      goesLeft = (value) => value <= split.threshold;
    }
    let i = start;
    let j = end - 1;
    while (i <= j) {
      if (goesLeft(column[order[i]!]!)) i++;
      else {
        const t = order[i]!;
        order[i] = order[j]!;
        order[j] = t;
        j--;
      }
    }
    return i;
  }

  /**
   * The split maximising SL²/WL + SR²/WR (the decrease of the squared error up to a constant)
   * over up to featuresPerSplit non-constant dimensions drawn at random; null when none
   * decreases the error with both children at least minSamplesLeaf rows.
   */
  private bestSplit(order: Int32Array, start: number, end: number, weights: Float64Array, rng: Rng, parentProxy: number): Candidate | null {
    const best: Candidate = { proxy: parentProxy * (1 + 1e-12) + 1e-15, feature: -1, threshold: 0, leftCodes: [], leftRows: 0, rightRows: 0 };
    const featureOrder = this.featureOrder;
    let examined = 0;
    for (let j = 0; j < this.nFeatures && examined < this.limits.featuresPerSplit; j++) {
      const pick = j + rng.int(this.nFeatures - j);
      const f = featureOrder[pick]!;
      featureOrder[pick] = featureOrder[j]!;
      featureOrder[j] = f;
      // Most dimensions of a node deep in one branch of the space are inactive there, so constant:
      // one comparison per row rules them out before any histogram is built.
      if (isConstant(this.x.columns[f]!, order, start, end)) continue;
      if (this.choiceCounts[f]! > 0) this.scanCategorical(f, order, start, end, weights, best);
      else this.scanNumeric(f, order, start, end, weights, best);
      examined++;
    }
    return best.feature < 0 ? null : best;
  }

  private scanNumeric(f: number, order: Int32Array, start: number, end: number, weights: Float64Array, best: Candidate): void {
    const { slotWeight, slotSum, slotRows, weighted } = this;
    const binsOf = this.bins.columns[f]!;
    let low = MAX_BINS;
    let high = 0;
    let w = 0;
    let s = 0;
    for (let i = start; i < end; i++) {
      const r = order[i]!;
      const b = binsOf[r]!;
      slotWeight[b] += weights[r]!;
      slotSum[b] += weighted[r]!;
      slotRows[b]++;
      w += weights[r]!;
      s += weighted[r]!;
      if (b < low) low = b;
      if (b > high) high = b;
    }
    const minLeaf = this.limits.minSamplesLeaf;
    const count = end - start;
    // A small node spans many bins it does not occupy: walk its occupied bins, sorted, instead.
    let occupied: Int32Array | null = null;
    if (high - low > 2 * count) {
      occupied = this.occupied;
      for (let i = 0; i < count; i++) {
        const b = binsOf[order[start + i]!]!;
        let at = i;
        while (at > 0 && occupied[at - 1]! > b) {
          occupied[at] = occupied[at - 1]!;
          at--;
        }
        occupied[at] = b;
      }
    }
    let wl = 0;
    let sl = 0;
    let rl = 0;
    for (let k = 0, b = occupied === null ? low : occupied[0]!; b < high; ) {
      if (occupied !== null) {
        // Next distinct occupied bin after this one.
        while (k < count && occupied[k] === b) k++;
      }
      const here = b;
      b = occupied === null ? b + 1 : k < count ? occupied[k]! : high;
      if (slotRows[here] === 0) continue;
      wl += slotWeight[here]!;
      sl += slotSum[here]!;
      rl += slotRows[here]!;
      if (rl < minLeaf || count - rl < minLeaf) continue;
      const wr = w - wl;
      const proxy = (sl * sl) / wl + ((s - sl) * (s - sl)) / wr;
      if (proxy > best.proxy) {
        best.proxy = proxy;
        best.feature = f;
        best.threshold = this.bins.edges[f]![here]!;
        best.leftCodes = NO_CODES;
      }
    }
    if (occupied === null) this.clearSlots(low, high);
    else for (let i = 0; i < count; i++) this.clearSlot(occupied[i]!);
  }

  private scanCategorical(f: number, order: Int32Array, start: number, end: number, weights: Float64Array, best: Candidate): void {
    const { slotWeight, slotSum, slotRows, weighted } = this;
    const column = this.x.columns[f]!;
    const size = this.choiceCounts[f]! + 1;
    let w = 0;
    let s = 0;
    for (let i = start; i < end; i++) {
      const r = order[i]!;
      const code = column[r]!;
      slotWeight[code] += weights[r]!;
      slotSum[code] += weighted[r]!;
      slotRows[code]++;
      w += weights[r]!;
      s += weighted[r]!;
    }
    // The node's categories by mean target: insertion sort, as there are only a handful.
    const { present, means } = this;
    let nPresent = 0;
    for (let code = 0; code < size; code++) {
      if (slotRows[code] === 0) continue;
      const mean = slotSum[code]! / slotWeight[code]!;
      let at = nPresent++;
      while (at > 0 && means[at - 1]! > mean) {
        present[at] = present[at - 1]!;
        means[at] = means[at - 1]!;
        at--;
      }
      present[at] = code;
      means[at] = mean;
    }
    const minLeaf = this.limits.minSamplesLeaf;
    const count = end - start;
    let wl = 0;
    let sl = 0;
    let rl = 0;
    for (let p = 0; p < nPresent - 1; p++) {
      const code = present[p]!;
      wl += slotWeight[code]!;
      sl += slotSum[code]!;
      rl += slotRows[code]!;
      if (rl < minLeaf || count - rl < minLeaf) continue;
      const proxy = (sl * sl) / wl + ((s - sl) * (s - sl)) / (w - wl);
      if (proxy > best.proxy) {
        best.proxy = proxy;
        best.feature = f;
        best.leftCodes = Array.from(present.subarray(0, p + 1));
        best.leftRows = rl;
        best.rightRows = count - rl;
      }
    }
    this.clearSlots(0, size - 1);
  }

  private clearSlot(slot: number): void {
    this.slotWeight[slot] = 0;
    this.slotSum[slot] = 0;
    this.slotRows[slot] = 0;
  }

  private clearSlots(low: number, high: number): void {
    this.slotWeight.fill(0, low, high + 1);
    this.slotSum.fill(0, low, high + 1);
    this.slotRows.fill(0, low, high + 1);
  }
}
