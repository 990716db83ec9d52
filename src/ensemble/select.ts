/** Ensemble selection over a fixed set of candidates: shortlist, greedy path, weights. */
import { AutoMLError } from '../util/errors.ts';
import { Rng } from '../util/rng.ts';
import { dummyCost } from './dummy.ts';
import { checkShape, flatData } from './flat.ts';
import { greedySelection } from './greedy.ts';
import { chooseKernel } from './kernels/choose.ts';
import { summarisePath } from './result.ts';
import { shortlist } from './shortlist.ts';
import { resolveEnsembleOptions, type EnsembleCandidate, type EnsembleOptions, type EnsembleProblem, type EnsembleResult } from './types.ts';

export function selectEnsemble(candidates: readonly EnsembleCandidate[], problem: EnsembleProblem, options: EnsembleOptions): EnsembleResult {
  const { ensembleSize, nBest, seed } = resolveEnsembleOptions(options);
  const { truth, scorer } = problem;
  for (const candidate of candidates) checkShape(candidate.id, candidate.prediction, truth);
  const baseline = problem.dummyCost ?? dummyCost(truth, scorer);
  const pool = shortlist(candidates, nBest, baseline);
  if (pool.length === 0) throw new AutoMLError('NO_SUCCESSFUL_TRIAL', 'no trial with a finite validation cost to build an ensemble from');
  const kernel = chooseKernel(pool.map((c) => flatData(c.prediction)), truth, scorer);
  const path = greedySelection(kernel, pool.length, ensembleSize, new Rng(seed));
  return summarisePath(pool, path);
}
