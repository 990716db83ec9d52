/**
 * runBatch: every job of a spec through a queue of `concurrency` jobs at a time, each into its
 * own folder under `out`. Jobs already finished with the same settings are not rerun, interrupted
 * ones resume (see run-job.ts), failed ones are retried. A job's failure is recorded in its
 * summary and the batch goes on. The summary table is rewritten as each job ends, so it is
 * current even if the batch is killed.
 */
import { mkdirSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { AutoMLError } from '../util/errors.ts';
import { nowSeconds } from '../util/clock.ts';
import { silentLogger, type Logger } from '../util/log.ts';
import { JobFolder, jobFingerprint } from './job-folder.ts';
import { lockBatchFolder } from './lock.ts';
import { readBatchSpecFile } from './read-spec.ts';
import { runJob } from './run-job.ts';
import { runJobOnQueue } from './queue-job.ts';
import { parseQueueAddress, type QueueAddress } from '../distributed/queue-address.ts';
import type { BatchQueueClient } from '../distributed/batch-client.ts';
import { validateBatchSpec, type BatchJob, type BatchSpec } from './spec.ts';
import { countStatuses, NO_RESULT, writeBatchSummary, type BatchSummary, type JobSummary } from './summary.ts';

export interface BatchOptions {
  /** Output folder; default for a spec file: automl-batch/<spec file name>. Required for a spec object. */
  readonly out?: string;
  /** Jobs run at once (default 1; with a queue, every job is sent at once). */
  readonly concurrency?: number;
  /**
   * Redis address (redis://host:port) of `automl worker` processes: each job's fit runs on a
   * worker, and its model and run log are written here as a local job's would be.
   */
  readonly queue?: string;
  /** Folder relative paths of a spec object resolve against (default: the working directory). */
  readonly baseDir?: string;
  readonly logger?: Logger;
  /** Called as each job ends, e.g. for progress output. */
  readonly onJob?: (summary: JobSummary, reused: boolean) => void;
}

/** Default output folder of a spec file, stable across reruns so that they resume. */
export function defaultBatchOut(specPath: string): string {
  return join('automl-batch', basename(specPath, extname(specPath)));
}

export async function runBatch(spec: BatchSpec | string, options: BatchOptions = {}): Promise<BatchSummary> {
  const started = nowSeconds();
  const logger = options.logger ?? silentLogger;
  const parsed = typeof spec === 'string' ? readBatchSpecFile(spec) : validateBatchSpec(spec, resolve(options.baseDir ?? '.'));
  const outOption = options.out ?? (typeof spec === 'string' ? defaultBatchOut(spec) : undefined);
  if (outOption === undefined) throw new AutoMLError('BAD_OPTION', 'runBatch needs options.out when the spec is an object');
  const address = options.queue === undefined ? undefined : parseQueueAddress(options.queue);
  // With a queue the workers bound how many fits run: every job is sent at once by default.
  const concurrency = options.concurrency ?? (address === undefined ? 1 : parsed.jobs.length);
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new AutoMLError('BAD_OPTION', `concurrency must be a positive integer, got ${JSON.stringify(concurrency)}`);
  }
  const out = resolve(outOption);
  // The queue is checked before anything is written: an unreachable Redis is one clear line.
  const client = address === undefined ? undefined : await openBatchClient(address, logger);
  let unlock: (() => void) | undefined;
  try {
    mkdirSync(out, { recursive: true });
    unlock = lockBatchFolder(out);
    const run: RunOne = client === undefined ? runJob : (folder, jobLogger) => runJobOnQueue(folder, client, jobLogger);
    return await runJobs(parsed, out, concurrency, logger, options, started, run);
  } finally {
    unlock?.();
    await client?.close();
  }
}

type RunOne = (folder: JobFolder, logger: Logger) => Promise<JobSummary>;

/** Loaded only when a queue is asked for, so that a local batch never loads BullMQ. */
async function openBatchClient(address: QueueAddress, logger: Logger): Promise<BatchQueueClient> {
  const { BatchQueueClient } = await import('../distributed/batch-client.ts');
  return BatchQueueClient.open(address, logger);
}

async function runJobs(parsed: BatchSpec, out: string, concurrency: number, logger: Logger, options: BatchOptions, started: number, run: RunOne): Promise<BatchSummary> {

  const results = new Map<string, JobSummary>();
  const reused: string[] = [];
  const snapshot = (): BatchSummary => {
    const jobs = parsed.jobs.map((job) => results.get(job.name) ?? pendingSummary(job));
    return { out, jobs, counts: countStatuses(jobs), reused, elapsed_seconds: Math.round((nowSeconds() - started) * 1000) / 1000 };
  };

  const queue: BatchJob[] = [];
  for (const job of parsed.jobs) {
    const previous = new JobFolder(out, job).finished();
    if (previous?.status === 'done') {
      results.set(job.name, previous);
      reused.push(job.name);
      logger.info(`[${job.name}] already finished, not rerun`);
      options.onJob?.(previous, true);
    } else {
      queue.push(job);
    }
  }
  writeBatchSummary(snapshot());

  const next = async (): Promise<void> => {
    for (let job = queue.shift(); job !== undefined; job = queue.shift()) {
      const jobLogger = prefixed(logger, `[${job.name}] `);
      jobLogger.info(`started: ${job.data}, target ${job.target}, ${job.time} s`);
      const summary = await run(new JobFolder(out, job), jobLogger);
      results.set(job.name, summary);
      writeBatchSummary(snapshot());
      options.onJob?.(summary, false);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, Math.max(1, queue.length)) }, next));
  const summary = snapshot();
  writeBatchSummary(summary);
  return summary;
}

function pendingSummary(job: BatchJob): JobSummary {
  return {
    name: job.name,
    status: 'pending',
    fingerprint: jobFingerprint(job),
    data: job.data,
    target: job.target,
    ...NO_RESULT,
    earlier_trials: 0,
    attempts: 0,
    time_budget: job.time,
    attempt_budget: null,
    finished_at: null,
    run_dir: null,
    error: null,
    error_code: null,
  };
}

function prefixed(logger: Logger, prefix: string): Logger {
  return { info: (m) => logger.info(`${prefix}${m}`), warn: (m) => logger.warn(`${prefix}${m}`) };
}
