/**
 * Runs trials isolated in a pool of worker threads, up to `concurrency` at once; further runs wait
 * in a queue. Each worker gets the evaluation data once, when it starts, and then one
 * {config, seed, setup} per trial. A trial that overruns its time limit, its memory budget or the
 * caller's deadline has its worker terminated; the next trial that needs a worker starts a fresh
 * one. Nothing a trial does can reject run() or leave it pending.
 */
import { availableParallelism } from 'node:os';
import type { Configuration } from '../../space/index.ts';
import type { EvaluationData, TrialOutcome } from '../evaluate-trial.ts';
import { nowSeconds } from '../../util/clock.ts';
import { AutoMLError, errorMessage } from '../../util/errors.ts';
import { findOverBudget, workersFootprint, type WatchedTrial } from './memory-guard.ts';
import { PoolWorker, type PoolWorkerEvents } from './pool-worker.ts';
import type { WorkerInit } from './protocol.ts';
import type { BackendPreference } from '../../components/backend/types.ts';
import { withSharedArrays } from './shared-data.ts';
import { RecentFaults, threadMinorFaults } from './thread-faults.ts';
import { checkLimits, failedOutcome, type TrialLimits, type TrialRunner, type TrialSetup } from './trial-runner.ts';

export const DEFAULT_MEMORY_MB = 3072;
export const DEFAULT_MEMORY_POLL_MS = 50;
export const DEFAULT_STARTUP_TIMEOUT_SECONDS = 60;
const DEFAULT_EVALUATOR = new URL('../evaluate-trial.ts', import.meta.url);

/** One worker per core, leaving one core to the search itself. */
export function defaultWorkerCount(): number {
  return Math.max(1, availableParallelism() - 1);
}

export interface WorkerPoolOptions {
  readonly data: EvaluationData;
  /** Worker threads, i.e. trials at once (default: cores − 1, at least 1). */
  readonly workers?: number | undefined;
  /**
   * Budget the workers are started with, ahead of the first trial. A trial asking for a different
   * budget gets a worker started for it, since a worker's heap limit is fixed at its start.
   */
  readonly memoryMb?: number | undefined;
  /** Module exporting `evaluateTrial` with the TrialEvaluator signature (default: the real one). */
  readonly evaluatorModule?: URL | string | undefined;
  /** How often the process's memory is checked while trials run; 0 turns the guard off. */
  readonly memoryPollMs?: number | undefined;
  readonly startupTimeoutSeconds?: number | undefined;
  /** Tensor backend for neural networks in every worker (default auto). */
  readonly backend?: BackendPreference | undefined;
}

interface Job {
  readonly config: Configuration;
  readonly seed: number;
  readonly limits: TrialLimits;
  readonly setup: TrialSetup | undefined;
  readonly resolve: (outcome: TrialOutcome) => void;
  detach: () => void;
  done: boolean;
  /** Set while the job runs. */
  worker: PoolWorker | undefined;
  footprintAtStart: number;
  startedAt: number;
  /** Page faults of the job's thread; null where they cannot be read. */
  faults: RecentFaults | null;
}

function positiveInteger(value: number, what: string): number {
  if (!Number.isInteger(value) || value < 1) throw new AutoMLError('BAD_OPTION', `${what} must be a positive integer, got ${value}`);
  return value;
}

export class WorkerPoolRunner implements TrialRunner {
  readonly concurrency: number;
  private readonly init: WorkerInit;
  private readonly memoryPollMs: number;
  private readonly startupTimeoutSeconds: number;
  private readonly workers = new Set<PoolWorker>();
  private readonly running = new Map<PoolWorker, Job>();
  private readonly queue: Job[] = [];
  private readonly readyWaiters: (() => void)[] = [];
  /** Budget of the latest trial: replacement workers are started with it. */
  private latestMemoryMb: number;
  private memoryTimer: NodeJS.Timeout | undefined;
  private closed = false;
  private readonly events: PoolWorkerEvents = {
    onStarted: () => this.rebaseMemory(),
    onIdle: () => this.changed(),
    onStartFailed: (worker, error) => this.startFailed(worker, error),
    onExit: (worker) => {
      this.workers.delete(worker);
      this.rebaseMemory();
      // A worker that never started would fail again: replacing it could loop forever.
      if (worker.wasReady) this.replace();
      this.changed();
    },
  };

  constructor(options: WorkerPoolOptions) {
    this.concurrency = positiveInteger(options.workers ?? defaultWorkerCount(), 'workers');
    this.memoryPollMs = options.memoryPollMs ?? DEFAULT_MEMORY_POLL_MS;
    this.startupTimeoutSeconds = options.startupTimeoutSeconds ?? DEFAULT_STARTUP_TIMEOUT_SECONDS;
    const memoryMb = options.memoryMb ?? DEFAULT_MEMORY_MB;
    this.latestMemoryMb = memoryMb;
    const { resampling, context, scorer } = options.data;
    this.init = {
      evaluatorUrl: String(options.evaluatorModule ?? DEFAULT_EVALUATOR),
      resampling: withSharedArrays(resampling),
      context,
      metric: scorer.name,
      task: context.task,
      backend: options.backend ?? 'auto',
    };
    // Started now so that loading modules overlaps with the caller's own setup.
    for (let i = 0; i < this.concurrency; i++) this.spawn(memoryMb);
  }

  run(config: Configuration, seed: number, limits: TrialLimits, setup?: TrialSetup): Promise<TrialOutcome> {
    if (this.closed) return Promise.resolve(failedOutcome('CRASHED', 'the trial runner is closed', 0));
    const invalid = checkLimits(limits);
    if (invalid !== undefined) return Promise.resolve(failedOutcome('CRASHED', invalid, 0));
    if (limits.signal?.aborted === true) return Promise.resolve(failedOutcome('TIMEOUT', 'stopped before it started: the search deadline has passed', 0));
    return new Promise((resolve) => {
      const job: Job = {
        config, seed, limits, setup, resolve, detach: () => {}, done: false,
        worker: undefined, footprintAtStart: 0, startedAt: 0, faults: null,
      };
      const signal = limits.signal;
      if (signal !== undefined) {
        const onAbort = (): void => this.abort(job);
        signal.addEventListener('abort', onAbort, { once: true });
        job.detach = () => signal.removeEventListener('abort', onAbort);
      }
      this.latestMemoryMb = limits.memoryMb;
      this.queue.push(job);
      this.dispatch();
    });
  }

  /**
   * Resolves once no worker is starting or being stopped, i.e. every slot holds a worker ready for
   * a trial (or one failed to start). Handy before timing trials.
   */
  ready(): Promise<void> {
    return new Promise((resolve) => {
      this.readyWaiters.push(resolve);
      this.changed();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) this.finish(job, failedOutcome('CRASHED', 'the trial runner was closed', 0));
    const exits = [...this.workers].map((worker) => worker.exited);
    for (const worker of this.workers) worker.stop({ status: 'CRASHED', error: 'the trial runner was closed' });
    this.pollMemory();
    await Promise.all(exits);
  }

  /** Gives queued jobs to idle workers, starting or replacing workers within the concurrency. */
  private dispatch(): void {
    if (this.closed) return;
    const starting = new Map<number, number>();
    for (const worker of this.workers) {
      if (worker.state === 'starting') starting.set(worker.memoryMb, (starting.get(worker.memoryMb) ?? 0) + 1);
    }
    let index = 0;
    while (index < this.queue.length) {
      const job = this.queue[index]!;
      const memoryMb = job.limits.memoryMb;
      const idle = this.findWorker((w) => w.state === 'idle' && w.memoryMb === memoryMb);
      if (idle !== undefined) {
        this.queue.splice(index, 1);
        this.start(job, idle);
        continue;
      }
      const claimable = starting.get(memoryMb) ?? 0;
      if (claimable > 0) {
        // A worker with this budget is on its way: the job waits for it.
        starting.set(memoryMb, claimable - 1);
        index++;
      } else if (this.workers.size < this.concurrency) {
        const failure = this.spawn(memoryMb);
        if (failure === undefined) {
          index++;
        } else {
          this.queue.splice(index, 1);
          this.finish(job, failedOutcome('CRASHED', `could not start a trial worker: ${failure}`, 0));
        }
      } else {
        // Every slot is taken; an idle worker with another budget makes room for one with this budget.
        const other = this.findWorker((w) => w.state === 'idle');
        if (other === undefined) break;
        other.stop({ status: 'CRASHED', error: 'replaced by a worker with another memory budget' });
        index++;
      }
    }
  }

  /**
   * Starts a worker in place of one that ended, before any trial asks for it: loading the modules
   * takes a second or two, which then overlaps with the search proposing its next configuration.
   */
  private replace(): void {
    if (!this.closed && this.workers.size < this.concurrency) this.spawn(this.latestMemoryMb);
  }

  /** Starts a worker; returns why it could not be created, if it could not. */
  private spawn(memoryMb: number): string | undefined {
    try {
      this.workers.add(new PoolWorker(this.init, memoryMb, this.events, this.startupTimeoutSeconds));
      return undefined;
    } catch (error) {
      return errorMessage(error);
    }
  }

  private start(job: Job, worker: PoolWorker): void {
    job.worker = worker;
    job.footprintAtStart = workersFootprint();
    job.startedAt = nowSeconds();
    const faults = threadMinorFaults(worker.osThreadId);
    job.faults = null;
    if (faults !== null) {
      job.faults = new RecentFaults();
      job.faults.record(job.startedAt, faults);
    }
    this.running.set(worker, job);
    this.pollMemory();
    void worker.run(job.config, job.seed, job.limits.timeSeconds, job.setup).then((outcome) => {
      // The worker may already run its next job by now.
      if (this.running.get(worker) === job) this.running.delete(worker);
      this.finish(job, outcome);
      this.pollMemory();
    });
  }

  private finish(job: Job, outcome: TrialOutcome): void {
    if (job.done) return;
    job.done = true;
    job.detach();
    job.resolve(outcome);
  }

  private abort(job: Job): void {
    const queued = this.queue.indexOf(job);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
      this.finish(job, failedOutcome('TIMEOUT', 'stopped before it started: the search deadline has passed', 0));
    } else if (job.worker !== undefined && this.running.get(job.worker) === job) {
      job.worker.stop({ status: 'TIMEOUT', error: 'stopped at the search deadline' });
    }
  }

  private startFailed(worker: PoolWorker, error: string): void {
    // Workers fail to start for reasons every worker shares (a missing module...): the first job
    // waiting for such a worker reports it instead of waiting for a retry that fails the same way.
    const index = this.queue.findIndex((job) => job.limits.memoryMb === worker.memoryMb);
    if (index >= 0) {
      const [job] = this.queue.splice(index, 1);
      this.finish(job!, failedOutcome('CRASHED', `the trial worker failed to start: ${error}`, 0));
    }
  }

  private changed(): void {
    this.dispatch();
    if (this.findWorker((w) => w.state === 'starting' || w.state === 'stopping') === undefined) {
      for (const resolve of this.readyWaiters.splice(0)) resolve();
    }
  }

  private findWorker(test: (worker: PoolWorker) => boolean): PoolWorker | undefined {
    for (const worker of this.workers) if (test(worker)) return worker;
    return undefined;
  }

  /** Polls memory while trials run, and only then. */
  private pollMemory(): void {
    const wanted = this.memoryPollMs > 0 && this.running.size > 0 && !this.closed;
    if (wanted && this.memoryTimer === undefined) {
      this.memoryTimer = setInterval(() => this.checkMemory(), this.memoryPollMs);
      this.memoryTimer.unref();
    } else if (!wanted && this.memoryTimer !== undefined) {
      clearInterval(this.memoryTimer);
      this.memoryTimer = undefined;
    }
  }

  /**
   * A worker that starts adds its modules to the process, and one that ends may leave its memory
   * with the allocator rather than return it (glibc keeps freed arena memory for reuse): neither
   * belongs to the trials running meanwhile, so their growth is measured afresh from here. This
   * forgives what they grew before; a trial that keeps growing still crosses its budget again.
   */
  private rebaseMemory(): void {
    if (this.running.size === 0) return;
    const footprint = workersFootprint();
    for (const job of this.running.values()) job.footprintAtStart = footprint;
  }

  private checkMemory(): void {
    // A thread being stopped has not released its memory yet; judging now would blame a neighbour.
    if (this.findWorker((w) => w.state === 'stopping') !== undefined) return;
    const now = nowSeconds();
    const watched: WatchedTrial<PoolWorker>[] = [];
    for (const [worker, job] of this.running) {
      const faults = threadMinorFaults(worker.osThreadId);
      watched.push({
        key: worker,
        memoryMb: job.limits.memoryMb,
        footprintAtStart: job.footprintAtStart,
        startedAt: job.startedAt,
        recentFaults: faults === null || job.faults === null ? null : job.faults.record(now, faults),
      });
    }
    const over = findOverBudget(watched, workersFootprint());
    if (over === null) return;
    const job = this.running.get(over.culprit);
    const grown = `memory grew by ${Math.round(over.growthMb)} MB`;
    const error = watched.length === 1
      ? `exceeded the memory limit of ${job?.limits.memoryMb} MB (${grown})`
      : `exceeded the memory limit: ${grown} while ${watched.length} trials ran, over their joint ${over.allowanceMb} MB`;
    over.culprit.stop({ status: 'MEMOUT', error });
  }
}
