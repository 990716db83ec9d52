/**
 * Exact k-nearest-neighbour search over stored training rows, Manhattan (p = 1) or Euclidean
 * (p = 2). Rows are kept row-major, centred on the training mean (distances do not change, and
 * Euclidean dot products stay small), so one distance is a contiguous scan.
 *
 * A KD-tree is used when it pays: trees prune well when the data has few effective dimensions
 * (many real feature sets do, even with dozens of correlated columns) and badly otherwise. So the
 * tree is built, a few training rows are looked up through it, and it is kept only if they had
 * to examine a small fraction of the rows. That probe is deterministic, and every strategy
 * returns exactly the same neighbours, so the choice affects speed only. Without a tree,
 * Euclidean queries go through the tiled scan four at a time.
 *
 * Euclidean distances are compared squared and square-rooted only for the k winners.
 */
import type { FeatureMatrix } from '../../matrix.ts';
import { CandidateHeap } from './candidate-heap.ts';
import { rowDistance, squaredNorm } from './distance.ts';
import { KdTree } from './kd-tree.ts';
import { TILE_QUERIES, tiledScan } from './tiled-scan.ts';

const LEAF_SIZE = 24;
const PROBE_QUERIES = 16;
/**
 * A tree whose probe lookups examine more than this fraction of the rows is dropped; lower for
 * Euclidean distance, whose tiled scan is about twice as fast as a Manhattan scan.
 */
const MAX_TREE_EXAMINED_FRACTION = { 1: 0.3, 2: 0.15 } as const;

export type SearchStrategy = 'auto' | 'scan' | 'tree';

export class NeighborSearch {
  private readonly mean: Float64Array;
  /** Centred training rows in scan order (tree order when there is a tree), row-major. */
  private scanRows: Float64Array;
  /** Scan position → training row index, used for tie-breaking and for reading targets. */
  private scanToRow: Int32Array;
  private tree: KdTree | undefined;
  /** Squared norm of each centred row, for the tiled scan. */
  private rowNorms: Float64Array | undefined;
  /** Rows whose distance was computed since the last reset; drives the tree probe. */
  private examined = 0;

  /**
   * @param rows training rows, row-major
   * @param k neighbours per query the search will be used with
   * @param strategy 'auto' decides by probing; the others exist so tests can compare them
   */
  constructor(
    rows: Float64Array,
    readonly nRows: number,
    readonly nFeatures: number,
    readonly p: 1 | 2,
    readonly k: number,
    strategy: SearchStrategy = 'auto',
  ) {
    const d = nFeatures;
    this.mean = new Float64Array(d);
    for (let i = 0; i < nRows; i++) for (let j = 0; j < d; j++) this.mean[j]! += rows[i * d + j]!;
    for (let j = 0; j < d; j++) this.mean[j]! /= nRows;
    const centred = rows.map((value, index) => value - this.mean[index % d]!);
    const identity = Int32Array.from({ length: nRows }, (_, i) => i);
    this.scanRows = centred;
    this.scanToRow = identity;
    this.tree = undefined;
    if (strategy === 'tree' || (strategy === 'auto' && d >= 1 && nRows > 4 * LEAF_SIZE)) {
      this.useTree(KdTree.build(centred, nRows, d, LEAF_SIZE), centred);
      if (strategy === 'auto' && !this.treePaysOff()) {
        this.tree = undefined;
        this.scanRows = centred;
        this.scanToRow = identity;
      }
    }
    if (this.tree === undefined && p === 2) {
      this.rowNorms = new Float64Array(nRows);
      for (let i = 0; i < nRows; i++) this.rowNorms[i] = squaredNorm(centred, i * d, d);
    }
  }

  get usesTree(): boolean {
    return this.tree !== undefined;
  }

  /**
   * Calls `visit(i, heap)` for every row i of `x`, with `heap` holding the k training rows nearest
   * to it, sorted nearest first (ties by lower row index), distances in the metric's units. The
   * heap is reused: read it inside `visit`.
   */
  forEachNearest(x: FeatureMatrix, visit: (row: number, heap: CandidateHeap) => void): void {
    const d = this.nFeatures;
    const heaps = Array.from({ length: TILE_QUERIES }, () => new CandidateHeap(this.k));
    const queries = new Float64Array(TILE_QUERIES * d);
    const queryNorms = new Float64Array(TILE_QUERIES);
    const bounds = new Float64Array(TILE_QUERIES);
    for (let start = 0; start < x.nRows; start += TILE_QUERIES) {
      const count = Math.min(TILE_QUERIES, x.nRows - start);
      for (let t = 0; t < TILE_QUERIES; t++) {
        // A short last block repeats its last query to fill the tile.
        const row = start + Math.min(t, count - 1);
        for (let j = 0; j < d; j++) queries[t * d + j] = x.columns[j]![row]! - this.mean[j]!;
        heaps[t]!.clear();
      }
      if (this.rowNorms !== undefined) {
        for (let t = 0; t < TILE_QUERIES; t++) queryNorms[t] = squaredNorm(queries, t * d, d);
        tiledScan(queries, queryNorms, this.scanRows, this.rowNorms, this.nRows, d, heaps, bounds);
      } else {
        for (let t = 0; t < count; t++) this.search(queries, t * d, heaps[t]!);
      }
      for (let t = 0; t < count; t++) visit(start + t, this.finish(heaps[t]!));
    }
  }

  /** The k nearest training rows to one query (raw, uncentred), as forEachNearest gives them. */
  nearest(query: Float64Array, heap: CandidateHeap): void {
    const centred = query.map((value, j) => value - this.mean[j]!);
    heap.clear();
    this.search(centred, 0, heap);
    this.finish(heap);
  }

  private finish(heap: CandidateHeap): CandidateHeap {
    heap.sortAscending();
    if (this.p === 2) {
      const distances = heap.distances;
      for (let i = 0; i < heap.size; i++) distances[i] = Math.sqrt(distances[i]!);
    }
    return heap;
  }

  /** Tree or plain-scan search for the centred query at `queries[base]`. */
  private search(queries: Float64Array, base: number, heap: CandidateHeap): void {
    if (this.tree === undefined) this.scan(queries, base, 0, this.nRows, heap);
    else this.visit(this.tree, 0, queries, base, heap);
  }

  /** Stores the rows in tree order so that every leaf is one contiguous block. */
  private useTree(tree: KdTree, centred: Float64Array): void {
    const d = this.nFeatures;
    this.tree = tree;
    this.scanToRow = tree.order;
    this.scanRows = new Float64Array(this.nRows * d);
    for (let position = 0; position < this.nRows; position++) {
      const from = tree.order[position]! * d;
      this.scanRows.set(centred.subarray(from, from + d), position * d);
    }
  }

  /** Looks up evenly spaced training rows through the tree and counts the rows examined. */
  private treePaysOff(): boolean {
    const probes = Math.min(PROBE_QUERIES, this.nRows);
    const budget = MAX_TREE_EXAMINED_FRACTION[this.p] * this.nRows * probes;
    const heap = new CandidateHeap(this.k);
    this.examined = 0;
    for (let t = 0; t < probes && this.examined <= budget; t++) {
      heap.clear();
      this.search(this.scanRows, Math.floor(((t + 0.5) * this.nRows) / probes) * this.nFeatures, heap);
    }
    return this.examined <= budget;
  }

  private visit(tree: KdTree, node: number, queries: Float64Array, base: number, heap: CandidateHeap): void {
    const left = tree.nodeLeft[node]!;
    if (left < 0) {
      this.scan(queries, base, tree.nodeStart[node]!, tree.nodeEnd[node]!, heap);
      return;
    }
    const right = tree.nodeRight[node]!;
    const leftDistance = tree.boxDistance(left, queries, base, this.p);
    const rightDistance = tree.boxDistance(right, queries, base, this.p);
    // Nearer child first, so the bound tightens before the farther one is considered. A box at
    // exactly the bound may still hold a tie with a lower row index, hence <=.
    if (leftDistance <= rightDistance) {
      if (leftDistance <= heap.bound()) this.visit(tree, left, queries, base, heap);
      if (rightDistance <= heap.bound()) this.visit(tree, right, queries, base, heap);
    } else {
      if (rightDistance <= heap.bound()) this.visit(tree, right, queries, base, heap);
      if (leftDistance <= heap.bound()) this.visit(tree, left, queries, base, heap);
    }
  }

  /** Offers the rows at scan positions start..end-1 to the heap. */
  private scan(queries: Float64Array, base: number, start: number, end: number, heap: CandidateHeap): void {
    const d = this.nFeatures;
    const p = this.p;
    const rows = this.scanRows;
    const scanToRow = this.scanToRow;
    let bound = heap.bound();
    for (let position = start; position < end; position++) {
      const distance = rowDistance(queries, base, rows, position * d, d, p, bound);
      if (distance <= bound) {
        heap.offer(distance, scanToRow[position]!);
        bound = heap.bound();
      }
    }
    this.examined += end - start;
  }
}
