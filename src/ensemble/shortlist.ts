/**
 * Which candidates selection may draw from: finite cost, strictly better than the dummy (or the
 * single best when none is), then the nBest cheapest. Ordered by cost then id, so the result
 * does not depend on the order trials finished in.
 */
import type { EnsembleCandidate } from './types.ts';

/** Cost ascending, then id ascending. */
export function compareCandidates(a: EnsembleCandidate, b: EnsembleCandidate): number {
  return a.cost === b.cost ? a.id - b.id : a.cost - b.cost;
}

export function shortlist(candidates: readonly EnsembleCandidate[], nBest: number, dummyCost: number): EnsembleCandidate[] {
  const ranked = candidates.filter((c) => Number.isFinite(c.cost)).sort(compareCandidates);
  // NaN dummy cost (a metric undefined on these rows) filters nothing rather than everything.
  const useful = Number.isNaN(dummyCost) ? ranked : ranked.filter((c) => c.cost < dummyCost);
  if (useful.length === 0) return ranked.slice(0, 1);
  return useful.slice(0, nBest);
}
