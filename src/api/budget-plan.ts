/**
 * The time budget of a whole fit: reading and typing the data, the search, ensemble selection,
 * the member fits, calibration, the report diagnostics and writing the model all come out of it.
 * The search gets what is left once the post-search work is reserved; that reserve is re-planned
 * after every trial from the fit times measured so far, so the search ends early enough for the
 * refit of the best pipelines it found. Until a trial has succeeded, LAST_RESORT_SHARE of the budget
 * is held back as well, for the last-resort pipeline (budget-last-resort.ts) that gives a model
 * when the search found none.
 */
import { nowSeconds, TimeBudget } from '../util/clock.ts';
import type { TrialRecord } from '../search/trial.ts';
import { predictedFitSeconds, predictedFoldModelsSeconds, predictedRefitSeconds, type TrainingGeometry } from './budget-refit-cost.ts';

/**
 * Ensemble selection, calibration and writing the model: small next to a refit, but they grow
 * with the rows and the members, so a share of the budget with a floor for short budgets.
 */
export const FINISH_SHARE = 0.03;
export const FINISH_MIN_SECONDS = 0.5;
/**
 * Members whose refit the search reserves time for: ensembles of a few of the best trials carry
 * most of the weight; when selection picks more, the deployment refits those that fit.
 */
export const PLANNED_MEMBERS = 5;
/**
 * The refits reserved never take more than this share of the budget from the search: a search
 * cut shorter finds worse pipelines, and the deployment can still fall back to fewer members or
 * to the best trial's own model (whose cost is always reserved).
 */
export const MAX_RESERVE_SHARE = 0.4;
/**
 * At most this share of the budget is held back while no trial has succeeded (see
 * ReservePlan.lastResortSeconds): the search of a fit whose trials all time out (wide data, a
 * loaded machine) then ends early enough for the last resort to fit a model on a row subsample
 * of a useful size; the first success releases it.
 */
export const LAST_RESORT_SHARE = 0.2;
/** Share of the budget member fits may run past the plan (see availableForMembers). */
export const GRACE_SHARE = 0.01;

export interface ReservePlan {
  readonly geometry: TrainingGeometry;
  /** Members ensemble selection may choose (1 = single best). */
  readonly ensembleSize: number;
  readonly cvAverage: boolean;
  /** Seconds of post-search work that do not depend on the trials (e.g. report diagnostics). */
  readonly fixedSeconds: number;
  /** Seconds held for the last resort until a trial succeeds, capped at LAST_RESORT_SHARE (default: the cap). */
  readonly lastResortSeconds?: number;
}

export class FitBudget {
  private readonly startedAt: number;
  private reserveSeconds: number;

  constructor(
    readonly totalSeconds: number,
    private readonly plan: ReservePlan,
    startedAt = nowSeconds(),
  ) {
    this.startedAt = startedAt;
    this.reserveSeconds = this.finishSeconds() + this.lastResortSeconds();
  }

  elapsed(): number {
    return nowSeconds() - this.startedAt;
  }

  /** Seconds left of the whole fit (negative once past it). */
  remaining(): number {
    return this.totalSeconds - this.elapsed();
  }

  /** Seconds held back for the work after the search. */
  reserve(): number {
    return this.reserveSeconds;
  }

  /**
   * Seconds left for member fits once the rest of the post-search work is held back, plus a grace
   * of GRACE_SHARE of the budget (out of the 5 % the contract allows past it): a search that ends
   * a little late should not trade a refit of a fraction of a second for a weaker model.
   */
  availableForMembers(): number {
    return Math.max(0, this.remaining() - this.finishSeconds()) + GRACE_SHARE * this.totalSeconds;
  }

  /** Re-plans the reserve from the successful trials so far. */
  observe(successful: readonly TrialRecord[]): void {
    const { geometry, cvAverage, ensembleSize } = this.plan;
    if (successful.length === 0) {
      this.reserveSeconds = this.finishSeconds() + this.lastResortSeconds();
      return;
    }
    const best = [...successful].sort((a, b) => a.cost - b.cost || a.id - b.id).slice(0, Math.min(PLANNED_MEMBERS, ensembleSize));
    const members = best.reduce((total, trial) => total + (cvAverage ? predictedFoldModelsSeconds(trial, geometry) : predictedRefitSeconds(trial, geometry)), 0);
    // Whatever the cap, the last fallback (the best trial's own model, rebuilt on its training
    // part) must fit, or a fit whose first trial was slow would end without time to deploy it.
    const fallback = best.length === 0 ? 0 : predictedFitSeconds(best[0]!, geometry, geometry.trialRows);
    this.reserveSeconds = this.finishSeconds() + Math.max(fallback, Math.min(members, MAX_RESERVE_SHARE * this.totalSeconds));
  }

  /** The search's view: its deadline moves as the reserve is re-planned. */
  searchBudget(): SearchBudget {
    return new SearchBudget(this);
  }

  private lastResortSeconds(): number {
    const cap = LAST_RESORT_SHARE * this.totalSeconds;
    return Math.min(cap, this.plan.lastResortSeconds ?? cap);
  }

  private finishSeconds(): number {
    return this.plan.fixedSeconds + Math.max(FINISH_MIN_SECONDS, FINISH_SHARE * this.totalSeconds);
  }
}

/**
 * A TimeBudget whose end is the fit's end minus the reserve. `totalSeconds` is the whole budget,
 * so shares of it (the per-trial limit) are shares of what the user gave; `elapsed` counts from
 * the start of the search, as trial times are reported.
 */
export class SearchBudget extends TimeBudget {
  constructor(private readonly fit: FitBudget) {
    super(fit.totalSeconds);
  }

  override remaining(): number {
    return Math.max(0, this.fit.remaining() - this.fit.reserve());
  }
}
