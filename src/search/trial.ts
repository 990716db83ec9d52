/**
 * Immutable records of evaluated trials. A failed trial is a value: it has a status and the worst
 * cost, never an exception that escapes the search.
 */
import type { Configuration } from '../space/index.ts';

export type TrialStatus = 'SUCCESS' | 'CRASHED' | 'TIMEOUT' | 'MEMOUT';

export interface TrialRecord {
  readonly id: number;
  readonly config: Configuration;
  /** The algorithm chosen by the configuration, e.g. "random_forest". */
  readonly algorithm: string;
  readonly status: TrialStatus;
  /** Validation cost (lower is better); Infinity for failed trials. */
  readonly cost: number;
  /** Validation score in the metric's natural direction; null for failed trials. */
  readonly score: number | null;
  /** Under cross-validation, the score of each fold alone (a successful trial's; see evaluate-trial.ts). */
  readonly foldScores?: readonly number[];
  readonly fitSeconds: number;
  /** Seconds since the search started, when the trial finished. */
  readonly finishedAt: number;
  readonly seed: number;
  readonly error?: string;
  /** The queue worker (`host:pid`) that ran the trial; absent when it ran on this machine. */
  readonly worker?: string;
}
