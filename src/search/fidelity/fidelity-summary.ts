/**
 * The run summary's `fidelity` entry: the schedule that ran, the trials of each rung, and what the
 * search cost in full trials (a trial at share s counts s) against how many configurations it
 * examined. Without a schedule every trial is full, and both counts are the number of trials.
 */
import { configurationKey } from '../../space/index.ts';
import type { TrialRecord } from '../trial.ts';
import { shareOf } from './fidelity.ts';
import type { FidelityMode } from './fidelity-mode.ts';
import type { FidelityResource } from './fidelity.ts';

export interface FidelitySchedule {
  readonly requested: FidelityMode;
  readonly mode: 'off' | 'sh' | 'hyperband';
  readonly reason: string;
  readonly eta: number;
  readonly minFidelity: number;
  readonly resource: FidelityResource;
  /** Share of each rung, lowest first (empty when off). */
  readonly shares: readonly number[];
}

/** Type aliases, not interfaces, so that the summary is a JSON value (export/artifact.ts). */
export type RungCount = {
  readonly share: number;
  readonly trials: number;
  readonly success: number;
};

export type FidelitySummary = {
  readonly requested: FidelityMode;
  readonly mode: 'off' | 'sh' | 'hyperband';
  readonly reason: string;
  readonly eta: number | null;
  readonly min_fidelity: number | null;
  readonly resource: FidelityResource | null;
  readonly rungs: RungCount[];
  /** Σ of the trials' shares: what the search cost in full trials. */
  readonly full_equivalent_trials: number;
  /** Distinct configurations evaluated, at any fidelity. */
  readonly configurations: number;
};

export function fidelitySummary(schedule: FidelitySchedule, trials: readonly TrialRecord[]): FidelitySummary {
  const on = schedule.mode !== 'off';
  const rungs = schedule.shares.map((share, rung) => {
    const at = trials.filter((t) => t.rung === rung);
    return { share: round(share), trials: at.length, success: at.filter((t) => t.status === 'SUCCESS').length };
  });
  return {
    requested: schedule.requested,
    mode: schedule.mode,
    reason: schedule.reason,
    eta: on ? schedule.eta : null,
    min_fidelity: on ? round(schedule.minFidelity) : null,
    resource: on ? schedule.resource : null,
    rungs: on ? rungs : [],
    full_equivalent_trials: round(trials.reduce((sum, t) => sum + shareOf(t), 0)),
    configurations: new Set(trials.map((t) => configurationKey(t.config))).size,
  };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/**
 * One line for the command line's text output, from a summary's `fidelity` entry (as read back
 * from JSON); null when the search ran without a schedule or the entry is not one.
 */
export function fidelityLine(entry: unknown): string | null {
  if (typeof entry !== 'object' || entry === null) return null;
  const summary = entry as Partial<FidelitySummary>;
  if ((summary.mode !== 'sh' && summary.mode !== 'hyperband') || !Array.isArray(summary.rungs)) return null;
  const rungs = summary.rungs.map((r) => `${Number(r.share.toPrecision(3))} × ${r.trials}`).join(', ');
  return `fidelity ${summary.mode} (eta ${String(summary.eta)}): trials per rung ${rungs}; ${String(summary.configurations)} configurations for ${String(summary.full_equivalent_trials)} full-trial equivalents`;
}
