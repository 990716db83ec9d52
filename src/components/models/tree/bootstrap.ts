/**
 * The bootstrap sample of a tree as row multiplicities: n draws with replacement from n rows.
 * Shared by the model forests (fit-trees.ts) and the optimiser's surrogate, which keeps each
 * tree's counts to refresh its leaves later.
 */
import type { Rng } from '../../../util/rng.ts';

/** Overwrites `out` (one slot per row) with how often each row is drawn in out.length draws. */
export function drawBootstrapCounts(rng: Rng, out: Float64Array): void {
  const n = out.length;
  out.fill(0);
  for (let i = 0; i < n; i++) out[rng.int(n)]++;
}
