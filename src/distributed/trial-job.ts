/**
 * What a trial job carries to a worker and brings back. The job names the fit's data by hash
 * only; the outcome travels v8-serialised (base64 in BullMQ's JSON) so its prediction arrays and
 * an Infinity cost arrive intact, and so does the trial's setup (its fidelity, the median rule's
 * costs), which JSON would turn from Infinity to null.
 */
import { hostname } from 'node:os';
import { deserialize, serialize } from 'node:v8';
import type { Configuration } from '../space/index.ts';
import type { TrialOutcome } from '../search/evaluate-trial.ts';
import type { TrialSetup } from '../search/runner/trial-runner.ts';

export interface TrialJobData {
  /** Identifies the fit that sent the job; jobs are named `<runKey>-<trial number>`. */
  readonly runKey: string;
  readonly dataHash: string;
  readonly config: Configuration;
  readonly seed: number;
  /** Null stands for no limit (JSON has no Infinity). */
  readonly timeSeconds: number | null;
  readonly memoryMb: number;
  /** The TrialSetup, v8-serialised and base64-encoded; absent for an ordinary, full trial. */
  readonly setup?: string;
}

export interface TrialJobResult {
  /** The TrialOutcome, v8-serialised and base64-encoded. */
  readonly outcome: string;
  /** Which worker ran the trial, as `host:pid`. */
  readonly worker: string;
}

/** This process as a worker name: the host and the process id, enough to find it in `ps`. */
export function workerName(): string {
  return `${hostname()}:${process.pid}`;
}

export function encodeResult(outcome: TrialOutcome): TrialJobResult {
  return { outcome: serialize(outcome).toString('base64'), worker: workerName() };
}

export function decodeResult(result: TrialJobResult): TrialOutcome {
  const outcome = deserialize(Buffer.from(result.outcome, 'base64')) as TrialOutcome;
  return { ...outcome, worker: result.worker };
}

export function encodeSetup(setup: TrialSetup): string {
  return serialize(setup).toString('base64');
}

export function decodeSetup(encoded: string | undefined): TrialSetup | undefined {
  return encoded === undefined ? undefined : (deserialize(Buffer.from(encoded, 'base64')) as TrialSetup);
}

export function jobId(runKey: string, trialNumber: number): string {
  return `${runKey}-${trialNumber}`;
}
