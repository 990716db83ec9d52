/** Trial execution: in-process, or isolated in worker threads with time and memory limits. */
export type { TrialEvaluator, TrialLimits, TrialRunner, TrialSetup } from './trial-runner.ts';
export { InProcessRunner } from './in-process-runner.ts';
export { WorkerPoolRunner, defaultWorkerCount, DEFAULT_MEMORY_MB, type WorkerPoolOptions } from './worker-pool-runner.ts';
