/**
 * The k best neighbour candidates seen so far during one query, kept as a max-heap so the worst
 * candidate is on top and a closer one replaces it in O(log k). Candidates are ordered by
 * (distance, training row index): breaking distance ties by the lower row index makes the chosen
 * neighbour set independent of the order rows are visited in, so brute force and the KD-tree
 * pick exactly the same neighbours.
 *
 * The arrays are allocated once per prediction call and reused for every query row.
 */
export class CandidateHeap {
  readonly distances: Float64Array;
  readonly rows: Int32Array;
  size = 0;

  constructor(readonly capacity: number) {
    this.distances = new Float64Array(capacity);
    this.rows = new Int32Array(capacity);
  }

  clear(): void {
    this.size = 0;
  }

  /** Largest distance a candidate may have and still enter (ties may still enter by row index). */
  bound(): number {
    return this.size < this.capacity ? Infinity : this.distances[0]!;
  }

  offer(distance: number, row: number): void {
    const distances = this.distances;
    const rows = this.rows;
    if (this.size < this.capacity) {
      // Sift the new candidate up from the end.
      let position = this.size++;
      while (position > 0) {
        const parent = (position - 1) >> 1;
        if (!isWorse(distance, row, distances[parent]!, rows[parent]!)) break;
        distances[position] = distances[parent]!;
        rows[position] = rows[parent]!;
        position = parent;
      }
      distances[position] = distance;
      rows[position] = row;
      return;
    }
    if (!isWorse(distances[0]!, rows[0]!, distance, row)) return;
    this.siftDown(distance, row, this.size);
  }

  /** Reorders the candidates nearest first (heap sort); the heap property is gone afterwards. */
  sortAscending(): void {
    const distances = this.distances;
    const rows = this.rows;
    for (let end = this.size - 1; end > 0; end--) {
      const lastDistance = distances[end]!;
      const lastRow = rows[end]!;
      distances[end] = distances[0]!;
      rows[end] = rows[0]!;
      this.siftDown(lastDistance, lastRow, end);
    }
  }

  /** Places (distance, row) at the root and sinks it within the first `size` slots. */
  private siftDown(distance: number, row: number, size: number): void {
    const distances = this.distances;
    const rows = this.rows;
    let position = 0;
    for (;;) {
      let child = 2 * position + 1;
      if (child >= size) break;
      const right = child + 1;
      if (right < size && isWorse(distances[right]!, rows[right]!, distances[child]!, rows[child]!)) child = right;
      if (!isWorse(distances[child]!, rows[child]!, distance, row)) break;
      distances[position] = distances[child]!;
      rows[position] = rows[child]!;
      position = child;
    }
    distances[position] = distance;
    rows[position] = row;
  }
}

/** True when candidate a ranks after candidate b. */
function isWorse(distanceA: number, rowA: number, distanceB: number, rowB: number): boolean {
  return distanceA > distanceB || (distanceA === distanceB && rowA > rowB);
}
