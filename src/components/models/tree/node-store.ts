/**
 * Growable typed-array storage of the nodes of a tree under construction, reused from tree to
 * tree, and its conversion into the compact FlatTree.
 */
import { FlatTree, LEAF } from './flat-tree.ts';

const INITIAL_CAPACITY = 256;

export class NodeStore {
  count = 0;
  private capacity = 0;
  // Final structure (see flat-tree.ts); feature stays LEAF until the node is expanded.
  feature = new Int32Array(0);
  threshold = new Float64Array(0);
  left = new Int32Array(0);
  right = new Int32Array(0);
  /** Output of every node, valuesPerLeaf per node; only the leaves' survive into the tree. */
  values = new Float64Array(0);
  // Build state: the node's row range, depth, and the split found for it (splitFeature -1 = none).
  start = new Int32Array(0);
  end = new Int32Array(0);
  depth = new Int32Array(0);
  splitFeature = new Int32Array(0);
  splitThreshold = new Float64Array(0);
  improvement = new Float64Array(0);
  leftRows = new Int32Array(0);

  constructor(readonly valuesPerLeaf: number) {
    this.reserve(INITIAL_CAPACITY);
  }

  clear(): void {
    this.count = 0;
  }

  /** Appends an unexpanded node without a split; returns its index. */
  add(start: number, end: number, depth: number): number {
    if (this.count === this.capacity) this.reserve(this.capacity * 2);
    const node = this.count++;
    this.feature[node] = LEAF;
    this.threshold[node] = 0;
    this.left[node] = -1;
    this.right[node] = -1;
    this.start[node] = start;
    this.end[node] = end;
    this.depth[node] = depth;
    this.splitFeature[node] = -1;
    return node;
  }

  /** Copies the structure into exactly sized arrays, numbering the leaves in node order. */
  toFlatTree(): FlatTree {
    const n = this.count;
    const k = this.valuesPerLeaf;
    const feature = this.feature.slice(0, n);
    const left = this.left.slice(0, n);
    let leaves = 0;
    for (let node = 0; node < n; node++) if (feature[node] === LEAF) leaves++;
    const leafValues = new Float64Array(leaves * k);
    let leaf = 0;
    for (let node = 0; node < n; node++) {
      if (feature[node] !== LEAF) continue;
      leafValues.set(this.values.subarray(node * k, node * k + k), leaf * k);
      left[node] = leaf++;
    }
    return new FlatTree(feature, this.threshold.slice(0, n), left, this.right.slice(0, n), leafValues, k);
  }

  private reserve(capacity: number): void {
    this.capacity = capacity;
    this.feature = grow(this.feature, capacity);
    this.threshold = grow(this.threshold, capacity);
    this.left = grow(this.left, capacity);
    this.right = grow(this.right, capacity);
    this.values = grow(this.values, capacity * this.valuesPerLeaf);
    this.start = grow(this.start, capacity);
    this.end = grow(this.end, capacity);
    this.depth = grow(this.depth, capacity);
    this.splitFeature = grow(this.splitFeature, capacity);
    this.splitThreshold = grow(this.splitThreshold, capacity);
    this.improvement = grow(this.improvement, capacity);
    this.leftRows = grow(this.leftRows, capacity);
  }
}

function grow<T extends Int32Array | Float64Array>(array: T, capacity: number): T {
  if (array.length >= capacity) return array;
  const bigger = (array instanceof Int32Array ? new Int32Array(capacity) : new Float64Array(capacity)) as T;
  bigger.set(array);
  return bigger;
}
