/**
 * The rows an engine trains on, as XGBoost's row-major float32 matrix. Two adjustments, both
 * seeded: above the engine's cell limit a random subset of rows is kept, and an engine without
 * per-row weights gets rows drawn with probability proportional to their weight instead.
 */
import type { FeatureMatrix } from '../../matrix.ts';
import { Rng } from '../../../util/rng.ts';
import { rowSubset, uniform, weightedDraw } from '../row-sampling.ts';
import type { XgboostEngine } from './engine.ts';

export interface TrainingRows {
  readonly data: Float32Array;
  readonly labels: Float32Array;
  readonly weights: Float32Array | undefined;
  readonly rows: Int32Array;
}

function chooseRows(nRows: number, limit: number, weights: Float64Array | undefined, engine: XgboostEngine, rng: Rng): { rows: Int32Array; keepWeights: boolean } {
  const size = Math.min(nRows, limit);
  if (weights !== undefined && !engine.supportsWeights && !uniform(weights)) {
    return { rows: weightedDraw(weights, size, rng), keepWeights: false };
  }
  // With every row kept, weights survive even for an engine without them (they are all equal).
  return { rows: rowSubset(nRows, size, rng), keepWeights: weights !== undefined && (size === nRows || engine.supportsWeights) };
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
