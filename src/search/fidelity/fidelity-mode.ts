/**
 * The `fidelity` option: which schedule, if any, runs trials below full fidelity, and the rule
 * behind 'auto'.
 *
 * 'auto' follows auto-sklearn 2.0's policy (holdout with successive halving on large data,
 * cross-validation with full trials on small data), with "large" measured against the budget:
 * successive halving pays when the budget holds few full trials, since it then examines several
 * times more configurations for the same time, and costs when full trials are cheap, since each
 * configuration promoted to full fidelity has also paid for its lower rungs and every lower-rung
 * trial that is not promoted does not reach the ensemble. The number of full trials the budget
 * holds is estimated as the resampling does for the first trial (resampling.ts: cells of the
 * training part, CELLS_PER_SECOND): budget × CELLS_PER_SECOND / (training rows × columns).
 * Under cross-validation 'auto' is 'off' (small data, where every trial is cheap and the
 * validation noise of a lower rung on a fraction of a small fold is large).
 */
import { CELLS_PER_SECOND, trialCells } from '../resampling.ts';
import type { Optimizer } from '../optimizer.ts';
import type { FidelityResource } from './fidelity.ts';
import type { FidelitySchedule } from './fidelity-summary.ts';
import { rungShares } from './rungs.ts';
import { SuccessiveHalving, type ScheduleMode } from './successive-halving.ts';

export type FidelityMode = 'auto' | 'off' | ScheduleMode;
export const FIDELITY_MODES: readonly FidelityMode[] = ['auto', 'off', 'sh', 'hyperband'];
export const FIDELITY_RESOURCES: readonly FidelityResource[] = ['auto', 'rows', 'iterations'];

export const FIDELITY_DEFAULTS = {
  fidelity: 'off',
  // Successive halving's usual rate: a third goes up, and three rungs span a factor of nine.
  eta: 3,
  // 1/9: three rungs (1/9, 1/3, 1) with eta 3. Lower rungs stop paying: the validation rows are
  // scored in full at every fidelity and a worker's start-up and the preprocessing do not
  // shrink either, so a 1/27 trial costs far more than a 27th of a full one, while on the rows
  // of a mid-size training part (a few thousand) a 27th leaves too few to rank configurations.
  minFidelity: 1 / 9,
  fidelityResource: 'auto',
} as const satisfies { fidelity: FidelityMode; eta: number; minFidelity: number; fidelityResource: FidelityResource };

/**
 * 'auto' schedules successive halving when the budget holds fewer estimated full trials than
 * this. The estimate counts cells at CELLS_PER_SECOND only, and a real trial also pays its
 * worker's start-up, preprocessing and predicting the validation rows, while the search gets only
 * part of the fit's budget: satellite at 30 s is estimated at 26 and ran 5 to 6 full trials, so
 * 100 stands for about 20 real ones. Below that the search barely gets past its initial design
 * (the default and 25 warm-start configurations), and successive halving examined 3.8 times as
 * many configurations for the same time (satellite, 30 s: 19 against 5). Provisional: the README
 * ("Multi-fidelity search") says what measured it and what is still to be measured.
 */
export const AUTO_MAX_FULL_TRIALS = 100;

export interface FidelityFacts {
  readonly strategy: 'holdout' | 'cv';
  /** Rows of the (first) training part trials fit on. */
  readonly trainingRows: number;
  readonly columns: number;
  /** Seconds of the whole fit's budget. */
  readonly budgetSeconds: number;
}

export interface ResolvedFidelity {
  readonly requested: FidelityMode;
  readonly mode: 'off' | ScheduleMode;
  /** Why 'auto' chose what it did; empty for an explicit mode. */
  readonly reason: string;
}

/** Full trials the budget holds, by the resampling's estimate of one trial's cost. */
export function fullTrialsInBudget(facts: FidelityFacts): number {
  return (facts.budgetSeconds * CELLS_PER_SECOND) / trialCells(facts.trainingRows, facts.columns);
}

export function resolveFidelityMode(requested: FidelityMode, facts: FidelityFacts): ResolvedFidelity {
  if (requested !== 'auto') return { requested, mode: requested, reason: '' };
  if (facts.strategy === 'cv') return { requested, mode: 'off', reason: 'cross-validation (small data): every trial at full fidelity' };
  const trials = fullTrialsInBudget(facts);
  const estimate = `about ${Math.round(trials)} full trials fit the budget (${facts.trainingRows} rows × ${facts.columns} columns)`;
  return trials < AUTO_MAX_FULL_TRIALS
    ? { requested, mode: 'sh', reason: `${estimate}, fewer than ${AUTO_MAX_FULL_TRIALS}: successive halving` }
    : { requested, mode: 'off', reason: `${estimate}, at least ${AUTO_MAX_FULL_TRIALS}: every trial at full fidelity` };
}

export interface FidelitySettings {
  readonly fidelity: FidelityMode;
  readonly eta: number;
  readonly minFidelity: number;
  readonly fidelityResource: FidelityResource;
}

/** The schedule a fit runs: the mode ('auto' resolved) with its rungs. */
export function fidelitySchedule(settings: FidelitySettings, facts: FidelityFacts): FidelitySchedule {
  const { requested, mode, reason } = resolveFidelityMode(settings.fidelity, facts);
  return {
    requested,
    mode,
    reason,
    eta: settings.eta,
    minFidelity: settings.minFidelity,
    resource: settings.fidelityResource,
    shares: mode === 'off' ? [] : rungShares(settings.minFidelity, settings.eta),
  };
}

/** `base` itself when the schedule is off, else `base` under successive halving or Hyperband. */
export function scheduledOptimizer(base: Optimizer, schedule: FidelitySchedule, seed: number): Optimizer {
  if (schedule.mode === 'off') return base;
  return new SuccessiveHalving(base, { mode: schedule.mode, eta: schedule.eta, minFidelity: schedule.minFidelity, seed });
}
