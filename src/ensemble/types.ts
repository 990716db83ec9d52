/**
 * Shapes shared by post-hoc ensemble selection: what a finished trial hands over, what the
 * ensemble is scored against, how selection is tuned, and what it returns.
 */
import type { Prediction, Truth } from '../metrics/prediction.ts';
import type { Scorer } from '../metrics/scorers.ts';
import { AutoMLError } from '../util/errors.ts';

/** A successful trial as the ensemble sees it. */
export interface EnsembleCandidate {
  readonly id: number;
  /** Out-of-sample predictions on the validation rows, the same rows for every candidate. */
  readonly prediction: Prediction;
  /** The trial's validation cost (lower is better); used to shortlist before any scoring. */
  readonly cost: number;
}

/** What ensembles are scored against. */
export interface EnsembleProblem {
  readonly truth: Truth;
  readonly scorer: Scorer;
  /**
   * Cost of the dummy baseline (class prior or mean); only candidates strictly better than it
   * take part. Defaults to the cost of `dummyPrediction(truth)`.
   */
  readonly dummyCost?: number | undefined;
}

export interface EnsembleOptions {
  /** Greedy iterations; 1 yields the single best candidate. */
  readonly ensembleSize?: number | undefined;
  /** Candidates, best by cost, that selection may draw from. */
  readonly nBest?: number | undefined;
  /** Seed of the tie-breaking generator. */
  readonly seed: number;
}

export const ENSEMBLE_DEFAULTS = { ensembleSize: 50, nBest: 50 } as const;

export interface ResolvedEnsembleOptions {
  readonly ensembleSize: number;
  readonly nBest: number;
  readonly seed: number;
}

export interface EnsembleMember {
  readonly id: number;
  /** Times selected / iterations kept: positive, and all members' weights sum to 1. */
  readonly weight: number;
}

export interface EnsembleResult {
  /** Members with nonzero weight, heaviest first (ties by id). */
  readonly members: readonly EnsembleMember[];
  /** Validation cost of the weighted average of the members. */
  readonly cost: number;
  /** Cost of the ensemble after each greedy iteration. */
  readonly trajectory: readonly number[];
  /** Leading iterations the weights come from: the (last) one where the trajectory is lowest. */
  readonly iterations: number;
}

function positiveInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new AutoMLError('BAD_OPTION', `option ${name} must be a positive integer, got ${String(value)}`);
  }
  return value;
}

export function resolveEnsembleOptions(options: EnsembleOptions): ResolvedEnsembleOptions {
  return {
    ensembleSize: positiveInteger('ensembleSize', options.ensembleSize ?? ENSEMBLE_DEFAULTS.ensembleSize),
    nBest: positiveInteger('nBest', options.nBest ?? ENSEMBLE_DEFAULTS.nBest),
    seed: options.seed,
  };
}
