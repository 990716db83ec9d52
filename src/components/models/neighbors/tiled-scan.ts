/**
 * Euclidean scan of every training row for a block of four queries at once, used when there is
 * no tree.
 *
 * ‖q − x‖² = ‖q‖² + ‖x‖² − 2 q·x turns the scan into dot products, and taking four queries
 * against two rows per step reuses every loaded value several times: about twice as fast as
 * scanning query by query. The identity loses precision to cancellation, so it only filters: a
 * row goes on only if its approximate distance could, within a proven rounding bound, be within
 * the query's current k-th distance, and then its distance is computed by the same exact kernel
 * every other path uses. The neighbours found are exactly those of the plain scan.
 *
 * With u = 2⁻⁵³ the identity's error is below (2d + 4)u(‖q‖² + ‖x‖²) and the exact kernel's below
 * (d + 2)u‖q − x‖²; the slack allowed is four times their sum. Rows are centred on the training
 * mean beforehand, which keeps the norms, and so the slack, small.
 */
import type { CandidateHeap } from './candidate-heap.ts';
import { rowDistance } from './distance.ts';

export const TILE_QUERIES = 4;

/**
 * Offers every row to the four heaps (queries past the real ones may repeat the last query; their
 * heaps are simply ignored by the caller). `queries` is TILE_QUERIES × d row-major.
 */
export function tiledScan(
  queries: Float64Array,
  queryNorms: Float64Array,
  rows: Float64Array,
  rowNorms: Float64Array,
  nRows: number,
  d: number,
  heaps: readonly CandidateHeap[],
  bounds: Float64Array,
): void {
  const slack = (8 * d + 32) * 2 ** -53;
  const q1 = d;
  const q2 = 2 * d;
  const q3 = 3 * d;
  for (let t = 0; t < TILE_QUERIES; t++) bounds[t] = heaps[t]!.bound();
  let row = 0;
  for (; row + 2 <= nRows; row += 2) {
    const a = row * d;
    const b = a + d;
    let a0 = 0, a1 = 0, a2 = 0, a3 = 0, b0 = 0, b1 = 0, b2 = 0, b3 = 0;
    for (let j = 0; j < d; j++) {
      const xa = rows[a + j]!;
      const xb = rows[b + j]!;
      const v0 = queries[j]!;
      const v1 = queries[q1 + j]!;
      const v2 = queries[q2 + j]!;
      const v3 = queries[q3 + j]!;
      a0 += v0 * xa;
      a1 += v1 * xa;
      a2 += v2 * xa;
      a3 += v3 * xa;
      b0 += v0 * xb;
      b1 += v1 * xb;
      b2 += v2 * xb;
      b3 += v3 * xb;
    }
    const na = rowNorms[row]!;
    const nb = rowNorms[row + 1]!;
    if (mayEnter(queryNorms[0]!, na, a0, bounds[0]!, slack)) offerExact(queries, 0, rows, row, d, heaps, bounds);
    if (mayEnter(queryNorms[1]!, na, a1, bounds[1]!, slack)) offerExact(queries, 1, rows, row, d, heaps, bounds);
    if (mayEnter(queryNorms[2]!, na, a2, bounds[2]!, slack)) offerExact(queries, 2, rows, row, d, heaps, bounds);
    if (mayEnter(queryNorms[3]!, na, a3, bounds[3]!, slack)) offerExact(queries, 3, rows, row, d, heaps, bounds);
    if (mayEnter(queryNorms[0]!, nb, b0, bounds[0]!, slack)) offerExact(queries, 0, rows, row + 1, d, heaps, bounds);
    if (mayEnter(queryNorms[1]!, nb, b1, bounds[1]!, slack)) offerExact(queries, 1, rows, row + 1, d, heaps, bounds);
    if (mayEnter(queryNorms[2]!, nb, b2, bounds[2]!, slack)) offerExact(queries, 2, rows, row + 1, d, heaps, bounds);
    if (mayEnter(queryNorms[3]!, nb, b3, bounds[3]!, slack)) offerExact(queries, 3, rows, row + 1, d, heaps, bounds);
  }
  // An odd last row goes straight to the exact kernel.
  for (; row < nRows; row++) for (let t = 0; t < TILE_QUERIES; t++) offerExact(queries, t, rows, row, d, heaps, bounds);
}

/**
 * Could the row, whose dot product with the query is `dot`, be within `bound`? Written as "not
 * provably beyond" so that an overflow to NaN sends the row to the exact kernel.
 */
function mayEnter(queryNorm: number, rowNorm: number, dot: number, bound: number, slack: number): boolean {
  return !(queryNorm + rowNorm - 2 * dot > bound + slack * (bound + queryNorm + rowNorm));
}

function offerExact(
  queries: Float64Array,
  t: number,
  rows: Float64Array,
  row: number,
  d: number,
  heaps: readonly CandidateHeap[],
  bounds: Float64Array,
): void {
  const heap = heaps[t]!;
  const distance = rowDistance(queries, t * d, rows, row * d, d, 2, bounds[t]!);
  if (distance <= bounds[t]!) {
    heap.offer(distance, row);
    bounds[t] = heap.bound();
  }
}
