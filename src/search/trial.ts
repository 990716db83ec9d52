/**
 * Immutable records of evaluated trials. A failed trial is a value: it has a status and the worst
 * cost, never an exception that escapes the search.
 */
import type { Configuration } from '../space/index.ts';

/**
 * STOPPED: ended early by the median stopping rule (search/early-stopping) with a partial score at
 * its last checkpoint; its `score` and `cost` are that partial result and its `fidelity` the share
 * of the evaluation it reached.
 */
export type TrialStatus = 'SUCCESS' | 'CRASHED' | 'TIMEOUT' | 'MEMOUT' | 'STOPPED';

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
  /** Share of the full evaluation the trial ran at (search/fidelity); absent means 1, a full trial. */
  readonly fidelity?: number;
  /** Successive-halving rung (0 = lowest fidelity); absent when the search ran without fidelities. */
  readonly rung?: number;
  /** Seconds since the search started, when the trial finished. */
  readonly finishedAt: number;
  readonly seed: number;
  readonly error?: string;
  /** The queue worker (`host:pid`) that ran the trial; absent when it ran on this machine. */
  readonly worker?: string;
}
