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

export async function runJob(folder: JobFolder, logger: Logger): Promise<JobSummary> {
  const job = folder.job;
  const plan = planAttempt(folder);
  const runDir = folder.attemptDir(plan.attempt);
  const base = {
    name: job.name,
    fingerprint: jobFingerprint(job),
    data: job.data,
    target: job.target,
    earlier_trials: plan.earlierTrials.length,
    attempts: plan.attempt,
    time_budget: job.time,
    attempt_budget: round(plan.timeBudget),
    run_dir: runDir,
  };
  if (plan.earlierTrials.length > 0) {
    logger.info(`resuming (attempt ${plan.attempt}) from ${plan.earlierTrials.length} earlier trials with ${round(plan.timeBudget)} s`);
  }
  let summary: JobSummary;
  try {
    const options: FitOptions = {
      target: job.target,
      timeBudget: plan.timeBudget,
      runDir,
      logger,
      ...(job.task === undefined ? {} : { task: job.task }),
      ...(job.metric === undefined ? {} : { metric: job.metric }),
      ...(job.seed === undefined ? {} : { seed: job.seed }),
      ...(job.space === undefined ? {} : { space: job.space }),
      ...(job.ensembleSize === undefined ? {} : { ensembleSize: job.ensembleSize }),
      ...(plan.maxTrials === undefined ? {} : { maxTrials: plan.maxTrials }),
      ...(job.workers === undefined ? {} : { workers: job.workers }),
      ...(plan.warmStartFrom === undefined ? {} : { warmStartFrom: plan.warmStartFrom }),
    };
    const model = await fit(job.data, options);
    model.save(folder.modelPath);
    let report: string | null = folder.reportPath;
    try {
      writeFileAtomic(folder.reportPath, renderReport(withEarlierTrials(loadReportData(runDir), plan)));
    } catch (error) {
      logger.warn(`report not written: ${errorMessage(error)}`);
      report = null;
    }
    const s = model.artifact.summary;
    const trials = s['trials'];
    summary = {
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
      model: folder.modelPath,
      report,
      error: null,
      error_code: null,
    };
  } catch (error) {
    if (isAutoMLError(error) && error.code === 'INTERNAL') logger.warn(errorMessage(error));
    summary = {
      ...base,
      status: 'failed',
      ...NO_RESULT,
      finished_at: new Date().toISOString(),
      error: errorMessage(error),
      error_code: error instanceof AutoMLError ? error.code : 'INTERNAL',
    };
  }
  // Last step: the summary marks the job finished for a later rerun of the batch.
  writeFileAtomic(folder.summaryPath, `${JSON.stringify(summary, null, 2)}\n`);
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
