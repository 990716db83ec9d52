/**
 * The `earlyStopping` option: 'median' runs the median stopping rule on the search's trials,
 * 'off' lets every trial run to its end. Also the rule's line in the fit summary.
 */
import { MedianStoppingRule } from './median-stopping-rule.ts';

export type EarlyStoppingMode = 'off' | 'median';
export const EARLY_STOPPING_MODES: readonly EarlyStoppingMode[] = ['off', 'median'];

export function isEarlyStoppingMode(value: unknown): value is EarlyStoppingMode {
  return (EARLY_STOPPING_MODES as readonly unknown[]).includes(value);
}

/** The rule for a mode: a fresh one per search, undefined when off. */
export function stoppingRuleFor(mode: EarlyStoppingMode): MedianStoppingRule | undefined {
  return mode === 'median' ? new MedianStoppingRule() : undefined;
}

/** Reported in the fit summary as `early_stopping`. */
export interface EarlyStoppingSummary {
  readonly mode: EarlyStoppingMode;
  /** Shares of the iterations at which trials were judged; empty when off. */
  readonly checkpoints: number[];
  /** Earlier trials of an algorithm needed before a checkpoint is judged; null when off. */
  readonly min_trials: number | null;
  readonly stopped: number;
  /** Seconds the stopped trials did not spend, as estimated by MedianStoppingRule (EarlyStoppingTally). */
  readonly seconds_saved_estimate: number;
}

export function earlyStoppingSummary(mode: EarlyStoppingMode, rule: MedianStoppingRule | undefined): EarlyStoppingSummary {
  if (rule === undefined) return { mode, checkpoints: [], min_trials: null, stopped: 0, seconds_saved_estimate: 0 };
  const { stopped, savedSecondsEstimate } = rule.tally();
  return { mode, checkpoints: [...rule.checkpoints], min_trials: rule.minTrials, stopped, seconds_saved_estimate: Math.round(savedSecondsEstimate * 10) / 10 };
}
