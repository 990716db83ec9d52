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
}

/** Null when no cost is finite: there is nothing to learn from yet. */
export function transformCosts(costs: ArrayLike<number>, offset: number): TransformedCosts | null {
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
  const mode = process.env['CT'] ?? 'log';
  if (range > 0 && mode === 'median') {
    const gaps: number[] = [];
    for (let i = 0; i < costs.length; i++) gaps.push(Number.isFinite(costs[i]!) ? costs[i]! - best : range);
    gaps.sort((a, b) => a - b);
    const med = gaps[gaps.length >> 1]!;
    const d = offset * (med > 0 ? med : range);
    for (let i = 0; i < costs.length; i++) y[i] = Math.log(gaps.length ? (Number.isFinite(costs[i]!) ? costs[i]! - best : range) + d : 0);
  } else if (range > 0 && mode === 'copula') {
    const n = costs.length;
    const vals = Array.from({ length: n }, (_, i) => (Number.isFinite(costs[i]!) ? costs[i]! : worst));
    const order = vals.map((_, i) => i).sort((a, b) => vals[a]! - vals[b]!);
    let i = 0;
    while (i < n) { let j = i; while (j + 1 < n && vals[order[j + 1]!] === vals[order[i]!]) j++; const r = (i + j) / 2; for (let k = i; k <= j; k++) y[order[k]!] = probit((r + 0.5) / n); i = j + 1; }
  } else if (range > 0 && mode === 'raw') {
    for (let i = 0; i < costs.length; i++) y[i] = Number.isFinite(costs[i]!) ? costs[i]! : worst;
  } else if (range > 0) {
    for (let i = 0; i < costs.length; i++) {
      const c = costs[i]!;
      const shifted = Number.isFinite(c) ? (c - best) / range : 1;
      y[i] = Math.log(shifted + offset);
    }
  }
  return { y, best, worst };
}

function probit(p: number): number {
  // Acklam-like via bisection on erf-free approx: use rational approximation by Newton on logistic
  let lo = -10, hi = 10;
  for (let k = 0; k < 60; k++) { const m = (lo + hi) / 2; if (cdf(m) < p) lo = m; else hi = m; }
  return (lo + hi) / 2;
}
function cdf(z: number): number { const t = 1 / (1 + 0.2316419 * Math.abs(z)); const d = 0.3989423 * Math.exp(-z * z / 2); const p = d * t * (0.3193815 + t * (-0.3565638 + t * (1.781478 + t * (-1.821256 + t * 1.330274)))); return z > 0 ? 1 - p : p; }
