/**
 * How long one trial may run, adapted to what trials cost on the data at hand.
 *
 * A fixed share of the budget either starves slow but good configurations on large data or, on
 * small data, lets one pathological configuration (a cubic-cost model after a wide expansion)
 * eat a large part of the budget while the typical trial takes a fraction of a second. So, once
 * a trial has succeeded, the limit follows the observed fit times:
 *
 *     limit = min(initial, budget × BUDGET_SHARE, max(MIN_SECONDS,
 *                 MEDIAN_MULTIPLE × median successful fit time,
 *                 REFERENCE_MARGIN × fit time of the reference trial))
 *
 * The reference trial is the first one the search proposed, the space's default configuration
 * for the built-in optimisers: a configuration about as costly as the one chosen as the default
 * must always be allowed to finish (with a margin for timing noise), unless it alone would take
 * more than the budget share. Before any success the initial limit holds, so the first trials
 * can establish the scale. A fixed limit (given by the user) is never adapted.
 */
import type { TrialRecord } from './trial.ts';

/** No trial may take more than this share of the search budget once one has succeeded. */
export const BUDGET_SHARE = 1 / 5;
/**
 * A configuration may take this many times the median successful trial: room for the slower
 * learners of a CASH space (a network, a kernel SVM) next to fast linear models and trees,
 * while a configuration a hundred times slower than typical is cut short.
 */
export const MEDIAN_MULTIPLE = 10;
/** Margin on the reference trial's time, for timing noise on a shared machine. */
export const REFERENCE_MARGIN = 2;
/**
 * Below a second, the limit would measure thread start-up and JIT warm-up more than the
 * configuration's own cost.
 */
export const MIN_SECONDS = 1;

export interface TrialTimeLimitSettings {
  readonly budgetSeconds: number;
  /** The limit until a trial succeeds, and the upper bound after. */
  readonly initialSeconds: number;
  /** False: `initialSeconds` is a fixed limit chosen by the user. */
  readonly adaptive: boolean;
}

export class TrialTimeLimit {
  private readonly successSeconds: number[] = [];
  private referenceSeconds: number | undefined;

  constructor(private readonly settings: TrialTimeLimitSettings) {}

  /** Learns from a finished trial; `isReference` marks the first trial the search proposed. */
  observe(trial: TrialRecord, isReference: boolean): void {
    if (trial.status !== 'SUCCESS' || !Number.isFinite(trial.fitSeconds)) return;
    this.successSeconds.push(trial.fitSeconds);
    if (isReference) this.referenceSeconds = trial.fitSeconds;
  }

  /** Seconds the next trial may take (before clipping to what is left of the budget). */
  seconds(): number {
    const { budgetSeconds, initialSeconds, adaptive } = this.settings;
    if (!adaptive || this.successSeconds.length === 0) return initialSeconds;
    const typical = MEDIAN_MULTIPLE * median(this.successSeconds);
    const reference = REFERENCE_MARGIN * (this.referenceSeconds ?? 0);
    return Math.min(initialSeconds, budgetSeconds * BUDGET_SHARE, Math.max(MIN_SECONDS, typical, reference));
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
