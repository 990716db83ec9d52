/**
 * Ensemble selection fed one trial at a time. Only the nBest cheapest candidates are held (their
 * predictions included); the rest are let go as soon as they are displaced, so memory stays at
 * nBest predictions however long the search runs, and `build()` works at any moment, so an
 * interrupted or budget-capped run still ends with an ensemble.
 *
 * Holding the nBest cheapest regardless of the dummy loses nothing: the dummy filter is a cost
 * threshold, so the cheapest survivors of it are among the nBest cheapest overall, and when none
 * survives the single cheapest is still held.
 */
import { AutoMLError } from '../util/errors.ts';
import type { Prediction } from '../metrics/prediction.ts';
import { combinePredictions } from '../export/combine.ts';
import { dummyCost } from './dummy.ts';
import { checkShape } from './flat.ts';
import { selectEnsemble } from './select.ts';
import { crossFittedCalibration } from './calibration.ts';
import type { CalibrationChoice } from './calibrators/choose.ts';
import type { CalibrationMethod } from './calibrators/types.ts';
import { compareCandidates } from './shortlist.ts';
import {
  resolveEnsembleOptions, type EnsembleCandidate, type EnsembleMember, type EnsembleOptions, type EnsembleProblem, type EnsembleResult, type ResolvedEnsembleOptions,
} from './types.ts';

export class EnsembleBuilder {
  private readonly problem: EnsembleProblem & { readonly dummyCost: number };
  private readonly options: ResolvedEnsembleOptions;
  /** Cheapest candidates so far, ordered by cost then id; at most nBest. */
  private readonly kept: EnsembleCandidate[] = [];
  /** Every id offered, kept or not, so a repeated id is caught. */
  private readonly seen = new Set<number>();

  constructor(problem: EnsembleProblem, options: EnsembleOptions) {
    this.options = resolveEnsembleOptions(options);
    this.problem = { ...problem, dummyCost: problem.dummyCost ?? dummyCost(problem.truth, problem.scorer) };
  }

  /** Offers a finished trial; returns whether it is now held. Non-finite costs are never held. */
  add(candidate: EnsembleCandidate): boolean {
    if (this.seen.has(candidate.id)) throw new AutoMLError('INTERNAL', `ensemble candidate ${candidate.id} was added twice`);
    this.seen.add(candidate.id);
    if (!Number.isFinite(candidate.cost)) return false;
    checkShape(candidate.id, candidate.prediction, this.problem.truth);
    const kept = this.kept;
    let at = kept.length;
    while (at > 0 && compareCandidates(candidate, kept[at - 1]!) < 0) at--;
    if (at >= this.options.nBest) return false;
    kept.splice(at, 0, candidate);
    if (kept.length > this.options.nBest) kept.pop();
    return true;
  }

  /** Number of candidates held. */
  get size(): number {
    return this.kept.length;
  }

  /** Ids of the held candidates, cheapest first. */
  heldIds(): number[] {
    return this.kept.map((c) => c.id);
  }

  /** The dummy cost candidates are measured against. */
  get baselineCost(): number {
    return this.problem.dummyCost;
  }

  /**
   * The validation predictions of `members` combined as the deployed model combines them
   * (combine.ts); null when one of them is not held.
   */
  combined(members: readonly EnsembleMember[]): Prediction | null {
    const outputs: Prediction[] = [];
    for (const member of members) {
      const held = this.kept.find((candidate) => candidate.id === member.id);
      if (held === undefined) return null;
      outputs.push(held.prediction);
    }
    if (outputs.length === 0) return null;
    return combinePredictions(outputs, Float64Array.from(members, (member) => member.weight));
  }

  /**
   * Probability calibrator among `methods` for the ensemble `build()` selects, chosen and fitted on
   * cross-fitted predictions (calibration.ts); null for regression or too few rows.
   */
  calibrate(methods: readonly CalibrationMethod[]): CalibrationChoice | null {
    if (this.kept.length === 0) return null;
    return crossFittedCalibration(this.kept, this.problem, this.options, methods);
  }

  /** Ensemble from the candidates held now; null before any usable candidate arrived. */
  build(): EnsembleResult | null {
    if (this.kept.length === 0) return null;
    return selectEnsemble(this.kept, this.problem, this.options);
  }
}
