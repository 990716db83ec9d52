/**
 * The targets the surrogate is fitted on, from raw trial costs.
 *
 * Failed trials (cost Infinity) count as the worst finite cost seen, so the forest learns that
 * crashing regions are bad without an infinite target spoiling every leaf mean.
 *
 * Costs are then put on a log scale measured from the best cost:
 *     y = log((cost − best) / range + offset),   range = worst − best,
 * a monotone transform that works for any cost scale and sign (errors in [0, 1], RMSE in target
 * units, zero costs). It compresses the long tail of poor configurations, whose exact badness
 * does not matter, and spreads the costs near the best, which decide where to search next; the
 * relative `offset` sets how far that spreading goes. With a single distinct cost every target
 * is 0 (the model is flat and the acquisition breaks ties at random).
 */

export interface TransformedCosts {
  /** Surrogate targets, one per cost. */
  readonly y: Float64Array;
  /** Best finite cost (the transform's zero point). */
  readonly best: number;
  /** Worst finite cost (also the stand-in for failures). */
  readonly worst: number;
  /** The offset added before the log (0 when every cost is the same). */
  readonly shift: number;
}

/**
 * The cost a surrogate target stands for: the inverse of the transform (monotone, so bounds on
 * the target map to bounds on the cost). With a single distinct cost, every target is that cost.
 */
export function costOfTarget(transform: TransformedCosts, y: number): number {
  const range = transform.worst - transform.best;
  return range > 0 ? transform.best + range * (Math.exp(y) - transform.shift) : transform.best;
}

/**
 * Null when no cost is finite: there is nothing to learn from yet. The offset is at least
 * `offset`, and at least the distance from the best cost to the `quantile` of the finite costs
 * (as a fraction of the range) when `quantile` > 0.
 */
export function transformCosts(costs: ArrayLike<number>, offset: number, quantile = 0): TransformedCosts | null {
  let best = Infinity;
  let worst = -Infinity;
  for (let i = 0; i < costs.length; i++) {
    const c = costs[i]!;
    if (!Number.isFinite(c)) continue;
    if (c < best) best = c;
    if (c > worst) worst = c;
  }
  if (!(best <= worst)) return null;
  const range = worst - best;
  const y = new Float64Array(costs.length);
  let shift = 0;
  if (range > 0) {
    const spread = quantile > 0 ? (quantileOf(costs, quantile) - best) / range : 0;
    shift = Math.max(offset, spread);
    for (let i = 0; i < costs.length; i++) {
      const c = costs[i]!;
      const shifted = Number.isFinite(c) ? (c - best) / range : 1;
      y[i] = Math.log(shifted + shift);
    }
  }
  return { y, best, worst, shift };
}

/** The q-quantile (0 < q < 1) of the finite costs, linearly interpolated. */
function quantileOf(costs: ArrayLike<number>, q: number): number {
  const finite = Float64Array.from(Array.prototype.filter.call(costs, Number.isFinite) as number[]).sort();
  const at = q * (finite.length - 1);
  const low = Math.floor(at);
  const high = Math.min(finite.length - 1, low + 1);
  return finite[low]! + (at - low) * (finite[high]! - finite[low]!);
}
