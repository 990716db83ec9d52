/**
 * One batch job: a fit into the job's folder, resumed from earlier attempts when there are any.
 *
 * Resume: the trials of every earlier, interrupted attempt are merged into `resume/` and the new
 * attempt warm-starts from them (fit option `warmStartFrom`), so they seed the optimiser's model
 * and are not proposed again. The new attempt gets what is left of the job's budget — the budget
 * minus the search seconds the earlier attempts reached — but at least a quarter of it, so a job
 * killed near its end still has time to search a little, refit and ensemble. `maxTrials` likewise
 * counts the earlier trials, with at least one new trial.
 */
import type { FitOptions } from '../api/options.ts';
import { fit } from '../api/fit.ts';
import { loadReportData } from '../report/html/write.ts';
import { renderReport } from '../report/html/render.ts';
import { toReportTrial, type ReportData } from '../report/html/report-data.ts';
import type { TrialRecord } from '../search/trial.ts';
import { writeFileAtomic } from '../util/atomic-write.ts';
import { AutoMLError, errorMessage, isAutoMLError } from '../util/errors.ts';
import type { Logger } from '../util/log.ts';
import type { JsonValue } from '../util/json.ts';
import { jobFingerprint, type JobFolder } from './job-folder.ts';
import type { BatchJob } from './spec.ts';
import type { AutoMLModel } from '../export/model.ts';
import { NO_RESULT, type JobSummary } from './summary.ts';

/** Share of the budget a resumed attempt always gets. */
export const MIN_RESUME_SHARE = 0.25;

export interface JobPlan {
  readonly attempt: number;
  readonly timeBudget: number;
  readonly maxTrials: number | undefined;
  readonly earlierTrials: readonly TrialRecord[];
  /** Search seconds of the earlier attempts, where this attempt's clock starts in the report. */
  readonly earlierSeconds: number;
  /** Run log the attempt warm-starts from: the merged earlier attempts, or the user's own source. */
  readonly warmStartFrom: string | undefined;
}

export function planAttempt(folder: JobFolder): JobPlan {
  const job = folder.job;
  const attempt = folder.prepare();
  const earlier = folder.earlierAttempts(attempt);
  if (earlier.trials.length === 0) {
    return { attempt, timeBudget: job.time, maxTrials: job.maxTrials, earlierTrials: [], earlierSeconds: 0, warmStartFrom: job.warmStartFrom };
  }
  const timeBudget = Math.max(job.time - earlier.searchSeconds, job.time * MIN_RESUME_SHARE);
  const maxTrials = job.maxTrials === undefined ? undefined : Math.max(1, job.maxTrials - earlier.trials.length);
  // The earlier attempts started from the user's warm-start source, so their trials carry it on.
  return { attempt, timeBudget, maxTrials, earlierTrials: earlier.trials, earlierSeconds: earlier.searchSeconds, warmStartFrom: folder.writeResumeLog(earlier) };
}

/** What every summary of an attempt says, whatever its outcome. */
export type SummaryBase = Pick<JobSummary, 'name' | 'fingerprint' | 'data' | 'target' | 'earlier_trials' | 'attempts' | 'time_budget' | 'attempt_budget' | 'run_dir'>;

export function summaryBase(folder: JobFolder, plan: JobPlan): SummaryBase {
  const job = folder.job;
  return {
    name: job.name,
    fingerprint: jobFingerprint(job),
    data: job.data,
    target: job.target,
    earlier_trials: plan.earlierTrials.length,
    attempts: plan.attempt,
    time_budget: job.time,
    attempt_budget: round(plan.timeBudget),
    run_dir: folder.attemptDir(plan.attempt),
  };
}

/**
 * The settings of an attempt that are plain values (no paths), shared by a local attempt's fit
 * options and a queued job's payload.
 */
export function attemptSettings(job: BatchJob, plan: JobPlan) {
  return {
    target: job.target,
    timeBudget: plan.timeBudget,
    ...(job.task === undefined ? {} : { task: job.task }),
    ...(job.metric === undefined ? {} : { metric: job.metric }),
    ...(job.seed === undefined ? {} : { seed: job.seed }),
    ...(job.ensembleSize === undefined ? {} : { ensembleSize: job.ensembleSize }),
    ...(plan.maxTrials === undefined ? {} : { maxTrials: plan.maxTrials }),
    ...(job.workers === undefined ? {} : { workers: job.workers }),
    ...(job.encoding === undefined ? {} : { encoding: job.encoding }),
  };
}

/** The fit settings of an attempt (the data path is fit's first argument). */
export function attemptFitOptions(job: BatchJob, plan: JobPlan, runDir: string, logger: Logger): FitOptions {
  return {
    ...attemptSettings(job, plan),
    runDir,
    logger,
    ...(job.space === undefined ? {} : { space: job.space }),
    ...(plan.warmStartFrom === undefined ? {} : { warmStartFrom: plan.warmStartFrom }),
  };
}

/**
 * Writes the job's report from its attempt's run directory (with the earlier attempts' trials);
 * returns its path, or null when it could not be written (the job is done all the same).
 */
export function writeJobReport(folder: JobFolder, plan: JobPlan, logger: Logger): string | null {
  try {
    writeFileAtomic(folder.reportPath, renderReport(withEarlierTrials(loadReportData(folder.attemptDir(plan.attempt)), plan)));
    return folder.reportPath;
  } catch (error) {
    logger.warn(`report not written: ${errorMessage(error)}`);
    return null;
  }
}

export function doneSummary(base: SummaryBase, model: AutoMLModel, modelPath: string, report: string | null): JobSummary {
  const s = model.artifact.summary;
  const trials = s['trials'];
  return {
    ...base,
    status: 'done',
    task: model.task,
    metric: model.artifact.metric,
    validation_score: model.artifact.validationScore,
    best_single_score: numberOrNull(s['best_validation_score']),
    best_algorithm: typeof s['best_algorithm'] === 'string' ? s['best_algorithm'] : null,
    ensemble_size: model.artifact.members.length,
    trials: isRecord(trials) ? numberOrNull(trials['total']) : null,
    search_seconds: numberOrNull(s['search_seconds']),
    elapsed_seconds: numberOrNull(s['elapsed_seconds']),
    finished_at: new Date().toISOString(),
    model: modelPath,
    report,
    error: null,
    error_code: null,
  };
}

export function failedSummary(base: SummaryBase, error: string, errorCode: string): JobSummary {
  return { ...base, status: 'failed', ...NO_RESULT, finished_at: new Date().toISOString(), error, error_code: errorCode };
}

/** Last step of every attempt: the summary marks the job finished for a later rerun of the batch. */
export function writeJobSummary(folder: JobFolder, summary: JobSummary): void {
  writeFileAtomic(folder.summaryPath, `${JSON.stringify(summary, null, 2)}\n`);
}

export async function runJob(folder: JobFolder, logger: Logger): Promise<JobSummary> {
  const job = folder.job;
  const plan = planAttempt(folder);
  const runDir = folder.attemptDir(plan.attempt);
  const base = summaryBase(folder, plan);
  if (plan.earlierTrials.length > 0) {
    logger.info(`resuming (attempt ${plan.attempt}) from ${plan.earlierTrials.length} earlier trials with ${round(plan.timeBudget)} s`);
  }
  let summary: JobSummary;
  try {
    const model = await fit(job.data, attemptFitOptions(job, plan, runDir, logger));
    model.save(folder.modelPath);
    summary = doneSummary(base, model, folder.modelPath, writeJobReport(folder, plan, logger));
  } catch (error) {
    if (isAutoMLError(error) && error.code === 'INTERNAL') logger.warn(errorMessage(error));
    summary = failedSummary(base, errorMessage(error), error instanceof AutoMLError ? error.code : 'INTERNAL');
  }
  writeJobSummary(folder, summary);
  return summary;
}

/**
 * The job's report shows its whole search: the earlier attempts' trials (as numbered in resume/)
 * and this attempt's on one clock. Leaderboard and members keep the ids of model.json.
 */
function withEarlierTrials(data: ReportData, plan: JobPlan): ReportData {
  if (plan.earlierTrials.length === 0) return data;
  const earlier = plan.earlierTrials.map(toReportTrial);
  const current = data.trials.map((t) => ({ ...t, finishedAt: t.finishedAt + plan.earlierSeconds }));
  return { ...data, trials: [...earlier, ...current] };
}

function isRecord(value: JsonValue | undefined): value is { [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function numberOrNull(value: JsonValue | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function round(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}
