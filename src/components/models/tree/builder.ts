/**
 * Grows one tree over the rows of a training matrix with a split search.
 *
 * A node's split is searched as soon as the node is created, so its impurity decrease is known
 * before it is expanded. Without max_leaf_nodes nodes are expanded depth-first (a stack); with it
 * the node with the largest decrease is expanded first (a heap) until the leaf budget is spent.
 * Each node owns a contiguous range of `rows`, partitioned in place when the node is split.
 */
import { AutoMLError } from '../../../util/errors.ts';
import type { Rng } from '../../../util/rng.ts';
import type { FlatTree } from './flat-tree.ts';
import type { GrowthLimits } from './params.ts';
import { NodeSummary, SplitResult } from './split-search.ts';
import type { SplitSearch } from './split-search.ts';
import { NodeHeap } from './node-heap.ts';
import { NodeStore } from './node-store.ts';

/** Settings of one tree build, resolved against the data. */
export interface TreeBuild {
  readonly search: SplitSearch;
  readonly columns: readonly Float64Array[];
  readonly rng: Rng;
  /** Weight per row of the matrix (bootstrap count times sample weight). */
  readonly weights: Float64Array;
  /** Indices of the rows with positive weight; reordered in place. */
  readonly rows: Int32Array;
  readonly limits: GrowthLimits;
  /** Total weight of the tree's rows (the min_impurity_decrease and min_weight_fraction_leaf base). */
  readonly totalWeight: number;
}

export class TreeBuilder {
  private readonly summary = new NodeSummary();
  private readonly split = new SplitResult();
  private readonly store: NodeStore;
  private readonly stack: number[] = [];
  private readonly heap = new NodeHeap();
  /**
   * Constant-feature flags (see SplitSearch.findSplit) of each node whose split awaits
   * expansion, indexed by node; released to `spareFlags` once the node is expanded, so only
   * the nodes on the stack or heap hold a set.
   */
  private readonly flagsOf: (Uint8Array | undefined)[] = [];
  private readonly spareFlags: Uint8Array[] = [];
  /** Flags of the node being searched. */
  private scratchFlags = new Uint8Array(0);

  constructor(valuesPerLeaf: number) {
    this.store = new NodeStore(valuesPerLeaf);
  }

  grow(build: TreeBuild): FlatTree {
    const { limits, rows } = build;
    const store = this.store;
    store.clear();
    this.releaseAllFlags();
    const nFeatures = build.columns.length;
    if (this.scratchFlags.length !== nFeatures) {
      this.scratchFlags = new Uint8Array(nFeatures);
      this.spareFlags.length = 0;
    }
    const minWeightLeaf = limits.minWeightFractionLeaf * build.totalWeight;
    build.search.startTree(build.rng, build.weights, limits.minSamplesLeaf, minWeightLeaf);
    const root = this.createNode(build, 0, rows.length, 0, minWeightLeaf, null);
    if (limits.maxLeafNodes >= Number.MAX_SAFE_INTEGER) {
      const stack = this.stack;
      stack.length = 0;
      if (store.splitFeature[root]! >= 0) stack.push(root);
      while (stack.length > 0) {
        const node = stack.pop()!;
        const left = this.expand(build, node, minWeightLeaf);
        // Right pushed first so the left subtree is finished first.
        if (store.splitFeature[left + 1]! >= 0) stack.push(left + 1);
        if (store.splitFeature[left]! >= 0) stack.push(left);
      }
    } else {
      const heap = this.heap;
      heap.clear();
      if (store.splitFeature[root]! >= 0) heap.push(root, store.improvement[root]!);
      let leaves = 1;
      while (heap.size > 0 && leaves < limits.maxLeafNodes) {
        const left = this.expand(build, heap.pop(), minWeightLeaf);
        leaves++;
        if (store.splitFeature[left]! >= 0) heap.push(left, store.improvement[left]!);
        if (store.splitFeature[left + 1]! >= 0) heap.push(left + 1, store.improvement[left + 1]!);
      }
    }
    return store.toFlatTree();
  }

  /**
   * Creates a node over rows[start, end) and searches its split; returns its index.
   * `parentFlags` are the parent's constant-feature flags (null for the root).
   */
  private createNode(build: TreeBuild, start: number, end: number, depth: number, minWeightLeaf: number, parentFlags: Uint8Array | null): number {
    const { search, limits } = build;
    const store = this.store;
    const node = store.add(start, end, depth);
    const summary = this.summary;
    search.summarize(build.rows, start, end, store.values, node * store.valuesPerLeaf, summary);
    const rowCount = end - start;
    const splittable =
      depth < limits.maxDepth &&
      rowCount >= limits.minSamplesSplit &&
      rowCount >= 2 * limits.minSamplesLeaf &&
      summary.weight >= 2 * minWeightLeaf &&
      summary.impurity > 0;
    if (!splittable) return node;
    const flags = this.scratchFlags;
    if (parentFlags === null) flags.fill(0);
    else flags.set(parentFlags);
    if (search.findSplit(build.rows, start, end, this.split, flags)) {
      const decrease = this.split.improvement / build.totalWeight;
      // The tolerance lets a zero-gain split through at the default min_impurity_decrease of 0
      // despite rounding, so e.g. XOR-like targets still get split.
      if (decrease + 1e-12 >= limits.minImpurityDecrease) {
        store.splitFeature[node] = this.split.feature;
        store.splitThreshold[node] = this.split.threshold;
        store.improvement[node] = decrease;
        store.leftRows[node] = this.split.leftRows;
        const kept = this.spareFlags.pop() ?? new Uint8Array(flags.length);
        kept.set(flags);
        this.flagsOf[node] = kept;
      }
    }
    return node;
  }

  /** Applies a node's pending split and creates its children; returns the left child's index. */
  private expand(build: TreeBuild, node: number, minWeightLeaf: number): number {
    const store = this.store;
    const start = store.start[node]!;
    const end = store.end[node]!;
    const feature = store.splitFeature[node]!;
    const threshold = store.splitThreshold[node]!;
    const column = build.columns[feature]!;
    const rows = build.rows;
    let i = start;
    let j = end - 1;
    while (i <= j) {
      const r = rows[i]!;
      if (column[r]! <= threshold) {
        i++;
      } else {
        rows[i] = rows[j]!;
        rows[j] = r;
        j--;
      }
    }
    if (i - start !== store.leftRows[node]) {
      throw new AutoMLError('INTERNAL', `tree split of node ${node} moved ${i - start} rows left, expected ${store.leftRows[node]}`);
    }
    const depth = store.depth[node]! + 1;
    const flags = this.flagsOf[node]!;
    this.flagsOf[node] = undefined;
    const left = this.createNode(build, start, i, depth, minWeightLeaf, flags);
    const right = this.createNode(build, i, end, depth, minWeightLeaf, flags);
    this.spareFlags.push(flags);
    store.feature[node] = feature;
    store.threshold[node] = threshold;
    store.left[node] = left;
    store.right[node] = right;
    return left;
  }

  /** Returns the flags of nodes left unexpanded by the last tree (leaf budget spent) to the spares. */
  private releaseAllFlags(): void {
    for (let node = 0; node < this.flagsOf.length; node++) {
      const flags = this.flagsOf[node];
      if (flags !== undefined) this.spareFlags.push(flags);
    }
    this.flagsOf.length = 0;
  }
}
