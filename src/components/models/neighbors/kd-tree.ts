/**
 * A KD-tree over row-major training rows, for neighbour search in data of few effective
 * dimensions. Each node covers a contiguous range of `order` (tree position → training row) and
 * keeps the bounding box of its rows; a query skips every node whose box is farther away than
 * its current k-th neighbour. The box bound never exceeds the distance to any row inside it,
 * also in floating point (see distance.ts), so the search is exact.
 *
 * Building is deterministic, so a model rebuilt from saved rows gets the same tree.
 */
import { boxDistance } from './distance.ts';

export class KdTree {
  private constructor(
    readonly nFeatures: number,
    /** Tree position → training row; every node covers order[start..end). */
    readonly order: Int32Array,
    readonly nodeStart: Int32Array,
    readonly nodeEnd: Int32Array,
    /** Child node ids; -1 marks a leaf. */
    readonly nodeLeft: Int32Array,
    readonly nodeRight: Int32Array,
    /** Box corners, node * nFeatures + feature. */
    readonly boxLow: Float64Array,
    readonly boxHigh: Float64Array,
  ) {}

  static build(rows: Float64Array, nRows: number, nFeatures: number, leafSize: number): KdTree {
    const order = new Int32Array(nRows);
    for (let i = 0; i < nRows; i++) order[i] = i;
    const starts: number[] = [];
    const ends: number[] = [];
    const lefts: number[] = [];
    const rights: number[] = [];
    const lows: number[] = [];
    const highs: number[] = [];

    const buildNode = (start: number, end: number): number => {
      const id = starts.length;
      starts.push(start);
      ends.push(end);
      lefts.push(-1);
      rights.push(-1);
      let splitFeature = -1;
      let widestSpread = 0;
      for (let j = 0; j < nFeatures; j++) {
        let low = Infinity;
        let high = -Infinity;
        for (let position = start; position < end; position++) {
          const value = rows[order[position]! * nFeatures + j]!;
          if (value < low) low = value;
          if (value > high) high = value;
        }
        lows.push(low);
        highs.push(high);
        if (high - low > widestSpread) {
          widestSpread = high - low;
          splitFeature = j;
        }
      }
      // A node of identical rows cannot be split; it stays a (possibly large) leaf.
      if (end - start <= leafSize || splitFeature < 0) return id;
      const middle = (start + end) >>> 1;
      selectByFeature(rows, nFeatures, order, start, end - 1, middle, splitFeature);
      const left = buildNode(start, middle);
      const right = buildNode(middle, end);
      lefts[id] = left;
      rights[id] = right;
      return id;
    };
    buildNode(0, nRows);

    return new KdTree(
      nFeatures,
      order,
      Int32Array.from(starts),
      Int32Array.from(ends),
      Int32Array.from(lefts),
      Int32Array.from(rights),
      Float64Array.from(lows),
      Float64Array.from(highs),
    );
  }

  /** Lower bound of the distance from `query` to any row in the node, in search units. */
  boxDistance(node: number, query: Float64Array, queryBase: number, p: 1 | 2): number {
    return boxDistance(query, queryBase, this.boxLow, this.boxHigh, node * this.nFeatures, this.nFeatures, p);
  }
}

/**
 * Partial quickselect (Hoare partition): reorders order[lo..hi] so that the row at `kth` has the
 * value it would have in sorted order, with no larger value before it and no smaller after it.
 */
function selectByFeature(
  rows: Float64Array,
  nFeatures: number,
  order: Int32Array,
  lo: number,
  hi: number,
  kth: number,
  feature: number,
): void {
  const valueAt = (position: number): number => rows[order[position]! * nFeatures + feature]!;
  while (hi > lo) {
    const pivot = medianOfThree(valueAt(lo), valueAt((lo + hi) >>> 1), valueAt(hi));
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (valueAt(i) < pivot) i++;
      while (valueAt(j) > pivot) j--;
      if (i <= j) {
        const swap = order[i]!;
        order[i] = order[j]!;
        order[j] = swap;
        i++;
        j--;
      }
    }
    if (kth <= j) hi = j;
    else if (kth >= i) lo = i;
    else return;
  }
}

function medianOfThree(a: number, b: number, c: number): number {
  if (a < b) return b < c ? b : a < c ? c : a;
  return a < c ? a : b < c ? c : b;
}
