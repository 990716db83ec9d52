/**
 * Rows handed to libsvm: row-major copies, at most `maxTrainingRows` of them (a seeded random
 * subset above that), and for regression with unequal sample weights a seeded draw with
 * probability proportional to weight, since libsvm takes no per-row weights.
 */
import type { FeatureMatrix } from '../../matrix.ts';
import { Rng } from '../../../util/rng.ts';

export function rowSubset(nRows: number, limit: number, rng: Rng): Int32Array {
  if (nRows <= limit) return Int32Array.from({ length: nRows }, (_, i) => i);
  return rng.permutation(nRows).slice(0, limit).sort();
}

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

export function uniform(weights: Float64Array | undefined): boolean {
  if (weights === undefined) return true;
  for (let i = 1; i < weights.length; i++) if (weights[i] !== weights[0]) return false;
  return true;
}

export function rowsOf(x: FeatureMatrix, rows: Int32Array): Float64Array[] {
  const nFeatures = x.columns.length;
  return Array.from(rows, (r) => {
    const row = new Float64Array(nFeatures);
    for (let j = 0; j < nFeatures; j++) row[j] = x.columns[j]![r]!;
    return row;
  });
}
