/** Ensemble selection over a fixed set of candidates: shortlist, greedy path, weights. */
import type { Truth } from '../metrics/prediction.ts';
import type { Scorer } from '../metrics/scorers.ts';
import { AutoMLError } from '../util/errors.ts';
import { Rng } from '../util/rng.ts';
import { dummyCost } from './dummy.ts';
import { checkShape, flatData } from './flat.ts';
import { greedySelection } from './greedy.ts';
import { chooseKernel } from './kernels/choose.ts';
import type { CostKernel } from './kernels/kernel.ts';
import { LogLossKernel } from './kernels/log-loss.ts';
import { summarisePath } from './result.ts';
import { shortlist } from './shortlist.ts';
import { resolveEnsembleOptions, type EnsembleCandidate, type EnsembleOptions, type EnsembleProblem, type EnsembleResult } from './types.ts';

/**
 * Ties of the run's metric are broken by log loss, a proper scoring rule, before the seeded
 * generator: accuracy-type metrics are step functions of the probabilities, so many candidates
 * (and many ensembles) tie on them, and among those the better-calibrated one is the better pick.
 */
function tieBreakerFor(data: readonly Float64Array[], truth: Truth, scorer: Scorer): CostKernel | undefined {
  if (truth.kind !== 'classification' || scorer.name === 'log_loss') return undefined;
  return new LogLossKernel(data, truth);
}

export function selectEnsemble(candidates: readonly EnsembleCandidate[], problem: EnsembleProblem, options: EnsembleOptions): EnsembleResult {
  const { ensembleSize, nBest, seed } = resolveEnsembleOptions(options);
  const { truth, scorer } = problem;
  for (const candidate of candidates) checkShape(candidate.id, candidate.prediction, truth);
  const baseline = problem.dummyCost ?? dummyCost(truth, scorer);
  const pool = shortlist(candidates, nBest, baseline);
  if (pool.length === 0) throw new AutoMLError('NO_SUCCESSFUL_TRIAL', 'no trial with a finite validation cost to build an ensemble from');
  const data = pool.map((c) => flatData(c.prediction));
  const kernel = chooseKernel(data, truth, scorer);
  const path = greedySelection(kernel, pool.length, ensembleSize, new Rng(seed), tieBreakerFor(data, truth, scorer));
  return summarisePath(pool, path);
}
