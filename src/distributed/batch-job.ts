/**
 * What a batch job carries to a worker and brings back. A batch job is a whole fit: its input
 * files (data, space file, warm-start run) and its output files (model.json and the attempt's
 * run directory) are file bundles stored in Redis under the SHA-256 of their bytes, as trial data
 * is, so the BullMQ job itself stays small.
 *
 * The job id derives from the job's settings fingerprint and the hash of its inputs: a driver
 * rerun after a crash finds the job it had sent (still running, or finished) under the same id
 * and takes its result instead of running the fit again, while changed data gives a new job.
 */
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Task } from '../data/dataset.ts';
import type { CsvEncoding } from '../data/csv-decode.ts';
import { storePayload } from './evaluation-payload.ts';
import { decodeBundle, encodeBundle, type FileBundle } from './file-bundle.ts';
import { dataKey } from './queue-names.ts';

/** Bundle paths of a job's inputs. */
export const INPUT = {
  /** Prefix of the data file (kept under its own name, which the run log records). */
  data: 'data/',
  space: 'space.json',
  /** Prefix of the warm-start run directory's files. */
  warmStart: 'warm-start/',
} as const;

/** Bundle paths of a job's outputs. */
export const OUTPUT = {
  model: 'model.json',
  /** Prefix of the attempt's run directory's files. */
  run: 'run/',
} as const;

export interface BatchJobData {
  readonly name: string;
  readonly inputHash: string;
  readonly target: string;
  readonly timeBudget: number;
  readonly task?: Task | 'auto';
  readonly metric?: string;
  readonly seed?: number;
  readonly ensembleSize?: number;
  readonly maxTrials?: number;
  /** Trial threads of the fit; unset: the worker's --concurrency. */
  readonly workers?: number;
  /** Text encoding of the data file. */
  readonly encoding?: CsvEncoding;
}

export interface BatchJobResult {
  readonly status: 'done' | 'failed';
  /** The output bundle: stored whether the fit succeeded or not (a failed fit may leave a run log). */
  readonly outputHash: string;
  readonly error: string | null;
  readonly errorCode: string | null;
  /** Which worker ran the job, as `host:pid`. */
  readonly worker: string;
}

export function batchJobId(fingerprint: string, inputHash: string): string {
  return `batch-${fingerprint}-${inputHash.slice(0, 16)}`;
}

/** Stores a bundle (size-checked as trial data is) and returns its hash. */
export async function storeBundle(redis: Redis, bundle: FileBundle): Promise<string> {
  const bytes = encodeBundle(bundle);
  const hash = createHash('sha256').update(bytes).digest('hex');
  await storePayload(redis, { bytes, hash });
  return hash;
}

/** The bundle stored under `hash`, or null when it expired or was never stored. */
export async function fetchBundle(redis: Redis, hash: string): Promise<FileBundle | null> {
  const bytes = await redis.getBuffer(dataKey(hash));
  return bytes === null ? null : decodeBundle(bytes);
}
