/**
 * Automatic termination (`stop: 'converged'`): the search stops once the optimiser's regret bound
 * (regret-bound.ts) falls below the statistical error of the incumbent's validation score
 * (incumbent-error.ts): any further gain the surrogate still allows would be within the noise
 * of the score that measures it. Checked after each result the optimiser is told, once
 * WARMUP_EVALUATIONS trials succeeded: before that the surrogate's intervals rest on too few
 * points to be trusted (and the optimiser's model has barely started proposing).
 */
import type { Optimizer } from '../optimizer.ts';
import type { TrialOutcome } from '../evaluate-trial.ts';
import type { TrialRecord } from '../trial.ts';

/** Successful evaluations before the criterion is checked. */
export const WARMUP_EVALUATIONS = 20;

export type StopMode = 'budget' | 'converged';
export const STOP_MODES: readonly StopMode[] = ['budget', 'converged'];

/** Why the search ended: the criterion, the time budget, the trial limit, or no configuration left. */
export type TerminationReason = 'converged' | 'budget' | 'max_trials' | 'exhausted';

/** Reported in the fit summary; bound and error are null when never computed (budget mode). */
export interface TerminationSummary {
  readonly reason: TerminationReason;
  /** Seconds into the search when it ended. */
  readonly at_seconds: number;
  /** The last regret bound computed, in cost units. */
  readonly bound: number | null;
  /** The incumbent's statistical error at that check. */
  readonly error: number | null;
}

/** The statistical error of a successful trial's score; NaN when it cannot be told. */
export type IncumbentErrorOf = (trial: TrialRecord, outcome: TrialOutcome) => number;

/** What the search loop asks of a stopping rule. */
export interface StopCheck {
  /** Every finished trial, with its outcome. */
  observe(trial: TrialRecord, outcome: TrialOutcome): void;
  /**
   * Whether to stop now, the optimiser having been told every trial with id ≤ `knownThroughId`
   * (only those count, so a run with a trial limit stops at the same point on any machine).
   */
  shouldStop(knownThroughId: number, elapsedSeconds: number): boolean;
}

interface Success {
  readonly id: number;
  readonly cost: number;
}

export class TerminationCriterion implements StopCheck {
  private readonly successes: Success[] = [];
  /** Error of each trial that was the best so far when it arrived. */
  private readonly errors = new Map<number, number>();
  private best: Success | undefined;
  private lastBound: number | null = null;
  private lastError: number | null = null;
  private stoppedAt: number | null = null;

  constructor(
    private readonly optimizer: Optimizer,
    private readonly errorOf: IncumbentErrorOf,
    private readonly warmup = WARMUP_EVALUATIONS,
  ) {
    if (optimizer.regretBound === undefined) throw new Error(`optimizer ${optimizer.name} has no regret bound`);
  }

  get converged(): boolean {
    return this.stoppedAt !== null;
  }

  observe(trial: TrialRecord, outcome: TrialOutcome): void {
    if (trial.status !== 'SUCCESS' || !Number.isFinite(trial.cost)) return;
    const success = { id: trial.id, cost: trial.cost };
    this.successes.push(success);
    // Only a running best can be the incumbent of a later check (see incumbent()), so only its
    // error is computed: the holdout bootstrap scores the validation rows a few hundred times.
    if (this.best === undefined || better(success, this.best)) {
      this.best = success;
      this.errors.set(trial.id, this.errorOf(trial, outcome));
    }
  }

  shouldStop(knownThroughId: number, elapsedSeconds: number): boolean {
    if (this.stoppedAt !== null) return true;
    const known = this.successes.filter((s) => s.id <= knownThroughId);
    if (known.length < this.warmup) return false;
    const incumbent = known.reduce((a, b) => (better(b, a) ? b : a));
    const error = this.errors.get(incumbent.id) ?? Number.NaN;
    const bound = this.optimizer.regretBound?.() ?? null;
    this.lastBound = bound;
    this.lastError = Number.isFinite(error) ? error : null;
    if (bound === null || this.lastError === null || !(bound < this.lastError)) return false;
    this.stoppedAt = elapsedSeconds;
    return true;
  }

  /** The last bound and error computed (null before the first check past the warm-up). */
  get lastCheck(): { readonly bound: number | null; readonly error: number | null; readonly stoppedAt: number | null } {
    return { bound: this.lastBound, error: this.lastError, stoppedAt: this.stoppedAt };
  }
}

/**
 * The summary entry of a search that ended for `stoppedBy` after `searchSeconds`, with the last
 * bound and error of its criterion (none in budget mode).
 */
export function terminationSummary(stoppedBy: TerminationReason, searchSeconds: number, criterion?: TerminationCriterion): TerminationSummary {
  const check = criterion?.lastCheck ?? { bound: null, error: null, stoppedAt: null };
  const rounded = (value: number | null): number | null => (value === null ? null : Number(value.toPrecision(4)));
  return { reason: stoppedBy, at_seconds: round(check.stoppedAt ?? searchSeconds), bound: rounded(check.bound), error: rounded(check.error) };
}

/** Lower cost, earlier on ties (the search's own notion of the best trial). */
function better(a: Success, b: Success): boolean {
  return a.cost < b.cost || (a.cost === b.cost && a.id < b.id);
}

function round(seconds: number): number {
  return Math.round(seconds * 100) / 100;
}
