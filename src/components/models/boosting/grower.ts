/**
 * Grows one regression tree on gradients and hessians, best-first: the open leaf whose best
 * split gains most is split next, until the leaf budget, the depth limit or the leaf-size rules
 * stop it.
 *
 * Rows of a node are a contiguous range of one index array, partitioned in place at each split
 * (stable, so rows stay in ascending order and memory access stays local). Only the smaller
 * child's histogram is built from rows; the larger one is the parent's minus it, unless the
 * larger child is itself so small that rescanning its rows is cheaper than subtracting.
 */
import type { BinMapper, BinnedColumns } from './binning.ts';
import { HISTOGRAM_STRIDE, HistogramPool, buildHistogram, histogramLayout, subtractHistogram, type HistogramLayout } from './histogram.ts';
import { emptySplit, findBestSplit, leafValue, type SplitCandidate, type SplitRules } from './splitter.ts';
import { LeafQueue } from './leaf-queue.ts';
import { LEAF, type TrainedTree } from './tree.ts';

export interface GrowerRules extends SplitRules {
  readonly maxLeafNodes: number | null;
  readonly maxDepth: number | null;
  readonly learningRate: number;
}

/**
 * Cost of adding one row of one feature into a histogram, relative to updating one histogram
 * entry by subtraction (measured: about 2).
 */
const ROW_SCAN_COST = 2;

interface OpenNode {
  readonly id: number;
  readonly start: number;
  readonly end: number;
  readonly depth: number;
  readonly sumGradient: number;
  readonly sumHessian: number;
  histogram: Float64Array | null;
  readonly split: SplitCandidate;
}

export class TreeGrower {
  private readonly layout: HistogramLayout;
  private readonly pool: HistogramPool;
  /** Row indices; each node owns a contiguous range. */
  private readonly rows: Int32Array;
  private readonly scratch: Int32Array;
  /** Gradient and hessian pairs of a node's rows, in row order (histogram scratch). */
  private readonly ordered: Float64Array;

  // the tree being grown, in creation order
  private feature: number[] = [];
  private binThreshold: number[] = [];
  private threshold: number[] = [];
  private left: number[] = [];
  private right: number[] = [];
  private value: number[] = [];
  /** Leaves of the last tree with their row ranges, for updating training scores. */
  private leaves: OpenNode[] = [];

  constructor(
    private readonly codes: BinnedColumns,
    private readonly mapper: BinMapper,
    nRows: number,
    private readonly rules: GrowerRules,
  ) {
    this.layout = histogramLayout(mapper, codes);
    this.pool = new HistogramPool(this.layout.size);
    this.rows = new Int32Array(nRows);
    this.scratch = new Int32Array(nRows);
    this.ordered = new Float64Array(2 * nRows);
  }

  /**
   * @param sampleRows training rows this tree learns from (ascending)
   * @param features features this tree may split on
   */
  grow(gradient: Float64Array, hessian: Float64Array, sampleRows: Int32Array, features: Int32Array): TrainedTree {
    this.feature = [];
    this.binThreshold = [];
    this.threshold = [];
    this.left = [];
    this.right = [];
    this.value = [];
    this.leaves = [];
    const rows = this.rows;
    rows.set(sampleRows);
    let sumGradient = 0;
    let sumHessian = 0;
    for (let i = 0; i < sampleRows.length; i++) {
      const row = sampleRows[i]!;
      sumGradient += gradient[row]!;
      sumHessian += hessian[row]!;
    }
    const root = this.createNode(0, sampleRows.length, 0, sumGradient, sumHessian);
    const open = new LeafQueue<OpenNode>();
    if (this.splittable(root, 1)) {
      root.histogram = this.pool.acquire();
      buildHistogram(root.histogram, this.layout, this.codes, features, rows, root.start, root.end, gradient, hessian, this.ordered);
      this.consider(root, features, open);
    } else {
      this.leaves.push(root);
    }

    let histogramSize = 0; // entries of the histogram the listed features use
    for (let j = 0; j < features.length; j++) histogramSize += this.layout.nBins[features[j]!]! * HISTOGRAM_STRIDE;
    let leafCount = 1;
    const maxLeaves = this.rules.maxLeafNodes;
    while (open.size > 0 && (maxLeaves === null || leafCount < maxLeaves)) {
      const node = open.pop();
      const [leftChild, rightChild] = this.split(node);
      leafCount++;
      const leftOpen = this.splittable(leftChild, leafCount);
      const rightOpen = this.splittable(rightChild, leafCount);
      const parentHistogram = node.histogram!;
      node.histogram = null;
      if (leftOpen || rightOpen) {
        const leftSmaller = leftChild.end - leftChild.start <= rightChild.end - rightChild.start;
        const small = leftSmaller ? leftChild : rightChild;
        const large = leftSmaller ? rightChild : leftChild;
        small.histogram = this.pool.acquire();
        buildHistogram(small.histogram, this.layout, this.codes, features, rows, small.start, small.end, gradient, hessian, this.ordered);
        if (!(leftSmaller ? rightOpen : leftOpen)) {
          this.pool.release(parentHistogram); // the larger child stays a leaf
        } else if ((large.end - large.start) * features.length * ROW_SCAN_COST < histogramSize) {
          // subtraction touches every bin; for a small node, scanning its rows again is cheaper
          buildHistogram(parentHistogram, this.layout, this.codes, features, rows, large.start, large.end, gradient, hessian, this.ordered);
          large.histogram = parentHistogram;
        } else {
          subtractHistogram(parentHistogram, small.histogram, this.layout, features);
          large.histogram = parentHistogram;
        }
        if (leftOpen) this.consider(leftChild, features, open);
        else this.close(leftChild);
        if (rightOpen) this.consider(rightChild, features, open);
        else this.close(rightChild);
      } else {
        this.pool.release(parentHistogram);
        this.leaves.push(leftChild, rightChild);
      }
    }
    for (const node of open.drain()) this.close(node);

    return {
      feature: Int32Array.from(this.feature),
      binThreshold: Uint8Array.from(this.binThreshold),
      threshold: Float64Array.from(this.threshold),
      left: Int32Array.from(this.left),
      right: Int32Array.from(this.right),
      value: Float64Array.from(this.value),
    };
  }

  /** Adds the last tree's leaf values to the scores of the rows it was grown on. */
  addToTrainingScores(scores: Float64Array, stride: number, offset: number): void {
    const rows = this.rows;
    for (const leaf of this.leaves) {
      const v = this.value[leaf.id]!;
      for (let i = leaf.start; i < leaf.end; i++) scores[rows[i]! * stride + offset] += v;
    }
  }

  private createNode(start: number, end: number, depth: number, sumGradient: number, sumHessian: number): OpenNode {
    const id = this.feature.length;
    this.feature.push(LEAF);
    this.binThreshold.push(0);
    this.threshold.push(0);
    this.left.push(LEAF);
    this.right.push(LEAF);
    this.value.push(this.rules.learningRate * leafValue(sumGradient, sumHessian, this.rules));
    return { id, start, end, depth, sumGradient, sumHessian, histogram: null, split: emptySplit() };
  }

  /** Whether a node may still be split, given the leaves the tree already has. */
  private splittable(node: OpenNode, leafCount: number): boolean {
    const { maxLeafNodes, maxDepth, minSamplesLeaf, minChildWeight } = this.rules;
    if (maxLeafNodes !== null && leafCount >= maxLeafNodes) return false;
    if (maxDepth !== null && node.depth >= maxDepth) return false;
    return node.end - node.start >= 2 * minSamplesLeaf && node.sumHessian >= 2 * minChildWeight;
  }

  /** Searches the node's best split; it stays open if there is one, otherwise becomes a leaf. */
  private consider(node: OpenNode, features: Int32Array, open: LeafQueue<OpenNode>): void {
    const count = node.end - node.start;
    const histogram = node.histogram!;
    if (findBestSplit(histogram, this.layout, features, node.sumGradient, node.sumHessian, count, this.rules, node.split)) {
      open.push(node);
    } else {
      this.close(node);
    }
  }

  private close(node: OpenNode): void {
    if (node.histogram !== null) {
      this.pool.release(node.histogram);
      node.histogram = null;
    }
    this.leaves.push(node);
  }

  /** Partitions the node's rows by its best split and records the split in the tree. */
  private split(node: OpenNode): [OpenNode, OpenNode] {
    const { feature, bin, leftGradient, leftHessian } = node.split;
    const column = this.codes[feature]!;
    const rows = this.rows;
    const scratch = this.scratch;
    let write = node.start;
    let rightCount = 0;
    for (let i = node.start; i < node.end; i++) {
      const row = rows[i]!;
      if (column[row]! <= bin) rows[write++] = row;
      else scratch[rightCount++] = row;
    }
    rows.set(scratch.subarray(0, rightCount), write);
    const depth = node.depth + 1;
    const leftChild = this.createNode(node.start, write, depth, leftGradient, leftHessian);
    const rightChild = this.createNode(write, node.end, depth, node.sumGradient - leftGradient, node.sumHessian - leftHessian);
    const id = node.id;
    this.feature[id] = feature;
    this.binThreshold[id] = bin;
    this.threshold[id] = this.mapper.edges[feature]![bin]!;
    this.left[id] = leftChild.id;
    this.right[id] = rightChild.id;
    this.value[id] = 0;
    return [leftChild, rightChild];
  }
}
