/**
 * A fitted regression tree in flat arrays, and the loops that evaluate it.
 *
 * Node 0 is the root; children always have larger indices than their parent (nodes are numbered
 * in creation order), which makes every traversal terminate. A leaf has feature -1 and
 * left = right = -1. Internal node: go left when x[feature] <= threshold.
 */
import type { BinnedColumns } from './binning.ts';

export interface BoostedTree {
  readonly feature: Int32Array;
  /** Split threshold on the raw feature value (a bin edge). */
  readonly threshold: Float64Array;
  readonly left: Int32Array;
  readonly right: Int32Array;
  /** Leaf output, learning rate already applied (0 for internal nodes). */
  readonly value: Float64Array;
}

/** A tree as it comes out of training: also knows its splits as bin codes. */
export interface TrainedTree extends BoostedTree {
  /** Split as "bin code <= binThreshold"; equivalent to the raw threshold by construction. */
  readonly binThreshold: Uint8Array;
}

export const LEAF = -1;

export function leafCount(tree: BoostedTree): number {
  let leaves = 0;
  for (let i = 0; i < tree.feature.length; i++) if (tree.feature[i] === LEAF) leaves++;
  return leaves;
}

/**
 * Adds the tree's output for `nRows` rows stored row-major in `rowsData` (nFeatures values per
 * row) to `scores[(firstRow + r) * stride + offset]`.
 */
export function addTreeScoresRowMajor(
  tree: BoostedTree,
  rowsData: Float64Array,
  nFeatures: number,
  nRows: number,
  scores: Float64Array,
  firstRow: number,
  stride: number,
  offset: number,
): void {
  const { feature, threshold, left, right, value } = tree;
  for (let r = 0, base = 0; r < nRows; r++, base += nFeatures) {
    let node = 0;
    let f = feature[0]!;
    while (f !== LEAF) {
      node = rowsData[base + f]! <= threshold[node]! ? left[node]! : right[node]!;
      f = feature[node]!;
    }
    scores[(firstRow + r) * stride + offset] += value[node]!;
  }
}

/**
 * Adds the tree's output for binned rows (training, held-out) to `scores`. Same result as
 * addTreeScores on the raw values the codes came from.
 */
export function addTreeScoresBinned(
  tree: TrainedTree,
  codes: BinnedColumns,
  nRows: number,
  scores: Float64Array,
  stride: number,
  offset: number,
): void {
  const { feature, binThreshold, left, right, value } = tree;
  for (let row = 0; row < nRows; row++) {
    let node = 0;
    let f = feature[0]!;
    while (f !== LEAF) {
      node = codes[f]![row]! <= binThreshold[node]! ? left[node]! : right[node]!;
      f = feature[node]!;
    }
    scores[row * stride + offset] += value[node]!;
  }
}

/** Drops the training-only bin thresholds. */
export function stripBins(tree: TrainedTree): BoostedTree {
  return { feature: tree.feature, threshold: tree.threshold, left: tree.left, right: tree.right, value: tree.value };
}
