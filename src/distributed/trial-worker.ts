/**
 * The body of `automl worker`: takes trial jobs from the queue and runs each in a pool of trial
 * threads, with the time and memory limits the job carries, exactly as a local fit runs its trials
 * (WorkerPoolRunner); the outcome goes back as the job's result, tagged with this worker's name.
 *
 * It also takes batch jobs (batch-worker.ts), one at a time.
 *
 * While a trial runs, BullMQ renews the job's lock from this process's event loop, which trials
 * never block (they run in threads). A worker that dies stops renewing it; after `stallSeconds`
 * the stalled-job check of any live worker hands the job to another worker, once.
 */
import type { Job } from 'bullmq';
import { failedOutcome } from '../search/runner/trial-runner.ts';
import type { TrialOutcome } from '../search/evaluate-trial.ts';
import { algorithmOf } from '../components/registry.ts';
import { errorMessage } from '../util/errors.ts';
import type { Logger } from '../util/log.ts';
import type { QueueAddress } from './queue-address.ts';
import { openRedis, probeRedis } from './redis-connection.ts';
import { BATCH_QUEUE, KEY_PREFIX, runEndedKey, TRIAL_QUEUE } from './queue-names.ts';
import { batchJobProcessor } from './batch-worker.ts';
import type { BatchJobData, BatchJobResult } from './batch-job.ts';
import { decodeSetup, encodeResult, workerName, type TrialJobData, type TrialJobResult } from './trial-job.ts';
import { PoolCache } from './pool-cache.ts';

export interface TrialWorkerOptions {
  readonly address: QueueAddress;
  /** Trials this process runs at once (one thread each). */
  readonly concurrency: number;
  /** Seconds without a lock renewal after which a job counts as lost and is handed on. */
  readonly stallSeconds: number;
  readonly logger: Logger;
}

export interface RunningTrialWorker {
  readonly name: string;
  /** Stops taking jobs, lets running trials finish, then closes pools and connections. */
  close(): Promise<void>;
}

/** A job that was lost this many times (its worker died each time) is failed, not retried again. */
const MAX_STALLED = 1;

export async function startTrialWorker(options: TrialWorkerOptions): Promise<RunningTrialWorker> {
  const { address, concurrency, logger } = options;
  await probeRedis(address);
  const onError = (error: Error): void => logger.warn(`connection to ${address.display}: ${errorMessage(error)} (retrying)`);
  const redis = await openRedis(address, onError);
  const workerRedis = await openRedis(address, onError);
  const pools = new PoolCache(redis, concurrency);
  const name = workerName();

  const runTrial = async (job: Job<TrialJobData, TrialJobResult>): Promise<TrialJobResult> => {
    const data = job.data;
    const setup = decodeSetup(data.setup);
    const share = setup?.fidelity?.share;
    const label = `trial ${job.id ?? '?'} ${algorithmOf(data.config)}${share === undefined || share >= 1 ? '' : ` at fidelity ${share.toFixed(3)}`}`;
    if ((await redis.exists(runEndedKey(data.runKey))) === 1) {
      logger.info(`${label}: skipped, its run has ended`);
      return encodeResult(failedOutcome('TIMEOUT', 'skipped: the run had ended before the trial started', 0));
    }
    const limits = { timeSeconds: data.timeSeconds ?? Infinity, memoryMb: data.memoryMb };
    logger.info(`${label}: started`);
    const outcome: TrialOutcome = await pools.with(data.dataHash, data.memoryMb, (pool) =>
      pool === null
        ? Promise.resolve(failedOutcome('CRASHED', `the training data ${data.dataHash.slice(0, 12)} is no longer in Redis`, 0))
        : pool.run(data.config, data.seed, limits, setup),
    );
    logger.info(`${label}: ${outcome.status}${outcome.status === 'SUCCESS' ? ` cost ${outcome.cost.toFixed(4)}` : ''} in ${outcome.fitSeconds.toFixed(1)}s`);
    return encodeResult(outcome);
  };

  const { Worker } = await import('bullmq');
  const worker = new Worker<TrialJobData, TrialJobResult>(TRIAL_QUEUE, runTrial, {
    connection: workerRedis,
    prefix: KEY_PREFIX,
    concurrency,
    lockDuration: options.stallSeconds * 1000,
    stalledInterval: Math.max(500, (options.stallSeconds * 1000) / 2),
    maxStalledCount: MAX_STALLED,
    name,
  });
  worker.on('error', (error) => logger.warn(`worker: ${errorMessage(error)}`));
  // Batch jobs (whole fits of `automl batch --queue`) one at a time, beside the trials: a fit runs
  // its trials on `concurrency` threads of its own. Same lock and stall rules as trials.
  const batchRedis = await openRedis(address, onError);
  const batchWorker = new Worker<BatchJobData, BatchJobResult>(BATCH_QUEUE, batchJobProcessor(redis, concurrency, logger), {
    connection: batchRedis,
    prefix: KEY_PREFIX,
    concurrency: 1,
    lockDuration: options.stallSeconds * 1000,
    stalledInterval: Math.max(500, (options.stallSeconds * 1000) / 2),
    maxStalledCount: MAX_STALLED,
    name,
  });
  batchWorker.on('error', (error) => logger.warn(`batch worker: ${errorMessage(error)}`));
  await Promise.all([worker.waitUntilReady(), batchWorker.waitUntilReady()]);
  logger.info(`worker ${name} takes up to ${concurrency} trial${concurrency === 1 ? '' : 's'} at once, and one batch job at a time, from ${address.display}`);

  let closing: Promise<void> | undefined;
  return {
    name,
    close: () => {
      closing ??= (async () => {
        try {
          await Promise.all([worker.close(), batchWorker.close()]);
          await pools.close();
        } finally {
          redis.disconnect();
          workerRedis.disconnect();
          batchRedis.disconnect();
        }
      })();
      return closing;
    },
  };
}
