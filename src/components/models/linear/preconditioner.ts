/**
 * Diagonal change of variables that makes gradient-based solvers indifferent to feature units.
 *
 * Solvers work on x̃_j = (x_j − center_j) · scale_j. Because the intercept is free, centering
 * changes only the intercept, and because the penalties are rewritten for the new coordinates
 * (see the callers), the minimiser maps back to exactly the minimiser of the original problem:
 * this is preconditioning, not preprocessing, and the saved coefficients apply to raw features.
 */
import type { FeatureMatrix } from '../../matrix.ts';
import { weightedMean, weightedSpread } from './vector.ts';

export interface Preconditioner {
  /** Subtracted from each feature (all zero without an intercept, which could not absorb it). */
  readonly centers: Float64Array;
  /** Multiplies each centred feature. */
  readonly scales: Float64Array;
}

/**
 * scale_j = 1/√(spread_j + curvatureFloor): spread is the weighted variance (or the mean square
 * without centering), i.e. the loss curvature along feature j up to a constant, and
 * `curvatureFloor` is the L2 penalty's own curvature. The sum bounds the curvature per
 * coordinate near one, both for wide-ranged and for nearly constant features.
 */
export function buildPreconditioner(
  x: FeatureMatrix,
  weights: Float64Array,
  center: boolean,
  curvatureFloor: number,
): Preconditioner {
  const d = x.columns.length;
  const centers = new Float64Array(d);
  const scales = new Float64Array(d);
  for (let j = 0; j < d; j++) {
    const column = x.columns[j]!;
    const c = center ? weightedMean(column, weights) : 0;
    const curvature = weightedSpread(column, weights, c) + curvatureFloor;
    const scale = 1 / Math.sqrt(curvature);
    centers[j] = c;
    // A constant feature (after centering) carries no information; any finite scale will do.
    scales[j] = curvature > 0 && Number.isFinite(scale) ? scale : 1;
  }
  return { centers, scales };
}

/** New column arrays holding (x_j − center_j) · scale_j. */
export function precondition(x: FeatureMatrix, preconditioner: Preconditioner): Float64Array[] {
  const { centers, scales } = preconditioner;
  return x.columns.map((column, j) => {
    const c = centers[j]!;
    const s = scales[j]!;
    const out = new Float64Array(column.length);
    for (let i = 0; i < column.length; i++) out[i] = (column[i]! - c) * s;
    return out;
  });
}
