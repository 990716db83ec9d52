/**
 * The driver's side of batch jobs on the queue: stores a job's inputs, sends the job under its id
 * and waits for its result. A job already on the queue under that id — sent by an earlier run of
 * the same batch that was killed — is not sent again: a finished one gives its result at once, a
 * waiting or running one is waited for. Only a job that failed (its worker was lost twice) is
 * removed and sent afresh.
 */
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { errorMessage } from '../util/errors.ts';
import type { Logger } from '../util/log.ts';
import { fetchBundle, storeBundle, type BatchJobData, type BatchJobResult } from './batch-job.ts';
import type { FileBundle } from './file-bundle.ts';
import type { QueueAddress } from './queue-address.ts';
import { BATCH_QUEUE, KEY_PREFIX } from './queue-names.ts';
import { openRedis, probeRedis } from './redis-connection.ts';

/** Batch jobs last minutes to hours: a poll per second costs nothing and needs no event reader. */
const POLL_MS = 1000;
/** Finished batch jobs (and so their results) stay this long for a rerun of a killed driver. */
const KEEP_FINISHED_SECONDS = 24 * 3600;

export type BatchJobOutcome =
  | { readonly kind: 'result'; readonly result: BatchJobResult; readonly outputs: FileBundle; readonly adopted: boolean }
  | { readonly kind: 'lost'; readonly reason: string };

export class BatchQueueClient {
  private constructor(
    private readonly redis: Redis,
    private readonly queue: Queue<BatchJobData, BatchJobResult>,
  ) {}

  /** Checks that Redis answers (BAD_OPTION within seconds when not), then opens the batch queue. */
  static async open(address: QueueAddress, logger: Logger): Promise<BatchQueueClient> {
    await probeRedis(address);
    const redis = await openRedis(address, (error) => logger.warn(`queue connection to ${address.display}: ${errorMessage(error)} (retrying)`));
    const { Queue } = await import('bullmq');
    const queue = new Queue<BatchJobData, BatchJobResult>(BATCH_QUEUE, { connection: redis, prefix: KEY_PREFIX });
    await queue.waitUntilReady();
    return new BatchQueueClient(redis, queue);
  }

  storeInputs(bundle: FileBundle): Promise<string> {
    return storeBundle(this.redis, bundle);
  }

  /** Runs the job `id` on a worker (or takes over the one already sent) and returns its outcome. */
  async run(id: string, data: BatchJobData, logger: Logger): Promise<BatchJobOutcome> {
    let adopted = false;
    const state = await this.queue.getJobState(id);
    if (state === 'completed') {
      const finished = await this.finished(id);
      if (finished !== null) return { ...finished, adopted: true };
      // Its result expired: run it again.
      await this.queue.remove(id);
    } else if (state === 'failed') {
      await this.queue.remove(id);
    } else if (state !== 'unknown') {
      adopted = true;
      logger.info(`waiting for its job ${id}, already ${state === 'active' ? 'running' : 'queued'} since an earlier run of this batch`);
    }
    if (!adopted) await this.queue.add('batch-job', data, { jobId: id, attempts: 1, removeOnComplete: { age: KEEP_FINISHED_SECONDS }, removeOnFail: { age: KEEP_FINISHED_SECONDS } });
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      let current: string;
      try {
        current = await this.queue.getJobState(id);
      } catch {
        continue; // Redis briefly unreachable: ask again.
      }
      if (current === 'completed') {
        const finished = await this.finished(id);
        if (finished !== null) return { ...finished, adopted };
        return { kind: 'lost', reason: 'its result was no longer in Redis' };
      }
      if (current === 'failed') {
        const job = await this.queue.getJob(id);
        return { kind: 'lost', reason: job?.failedReason ?? 'unknown reason' };
      }
      if (current === 'unknown') return { kind: 'lost', reason: 'the job was removed from the queue' };
    }
  }

  async close(): Promise<void> {
    try {
      await this.queue.close();
    } finally {
      this.redis.disconnect();
    }
  }

  /** The result and output files of a completed job; null when either is gone. */
  private async finished(id: string): Promise<{ kind: 'result'; result: BatchJobResult; outputs: FileBundle } | null> {
    const job = await this.queue.getJob(id);
    const result = job?.returnvalue;
    if (result === undefined || result === null) return null;
    const outputs = await fetchBundle(this.redis, result.outputHash);
    return outputs === null ? null : { kind: 'result', result, outputs };
  }
}
