/** The per-job result and the batch summary table (summary.json + summary.csv in the output folder). */
import { join } from 'node:path';
import { writeFileAtomic } from '../util/atomic-write.ts';

export type JobStatus = 'done' | 'failed' | 'pending';

export interface JobSummary {
  readonly name: string;
  readonly status: JobStatus;
  readonly fingerprint: string;
  readonly data: string;
  readonly target: string;
  readonly task: string | null;
  readonly metric: string | null;
  /** Validation score of the final ensemble (metric's own direction). */
  readonly validation_score: number | null;
  readonly best_single_score: number | null;
  readonly best_algorithm: string | null;
  readonly ensemble_size: number | null;
  /** Trials of the last attempt's search. */
  readonly trials: number | null;
  /** Trials finished by earlier, interrupted attempts (warm start of the last one). */
  readonly earlier_trials: number;
  readonly attempts: number;
  readonly time_budget: number;
  /** Budget given to the last attempt (less than time_budget when it resumed). */
  readonly attempt_budget: number | null;
  readonly search_seconds: number | null;
  readonly elapsed_seconds: number | null;
  readonly finished_at: string | null;
  readonly model: string | null;
  readonly report: string | null;
  readonly run_dir: string | null;
  readonly error: string | null;
  readonly error_code: string | null;
}

/** The result fields of a job that has no fitted model (pending, or failed). */
export const NO_RESULT = {
  task: null,
  metric: null,
  validation_score: null,
  best_single_score: null,
  best_algorithm: null,
  ensemble_size: null,
  trials: null,
  search_seconds: null,
  elapsed_seconds: null,
  model: null,
  report: null,
} as const satisfies Partial<JobSummary>;

export interface BatchSummary {
  readonly out: string;
  readonly jobs: readonly JobSummary[];
  readonly counts: { readonly done: number; readonly failed: number; readonly pending: number };
  /** Jobs found finished from an earlier invocation and not rerun. */
  readonly reused: readonly string[];
  readonly elapsed_seconds: number;
}

export const SUMMARY_JSON = 'summary.json';
export const SUMMARY_CSV = 'summary.csv';

const CSV_COLUMNS = [
  'name', 'status', 'task', 'metric', 'validation_score', 'best_single_score', 'best_algorithm', 'ensemble_size', 'trials',
  'earlier_trials', 'attempts', 'time_budget', 'search_seconds', 'elapsed_seconds', 'finished_at', 'model', 'report', 'error',
] as const;

function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function summaryCsv(jobs: readonly JobSummary[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const job of jobs) lines.push(CSV_COLUMNS.map((c) => csvCell(job[c])).join(','));
  return `${lines.join('\n')}\n`;
}

export function writeBatchSummary(summary: BatchSummary): void {
  writeFileAtomic(join(summary.out, SUMMARY_JSON), `${JSON.stringify(summary, null, 2)}\n`);
  writeFileAtomic(join(summary.out, SUMMARY_CSV), summaryCsv(summary.jobs));
}

export function countStatuses(jobs: readonly JobSummary[]): BatchSummary['counts'] {
  const count = (status: JobStatus) => jobs.filter((j) => j.status === status).length;
  return { done: count('done'), failed: count('failed'), pending: count('pending') };
}
