/**
 * Runs trials on `automl worker` processes anywhere, through a BullMQ queue on a shared Redis.
 * The search stays here (ask/tell as with local workers); each run() becomes one job naming its
 * configuration, seed, limits and the hash of the fit's data, which was stored in Redis once when
 * the runner opened. `concurrency` bounds the jobs in flight.
 *
 * Faults: a worker that dies mid-trial stops renewing its job's lock; another worker's stalled-job
 * check puts the job back in the queue once, and a second loss fails it, recorded here as CRASHED.
 * Every job id is the run's key and the trial's number, and each run() resolves once, so a result
 * is never applied twice. At the search deadline a pending trial resolves as TIMEOUT at once and
 * whatever its worker reports later is ignored; when the runner closes, trials still queued are
 * removed, and workers skip any they had already taken.
 */
import { randomUUID } from 'node:crypto';
import type { Queue, QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Configuration } from '../../space/index.ts';
import type { BackendPreference } from '../../components/backend/types.ts';
import type { EvaluationData, TrialOutcome } from '../evaluate-trial.ts';
import type { QueueAddress } from '../../distributed/queue-address.ts';
import { openRedis, probeRedis } from '../../distributed/redis-connection.ts';
import { encodePayload, storePayload } from '../../distributed/evaluation-payload.ts';
import { KEY_PREFIX, runEndedKey, TRIAL_QUEUE } from '../../distributed/queue-names.ts';
import { decodeResult, encodeSetup, jobId, type TrialJobData, type TrialJobResult } from '../../distributed/trial-job.ts';
import { errorMessage } from '../../util/errors.ts';
import { silentLogger, type Logger } from '../../util/log.ts';
import { checkLimits, failedOutcome, type TrialLimits, type TrialRunner, type TrialSetup } from './trial-runner.ts';

export interface QueueRunnerOptions {
  readonly address: QueueAddress;
  readonly data: EvaluationData;
  /** Trials in flight at once. */
  readonly workers: number;
  readonly backend: BackendPreference;
  readonly logger?: Logger | undefined;
}

/**
 * Completion events are the fast path; this poll catches a result whose event was missed (the
 * event reader had not started yet, or its connection dropped for a moment).
 */
const POLL_MS = 1000;
/** Finished jobs stay this long in Redis for inspection, then BullMQ removes them. */
const KEEP_FINISHED_SECONDS = 3600;

interface Pending {
  readonly resolve: (outcome: TrialOutcome) => void;
  readonly detach: () => void;
}

export class QueueRunner implements TrialRunner {
  readonly concurrency: number;
  private readonly pending = new Map<string, Pending>();
  private trialCount = 0;
  private closed = false;
  private readonly pollTimer: NodeJS.Timeout;

  private constructor(
    private readonly runKey: string,
    private readonly dataHash: string,
    private readonly redis: Redis,
    private readonly eventsRedis: Redis,
    private readonly queue: Queue<TrialJobData, TrialJobResult>,
    private readonly events: QueueEvents,
    workers: number,
  ) {
    this.concurrency = workers;
    events.on('completed', ({ jobId: id, returnvalue }) => this.settle(id, returnvalue));
    events.on('failed', ({ jobId: id, failedReason }) => this.settle(id, undefined, failedReason));
    this.pollTimer = setInterval(() => void this.poll(), POLL_MS);
    this.pollTimer.unref();
  }

  /**
   * Checks that Redis answers (a clear BAD_OPTION within seconds when not), stores the fit's data
   * and starts listening for results. Nothing is sent before the probe succeeds.
   */
  static async open(options: QueueRunnerOptions): Promise<QueueRunner> {
    const { address } = options;
    const logger = options.logger ?? silentLogger;
    await probeRedis(address);
    const onError = (error: Error): void => logger.warn(`queue connection to ${address.display}: ${errorMessage(error)} (retrying)`);
    const redis = await openRedis(address, onError);
    const eventsRedis = await openRedis(address, onError);
    const payload = encodePayload(options.data, options.backend);
    try {
      await storePayload(redis, payload);
    } catch (error) {
      redis.disconnect();
      eventsRedis.disconnect();
      throw error;
    }
    logger.info(`queue ${address.display}: training data stored as ${payload.hash.slice(0, 12)} (${(payload.bytes.length / 1024).toFixed(0)} KiB), up to ${options.workers} trials in flight`);
    const { Queue, QueueEvents } = await import('bullmq');
    const queue = new Queue<TrialJobData, TrialJobResult>(TRIAL_QUEUE, { connection: redis, prefix: KEY_PREFIX });
    const events = new QueueEvents(TRIAL_QUEUE, { connection: eventsRedis, prefix: KEY_PREFIX });
    await Promise.all([queue.waitUntilReady(), events.waitUntilReady()]);
    return new QueueRunner(randomUUID(), payload.hash, redis, eventsRedis, queue, events, options.workers);
  }

  run(config: Configuration, seed: number, limits: TrialLimits, setup?: TrialSetup): Promise<TrialOutcome> {
    if (this.closed) return Promise.resolve(failedOutcome('CRASHED', 'the trial runner is closed', 0));
    const invalid = checkLimits(limits);
    if (invalid !== undefined) return Promise.resolve(failedOutcome('CRASHED', invalid, 0));
    if (limits.signal?.aborted === true) return Promise.resolve(failedOutcome('TIMEOUT', 'stopped before it started: the search deadline has passed', 0));
    this.trialCount++;
    const id = jobId(this.runKey, this.trialCount);
    const data: TrialJobData = {
      runKey: this.runKey,
      dataHash: this.dataHash,
      config,
      seed,
      timeSeconds: Number.isFinite(limits.timeSeconds) ? limits.timeSeconds : null,
      memoryMb: limits.memoryMb,
      ...(setup === undefined ? {} : { setup: encodeSetup(setup) }),
    };
    return new Promise((resolve) => {
      const signal = limits.signal;
      let detach = (): void => {};
      if (signal !== undefined) {
        const onAbort = (): void => {
          this.resolvePending(id, failedOutcome('TIMEOUT', 'stopped at the search deadline', 0));
          void this.removeQueued(id);
        };
        signal.addEventListener('abort', onAbort, { once: true });
        detach = () => signal.removeEventListener('abort', onAbort);
      }
      this.pending.set(id, { resolve, detach });
      this.queue
        .add('trial', data, { jobId: id, attempts: 1, removeOnComplete: { age: KEEP_FINISHED_SECONDS }, removeOnFail: { age: KEEP_FINISHED_SECONDS } })
        .catch((error: unknown) => this.resolvePending(id, failedOutcome('CRASHED', `could not queue the trial: ${errorMessage(error)}`, 0)));
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.pollTimer);
    const left = [...this.pending.keys()];
    for (const id of left) this.resolvePending(id, failedOutcome('CRASHED', 'the trial runner was closed', 0));
    try {
      // Workers check this before starting a job, for jobs they took before the removal below.
      await this.redis.set(runEndedKey(this.runKey), '1', 'EX', KEEP_FINISHED_SECONDS);
      await Promise.all(left.map((id) => this.removeQueued(id)));
      await this.events.close();
      await this.queue.close();
    } finally {
      this.redis.disconnect();
      this.eventsRedis.disconnect();
    }
  }

  private settle(id: string, result: TrialJobResult | null | undefined, failedReason?: string): void {
    if (!this.pending.has(id)) return;
    if (failedReason !== undefined || result === undefined) {
      this.resolvePending(id, failedOutcome('CRASHED', `the trial's worker was lost: ${failedReason ?? 'unknown reason'}`, 0));
      return;
    }
    // A completed job whose result is not readable yet: the next poll reads it again.
    if (result === null) return;
    let outcome: TrialOutcome;
    try {
      outcome = decodeResult(result);
    } catch (error) {
      outcome = failedOutcome('CRASHED', `unreadable result from a worker: ${errorMessage(error)}`, 0);
    }
    this.resolvePending(id, outcome);
  }

  /** The only place a pending trial resolves: whatever arrives for it afterwards is ignored. */
  private resolvePending(id: string, outcome: TrialOutcome): void {
    const pending = this.pending.get(id);
    if (pending === undefined) return;
    this.pending.delete(id);
    pending.detach();
    pending.resolve(outcome);
  }

  private async poll(): Promise<void> {
    for (const id of [...this.pending.keys()]) {
      try {
        // The state first: a job read before it finished would hold no result yet.
        const state = await this.queue.getJobState(id);
        if (state !== 'completed' && state !== 'failed') continue;
        const job = await this.queue.getJob(id);
        if (job === undefined) continue;
        if (state === 'completed') this.settle(id, job.returnvalue);
        else this.settle(id, undefined, job.failedReason);
      } catch {
        // Redis is briefly unreachable: the next poll (or the event) tries again.
      }
    }
  }

  /** Removes a job that no worker has taken yet; one already running finishes on its own limit. */
  private async removeQueued(id: string): Promise<void> {
    try {
      await this.queue.remove(id);
    } catch {
      // Locked by a worker: it is running, and its result will be ignored.
    }
  }
}
