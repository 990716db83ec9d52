/**
 * Seeded row sampling for engines that cap their training rows or take no per-row weights: a
 * uniform subset without replacement, or a draw with replacement proportional to the weights.
 */
import type { Rng } from '../../util/rng.ts';

/** All rows when they fit under `limit`, else a sorted random subset of `limit` of them. */
export function rowSubset(nRows: number, limit: number, rng: Rng): Int32Array {
  if (nRows <= limit) return Int32Array.from({ length: nRows }, (_, i) => i);
  return rng.permutation(nRows).slice(0, limit).sort();
}

/** `size` rows drawn with replacement with probability proportional to weight, sorted. */
export function weightedDraw(weights: Float64Array, size: number, rng: Rng): Int32Array {
  const n = weights.length;
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) cumulative[i] = total += weights[i]!;
  const rows = new Int32Array(size);
  for (let k = 0; k < size; k++) {
    const u = rng.next() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > u) hi = mid;
      else lo = mid + 1;
    }
    rows[k] = lo;
  }
  return rows.sort();
}

/** True when there are no weights or they are all equal (weighting would change nothing). */
export function uniform(weights: Float64Array | undefined): boolean {
  if (weights === undefined) return true;
  for (let i = 1; i < weights.length; i++) if (weights[i] !== weights[0]) return false;
  return true;
}
