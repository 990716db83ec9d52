/**
 * Training data of the surrogate while trials are pending (parallel workers): the observations
 * plus one "fantasy" row per configuration asked for and not yet told, whose cost is a constant
 * lie (see `pending_lie` in defaults.ts).
 *
 * Why: the acquisition function otherwise sees the same surface on every ask made while the
 * workers are busy, so it proposes the runner-up of the last proposal, usually a near-copy of
 * it one small step away. A fantasy row makes the forest treat the pending point's region as
 * already explored at a known cost, so its uncertainty (and with it the expected improvement)
 * collapses there and the next proposal goes elsewhere. When the real result arrives it
 * replaces the fantasy.
 */
import type { FeatureMatrix } from '../../components/matrix.ts';
import type { PendingLie } from './defaults.ts';

export interface TrainingData {
  readonly x: FeatureMatrix;
  /** Raw costs, Infinity for failures; fantasy rows last. */
  readonly costs: Float64Array;
}

/** The lie told for pending configurations, or null when there is none to tell. */
export function pendingCost(costs: ArrayLike<number>, lie: PendingLie): number | null {
  if (lie === 'none') return null;
  let sum = 0;
  let count = 0;
  let best = Infinity;
  let worst = -Infinity;
  for (let i = 0; i < costs.length; i++) {
    const c = costs[i]!;
    if (!Number.isFinite(c)) continue;
    sum += c;
    count++;
    if (c < best) best = c;
    if (c > worst) worst = c;
  }
  if (count === 0) return null;
  return lie === 'best' ? best : lie === 'worst' ? worst : sum / count;
}

/**
 * `observed` with the `pending` imputed vectors appended as rows of cost `lie`; `observed`
 * itself (not a copy) when there is nothing to append.
 */
export function withFantasies(observed: FeatureMatrix, costs: Float64Array, pending: readonly Float64Array[], lie: number | null): TrainingData {
  if (lie === null || pending.length === 0) return { x: observed, costs };
  const n = observed.nRows;
  const total = n + pending.length;
  const columns = observed.columns.map((column, j) => {
    const out = new Float64Array(total);
    out.set(column.subarray(0, n));
    for (let p = 0; p < pending.length; p++) out[n + p] = pending[p]![j]!;
    return out;
  });
  const allCosts = new Float64Array(total);
  allCosts.set(costs);
  allCosts.fill(lie, n);
  return { x: { nRows: total, columns }, costs: allCosts };
}
