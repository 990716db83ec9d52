/**
 * Exact k-nearest-neighbour search over stored training rows, Manhattan (p = 1) or Euclidean
 * (p = 2). Rows are kept row-major so one distance is a contiguous scan, and a row is abandoned
 * as soon as its partial distance exceeds the current k-th best.
 *
 * A KD-tree is used when it pays: trees prune well when the data has few effective dimensions
 * (many real feature sets do, even with dozens of correlated columns) and badly otherwise. So the
 * tree is built, a few training rows are looked up through it, and it is kept only if they had
 * to examine a small fraction of the rows. That probe is deterministic, and both strategies
 * return exactly the same neighbours, so the choice affects speed only.
 *
 * Euclidean distances are compared squared and square-rooted only for the k winners.
 */
import { CandidateHeap } from './candidate-heap.ts';
import { rowDistance } from './distance.ts';
import { KdTree } from './kd-tree.ts';

const LEAF_SIZE = 24;
const PROBE_QUERIES = 16;
/** A tree whose probe lookups examine more than this fraction of the rows is dropped. */
const MAX_TREE_EXAMINED_FRACTION = 0.3;

export type SearchStrategy = 'auto' | 'scan' | 'tree';

export class NeighborSearch {
  /** Training rows in scan order (tree order when there is a tree), row-major. */
  private scanRows: Float64Array;
  /** Scan position → training row index, used for tie-breaking and for reading targets. */
  private scanToRow: Int32Array;
  private tree: KdTree | undefined;
  /** Rows whose distance was computed since the last reset; drives the tree probe. */
  private examined = 0;

  /**
   * @param k neighbours per query the search will be used with (sizes the tree probe)
   * @param strategy 'auto' decides by probing; the others exist so tests can compare the two
   */
  constructor(
    rows: Float64Array,
    readonly nRows: number,
    readonly nFeatures: number,
    readonly p: 1 | 2,
    k: number,
    strategy: SearchStrategy = 'auto',
  ) {
    this.scanRows = rows;
    this.scanToRow = new Int32Array(nRows);
    for (let i = 0; i < nRows; i++) this.scanToRow[i] = i;
    this.tree = undefined;
    const worthTrying = nFeatures >= 1 && nRows > 4 * LEAF_SIZE;
    if (strategy === 'tree' || (strategy === 'auto' && worthTrying)) {
      this.useTree(KdTree.build(rows, nRows, nFeatures, LEAF_SIZE), rows);
      if (strategy === 'auto' && !this.treePaysOff(k)) {
        this.scanRows = rows;
        this.scanToRow = this.scanToRow.map((_, i) => i);
        this.tree = undefined;
      }
    }
  }

  get usesTree(): boolean {
    return this.tree !== undefined;
  }

  /**
   * Fills `heap` with its capacity's worth of training rows nearest to `query`, sorted nearest
   * first (ties by lower row index), with distances in the metric's own units.
   */
  nearest(query: Float64Array, heap: CandidateHeap): void {
    heap.clear();
    if (this.tree === undefined) this.scan(query, 0, this.nRows, heap);
    else this.visit(this.tree, 0, query, heap);
    heap.sortAscending();
    if (this.p === 2) {
      const distances = heap.distances;
      for (let i = 0; i < heap.size; i++) distances[i] = Math.sqrt(distances[i]!);
    }
  }

  /** Stores the rows in tree order so that every leaf is one contiguous block. */
  private useTree(tree: KdTree, rows: Float64Array): void {
    const d = this.nFeatures;
    this.tree = tree;
    this.scanToRow = tree.order;
    this.scanRows = new Float64Array(this.nRows * d);
    for (let position = 0; position < this.nRows; position++) {
      const from = tree.order[position]! * d;
      this.scanRows.set(rows.subarray(from, from + d), position * d);
    }
  }

  /** Looks up evenly spaced training rows through the tree and counts the rows examined. */
  private treePaysOff(k: number): boolean {
    const probes = Math.min(PROBE_QUERIES, this.nRows);
    const budget = MAX_TREE_EXAMINED_FRACTION * this.nRows * probes;
    const heap = new CandidateHeap(Math.min(k, this.nRows));
    const query = new Float64Array(this.nFeatures);
    this.examined = 0;
    for (let t = 0; t < probes && this.examined <= budget; t++) {
      const position = Math.floor(((t + 0.5) * this.nRows) / probes);
      query.set(this.scanRows.subarray(position * this.nFeatures, (position + 1) * this.nFeatures));
      this.nearest(query, heap);
    }
    return this.examined <= budget;
  }

  private visit(tree: KdTree, node: number, query: Float64Array, heap: CandidateHeap): void {
    const left = tree.nodeLeft[node]!;
    if (left < 0) {
      this.scan(query, tree.nodeStart[node]!, tree.nodeEnd[node]!, heap);
      return;
    }
    const right = tree.nodeRight[node]!;
    const leftDistance = tree.boxDistance(left, query, this.p);
    const rightDistance = tree.boxDistance(right, query, this.p);
    // Nearer child first, so the bound tightens before the farther one is considered. A box at
    // exactly the bound may still hold a tie with a lower row index, hence <=.
    if (leftDistance <= rightDistance) {
      if (leftDistance <= heap.bound()) this.visit(tree, left, query, heap);
      if (rightDistance <= heap.bound()) this.visit(tree, right, query, heap);
    } else {
      if (rightDistance <= heap.bound()) this.visit(tree, right, query, heap);
      if (leftDistance <= heap.bound()) this.visit(tree, left, query, heap);
    }
  }

  /** Offers the rows at scan positions start..end-1 to the heap. */
  private scan(query: Float64Array, start: number, end: number, heap: CandidateHeap): void {
    const d = this.nFeatures;
    const p = this.p;
    const rows = this.scanRows;
    const scanToRow = this.scanToRow;
    let bound = heap.bound();
    for (let position = start; position < end; position++) {
      const distance = rowDistance(query, rows, position * d, d, p, bound);
      if (distance <= bound) {
        heap.offer(distance, scanToRow[position]!);
        bound = heap.bound();
      }
    }
    this.examined += end - start;
  }
}
