/** Batch AutoML jobs from a JSON or YAML spec, resumable after a kill. */
export { runBatch, defaultBatchOut } from './run-batch.ts';
export type { BatchOptions } from './run-batch.ts';
export { validateBatchSpec } from './spec.ts';
export type { BatchJob, BatchSpec } from './spec.ts';
export { readBatchSpecFile } from './read-spec.ts';
export type { BatchSummary, JobSummary, JobStatus } from './summary.ts';
