/**
 * Cyclic coordinate descent for the elastic net on centred features:
 *
 *     ½ Σ_i v_i (y_i − x_i·β)²  +  l1 · ‖β‖₁  +  ½ l2 · ‖β‖²,   weights v summing to one.
 *
 * Each coordinate is minimised exactly (a soft-threshold), keeping the residual up to date.
 * Stopping follows the duality-gap rule: once the largest coefficient change of a sweep is
 * small relative to the largest coefficient, the gap between this primal objective and its
 * dual is computed, and the solver stops when it is at most tol · Σ v_i y_i². The visiting
 * order is fixed, so results are deterministic.
 */
import { axpy, dot, softThreshold } from './vector.ts';

export interface ElasticNetProblem {
  readonly columns: readonly Float64Array[];
  /** v ⊙ column, precomputed because every coordinate step needs Σ v_i x_ij r_i. */
  readonly weightedColumns: readonly Float64Array[];
  readonly y: Float64Array;
  readonly weights: Float64Array;
  readonly l1: number;
  readonly l2: number;
  readonly maxIter: number;
  readonly tol: number;
}

export interface ElasticNetResult {
  readonly coef: Float64Array;
  /** Number of full sweeps over the coordinates. */
  readonly iterations: number;
  readonly converged: boolean;
}

export function elasticNetDescent(problem: ElasticNetProblem): ElasticNetResult {
  const { columns, weightedColumns, y, weights, l1, l2, maxIter, tol } = problem;
  const d = columns.length;
  const coef = new Float64Array(d);
  const residual = Float64Array.from(y);
  const squaredNorms = Float64Array.from(columns, (column, j) => dot(weightedColumns[j]!, column));
  let ySquared = 0;
  for (let i = 0; i < y.length; i++) ySquared += weights[i]! * y[i]! * y[i]!;
  const gapTolerance = tol * ySquared;

  for (let sweep = 1; sweep <= maxIter; sweep++) {
    let largestChange = 0;
    let largestCoef = 0;
    for (let j = 0; j < d; j++) {
      const curvature = squaredNorms[j]! + l2;
      if (!(curvature > 0)) continue; // a zero column with no ridge term: β_j stays 0
      const old = coef[j]!;
      const correlation = dot(weightedColumns[j]!, residual) + squaredNorms[j]! * old;
      const next = softThreshold(correlation, l1) / curvature;
      if (next !== old) {
        axpy(old - next, columns[j]!, residual);
        coef[j] = next;
      }
      largestChange = Math.max(largestChange, Math.abs(next - old));
      largestCoef = Math.max(largestCoef, Math.abs(next));
    }
    if (largestCoef === 0 || largestChange / largestCoef < tol || sweep === maxIter) {
      const gap = dualityGap(problem, coef, residual);
      if (gap <= gapTolerance) return { coef, iterations: sweep, converged: true };
    }
  }
  return { coef, iterations: maxIter, converged: false };
}

/**
 * Gap between the primal objective at β and the dual objective at the residual rescaled into
 * the dual feasible set; it bounds the distance of the primal objective from its optimum.
 */
function dualityGap(problem: ElasticNetProblem, coef: Float64Array, residual: Float64Array): number {
  const { weightedColumns, weights, y, l1, l2 } = problem;
  let dualNorm = 0;
  let coefSquared = 0;
  let coefAbs = 0;
  for (let j = 0; j < coef.length; j++) {
    const b = coef[j]!;
    dualNorm = Math.max(dualNorm, Math.abs(dot(weightedColumns[j]!, residual) - l2 * b));
    coefSquared += b * b;
    coefAbs += Math.abs(b);
  }
  let residualSquared = 0;
  let residualDotY = 0;
  for (let i = 0; i < residual.length; i++) {
    const wr = weights[i]! * residual[i]!;
    residualSquared += wr * residual[i]!;
    residualDotY += wr * y[i]!;
  }
  let scale = 1;
  let gap = residualSquared;
  if (dualNorm > l1) {
    scale = l1 / dualNorm;
    gap = 0.5 * (residualSquared + residualSquared * scale * scale);
  }
  return gap + l1 * coefAbs - scale * residualDotY + 0.5 * l2 * (1 + scale * scale) * coefSquared;
}
