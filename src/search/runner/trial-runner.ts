/**
 * The contract between the search and whatever executes its trials: in this process, or isolated in
 * worker threads with time and memory limits. Every run resolves to an outcome; none rejects, so a
 * misbehaving configuration can never stop the search.
 */
import type { Configuration } from '../../space/index.ts';
import type { EvaluationData, TrialOutcome } from '../evaluate-trial.ts';
import type { TrialStatus } from '../trial.ts';
import type { TrialFidelity } from '../fidelity/fidelity.ts';
import type { StoppingSnapshot } from '../early-stopping/snapshot.ts';

export interface TrialLimits {
  /** Wall-clock seconds the trial may run before it is stopped as TIMEOUT. */
  readonly timeSeconds: number;
  /** Megabytes the trial may use on top of what its worker held when it started. */
  readonly memoryMb: number;
  /**
   * Hard wall, e.g. the search's global deadline: when it aborts, a queued trial never starts and
   * a running one is stopped at once; both resolve as TIMEOUT.
   */
  readonly signal?: AbortSignal | undefined;
}

/**
 * How a trial runs when it is not an ordinary full evaluation: plain data, so that it crosses
 * threads and queues as it is.
 */
export interface TrialSetup {
  /** Below full fidelity (search/fidelity); absent = full. */
  readonly fidelity?: TrialFidelity;
  /** The median stopping rule's state (search/early-stopping); absent = run to the end. */
  readonly stopping?: StoppingSnapshot;
}

export interface TrialRunner {
  /** How many trials can run at the same time; further run() calls wait in a queue. */
  readonly concurrency: number;
  /** Evaluates `config`: a full trial unless `setup` says otherwise. */
  run(config: Configuration, seed: number, limits: TrialLimits, setup?: TrialSetup): Promise<TrialOutcome>;
  /** Stops every worker; trials still queued or running resolve as CRASHED. */
  close(): Promise<void>;
}

/**
 * What evaluates one trial: `evaluateTrial` in production. A runner can be given another module
 * exporting the same function (tests use one whose trials crash, loop or hoard memory on purpose).
 */
export type TrialEvaluator = (config: Configuration, data: EvaluationData, seed: number, setup?: TrialSetup) => TrialOutcome | Promise<TrialOutcome>;

export function failedOutcome(status: Exclude<TrialStatus, 'SUCCESS'>, error: string, fitSeconds: number): TrialOutcome {
  return { status, cost: Infinity, score: null, fitSeconds, error };
}

/** Limits a runner can enforce: positive time (Infinity allowed) and a positive memory budget. */
export function checkLimits(limits: TrialLimits): string | undefined {
  if (!(limits.timeSeconds > 0)) return `time limit must be positive, got ${limits.timeSeconds}`;
  if (!(limits.memoryMb > 0) || !Number.isFinite(limits.memoryMb)) return `memory limit must be a positive number of MB, got ${limits.memoryMb}`;
  return undefined;
}
