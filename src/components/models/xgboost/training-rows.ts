/**
 * The rows an engine trains on, as XGBoost's row-major float32 matrix. Two adjustments, both
 * seeded: above the engine's cell limit a random subset of rows is kept, and an engine without
 * per-row weights gets rows drawn with probability proportional to their weight instead.
 */
import type { FeatureMatrix } from '../../matrix.ts';
import { Rng } from '../../../util/rng.ts';
import type { XgboostEngine } from './engine.ts';

export interface TrainingRows {
  readonly data: Float32Array;
  readonly labels: Float32Array;
  readonly weights: Float32Array | undefined;
  readonly rows: Int32Array;
}

function allEqual(weights: Float64Array): boolean {
  for (let i = 1; i < weights.length; i++) if (weights[i] !== weights[0]) return false;
  return true;
}

function chooseRows(nRows: number, limit: number, weights: Float64Array | undefined, engine: XgboostEngine, rng: Rng): { rows: Int32Array; keepWeights: boolean } {
  const size = Math.min(nRows, limit);
  if (weights !== undefined && !engine.supportsWeights && !allEqual(weights)) {
    // Weighted draw with replacement through the cumulative weights and a binary search.
    const cumulative = new Float64Array(nRows);
    let total = 0;
    for (let i = 0; i < nRows; i++) cumulative[i] = total += weights[i]!;
    const rows = new Int32Array(size);
    for (let k = 0; k < size; k++) {
      const u = rng.next() * total;
      let lo = 0;
      let hi = nRows - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cumulative[mid]! > u) hi = mid;
        else lo = mid + 1;
      }
      rows[k] = lo;
    }
    rows.sort();
    return { rows, keepWeights: false };
  }
  if (size === nRows) return { rows: Int32Array.from({ length: nRows }, (_, i) => i), keepWeights: weights !== undefined };
  const rows = rng.permutation(nRows).slice(0, size).sort();
  return { rows, keepWeights: weights !== undefined && engine.supportsWeights };
}

export function trainingRows(x: FeatureMatrix, target: ArrayLike<number>, weights: Float64Array | undefined, engine: XgboostEngine, seed: number): TrainingRows {
  const nFeatures = x.columns.length;
  const limit = Math.max(1, Math.floor(engine.maxCells / Math.max(1, nFeatures)));
  const { rows, keepWeights } = chooseRows(x.nRows, limit, weights, engine, new Rng(seed));
  const n = rows.length;
  const data = new Float32Array(n * nFeatures);
  for (let j = 0; j < nFeatures; j++) {
    const column = x.columns[j]!;
    for (let k = 0; k < n; k++) data[k * nFeatures + j] = column[rows[k]!]!;
  }
  const labels = Float32Array.from(rows, (r) => target[r]!);
  const rowWeights = keepWeights && weights !== undefined ? Float32Array.from(rows, (r) => weights[r]!) : undefined;
  return { data, labels, weights: rowWeights, rows };
}
