/**
 * One trial worker thread as the pool sees it. It runs one trial at a time, enforces that trial's
 * time limit, and turns every way the thread can end — an outcome, an uncaught error, the V8 heap
 * limit, an unexpected exit, termination by the pool — into exactly one settled outcome.
 */
import { Worker } from 'node:worker_threads';
import type { Configuration } from '../../space/index.ts';
import type { TrialOutcome } from '../evaluate-trial.ts';
import { nowSeconds } from '../../util/clock.ts';
import { errorMessage } from '../../util/errors.ts';
import type { TrialRequest, WorkerInit, WorkerMessage } from './protocol.ts';
import { failedOutcome, type TrialSetup } from './trial-runner.ts';

const ENTRY = new URL('./worker-entry.js', import.meta.url);

/**
 * The V8 heap limit sits well above the trial's budget: the memory guard is meant to stop a trial
 * first, because a single allocation of more than ~16 MB that crosses a worker's heap limit
 * aborts the whole process on Node 20 instead of ending only the worker. The limit still ends
 * runaway JS-heap growth in small steps, per worker, when the guard is off or a neighbour's
 * unused budget lets the trial grow further. The base covers the modules every worker loads.
 * A --max-old-space-size given to the process (V8 flags are process-wide) overrides this limit.
 */
const HEAP_LIMIT_FACTOR = 2;
const HEAP_BASE_MB = 64;

/** Terminating waits for running JavaScript to yield; a thread stuck in native code is abandoned after this. */
const EXIT_GRACE_MS = 5000;
/** setTimeout fires at once for delays above this, so longer limits are not timed at all. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export function heapLimitMb(memoryMb: number): number {
  return Math.ceil(HEAP_BASE_MB + HEAP_LIMIT_FACTOR * memoryMb);
}

export type WorkerState = 'starting' | 'idle' | 'busy' | 'stopping' | 'exited';

export interface PoolWorkerEvents {
  /** The thread finished loading; onIdle follows. */
  onStarted(worker: PoolWorker): void;
  /** The worker can take a trial: it just started, or its trial just finished. */
  onIdle(worker: PoolWorker): void;
  /** The worker ended before it could take any trial. */
  onStartFailed(worker: PoolWorker, error: string): void;
  /** The thread is gone (or abandoned): its slot is free and its memory released. */
  onExit(worker: PoolWorker): void;
}

export interface StopReason {
  readonly status: 'TIMEOUT' | 'MEMOUT' | 'CRASHED';
  readonly error: string;
}

interface RunningTrial {
  readonly id: number;
  readonly startedAt: number;
  readonly resolve: (outcome: TrialOutcome) => void;
  timer: NodeJS.Timeout | undefined;
}

function errorCode(error: unknown): unknown {
  return typeof error === 'object' && error !== null ? Reflect.get(error, 'code') : undefined;
}

export class PoolWorker {
  private currentState: WorkerState = 'starting';
  private readonly thread: Worker;
  private trial: RunningTrial | undefined;
  private nextTrialId = 1;
  private startupTimer: NodeJS.Timeout | undefined;
  private graceTimer: NodeJS.Timeout | undefined;
  private markExited: () => void = () => {};
  /** Whether the thread ever finished starting. */
  wasReady = false;
  /** Linux id of the thread, once it reported ready (null elsewhere). */
  osThreadId: number | null = null;
  /** Resolves when the thread has exited or was abandoned. */
  readonly exited: Promise<void>;

  /** Throws if the thread cannot be created at all (the pool turns that into a failed trial). */
  constructor(
    init: WorkerInit,
    readonly memoryMb: number,
    private readonly events: PoolWorkerEvents,
    startupTimeoutSeconds: number,
  ) {
    this.exited = new Promise((resolve) => {
      this.markExited = resolve;
    });
    this.thread = new Worker(ENTRY, {
      workerData: init,
      // The entry registers the TypeScript loader itself; inheriting the parent's flags would load
      // it twice when the parent runs under the tsx CLI.
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: heapLimitMb(memoryMb) },
    });
    this.thread.on('message', (message: WorkerMessage) => this.onMessage(message));
    this.thread.on('error', (error) => this.onError(error));
    this.thread.on('messageerror', (error) => this.onError(error));
    this.thread.on('exit', (code) => this.onExit(code));
    this.startupTimer = setTimeout(() => this.failStart(`did not start within ${startupTimeoutSeconds} s`), startupTimeoutSeconds * 1000);
    this.startupTimer.unref();
  }

  get state(): WorkerState {
    return this.currentState;
  }

  /** Runs one trial; only called while idle. Resolves whatever happens to the thread. */
  run(config: Configuration, seed: number, timeSeconds: number, setup?: TrialSetup): Promise<TrialOutcome> {
    return new Promise((resolve) => {
      const trial: RunningTrial = { id: this.nextTrialId++, startedAt: nowSeconds(), resolve, timer: undefined };
      this.trial = trial;
      this.currentState = 'busy';
      // A busy worker keeps the process alive until its outcome arrives; an idle one does not.
      this.thread.ref();
      const request: TrialRequest = { type: 'trial', id: trial.id, config, seed, ...(setup === undefined ? {} : { setup }) };
      try {
        this.thread.postMessage(request);
      } catch (error) {
        this.settle(failedOutcome('CRASHED', `could not send the trial to its worker: ${errorMessage(error)}`, 0));
        // Later, not inside the pool's dispatch that called run().
        queueMicrotask(() => this.becomeIdle());
        return;
      }
      const delayMs = timeSeconds * 1000;
      if (delayMs <= MAX_TIMER_MS) {
        trial.timer = setTimeout(() => this.stop({ status: 'TIMEOUT', error: `exceeded the time limit of ${timeSeconds} s` }), delayMs);
      }
    });
  }

  /** Terminates the thread; a running trial settles at once with the given reason. */
  stop(reason: StopReason): void {
    if (this.currentState === 'stopping' || this.currentState === 'exited') return;
    this.settleFailed(reason.status, reason.error);
    this.currentState = 'stopping';
    clearTimeout(this.startupTimer);
    this.thread.terminate().catch(() => {});
    this.graceTimer = setTimeout(() => this.finish(), EXIT_GRACE_MS);
    this.graceTimer.unref();
  }

  private onMessage(message: WorkerMessage): void {
    if (message.type === 'ready' && this.currentState === 'starting') {
      clearTimeout(this.startupTimer);
      this.osThreadId = message.osThreadId;
      this.wasReady = true;
      this.events.onStarted(this);
      this.becomeIdle();
    } else if (message.type === 'outcome' && this.trial?.id === message.id) {
      this.settle(message.outcome);
      this.becomeIdle();
    }
  }

  private onError(error: unknown): void {
    if (this.currentState === 'starting') {
      this.failStart(errorMessage(error));
      return;
    }
    if (errorCode(error) === 'ERR_WORKER_OUT_OF_MEMORY') {
      this.settleFailed('MEMOUT', `exceeded the memory limit: the JS heap reached its cap of ${heapLimitMb(this.memoryMb)} MB`);
    } else {
      this.settleFailed('CRASHED', errorMessage(error));
    }
    // The thread is ending by itself; stop() only makes sure it does.
    this.stop({ status: 'CRASHED', error: errorMessage(error) });
  }

  private onExit(code: number): void {
    if (this.currentState === 'starting') this.failStart(`exited with code ${code} while starting`);
    this.settleFailed('CRASHED', `the worker exited unexpectedly with code ${code}`);
    this.finish();
  }

  private failStart(error: string): void {
    if (this.currentState !== 'starting') return;
    this.stop({ status: 'CRASHED', error });
    this.events.onStartFailed(this, error);
  }

  private becomeIdle(): void {
    this.currentState = 'idle';
    this.thread.unref();
    this.events.onIdle(this);
  }

  private settleFailed(status: StopReason['status'], error: string): void {
    if (this.trial !== undefined) this.settle(failedOutcome(status, error, nowSeconds() - this.trial.startedAt));
  }

  private settle(outcome: TrialOutcome): void {
    const trial = this.trial;
    if (trial === undefined) return;
    this.trial = undefined;
    clearTimeout(trial.timer);
    trial.resolve(outcome);
  }

  private finish(): void {
    if (this.currentState === 'exited') return;
    this.currentState = 'exited';
    clearTimeout(this.startupTimer);
    clearTimeout(this.graceTimer);
    // An abandoned thread must not keep the process alive.
    this.thread.unref();
    this.markExited();
    this.events.onExit(this);
  }
}
