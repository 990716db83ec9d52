/**
 * One batch job run on the queue (`automl batch --queue`): the same attempt as a local job
 * (run-job.ts) — the folder is prepared, earlier attempts become the warm start — but the fit
 * runs on a worker. The job's input files go to Redis, the worker sends back the model and the
 * attempt's run directory, and they are written into the job folder here, atomically, where a
 * local job writes them; the report and the summary follow as for a local job. So `summary`,
 * reruns and resume read the folder the same way whichever ran the fit.
 *
 * A job whose worker was lost twice (killed, or cut off from Redis) is recorded failed, with
 * error code WORKER_LOST, and is retried by the next run of the batch.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { batchJobId, INPUT, OUTPUT, type BatchJobData } from '../distributed/batch-job.ts';
import type { BatchQueueClient } from '../distributed/batch-client.ts';
import { readFolder, subBundle, writeFolder, type FileBundle } from '../distributed/file-bundle.ts';
import { loadModel } from '../export/model.ts';
import { RUN_FILE, TRIALS_FILE } from '../search/run-log.ts';
import { writeFileAtomic } from '../util/atomic-write.ts';
import { AutoMLError, errorMessage } from '../util/errors.ts';
import type { Logger } from '../util/log.ts';
import { jobFingerprint, type JobFolder } from './job-folder.ts';
import { attemptSettings, doneSummary, failedSummary, planAttempt, summaryBase, writeJobReport, writeJobSummary, type JobPlan } from './run-job.ts';
import type { JobSummary } from './summary.ts';

/** Reads a file the job needs, as the local fit would fail on it: FILE_NOT_FOUND when absent. */
function inputFile(path: string, what: string): Buffer {
  try {
    return readFileSync(path);
  } catch {
    throw new AutoMLError('FILE_NOT_FOUND', `${what} ${path} does not exist or cannot be read`);
  }
}

/** The files the worker needs: the data under its own name, the space file, the warm-start run. */
function jobInputs(folder: JobFolder, plan: JobPlan): FileBundle {
  const job = folder.job;
  const bundle: FileBundle = { [`${INPUT.data}${basename(job.data)}`]: inputFile(job.data, 'the data file') };
  if (job.space !== undefined) bundle[INPUT.space] = inputFile(job.space, 'the space file');
  const from = plan.warmStartFrom;
  if (from !== undefined) {
    if (existsSync(from) && statSync(from).isDirectory()) Object.assign(bundle, readFolder(from, INPUT.warmStart));
    else {
      // A trials.jsonl path: the log and the run description beside it.
      bundle[`${INPUT.warmStart}${TRIALS_FILE}`] = inputFile(from, 'the warm-start run log');
      const description = join(dirname(from), RUN_FILE);
      if (existsSync(description)) bundle[`${INPUT.warmStart}${RUN_FILE}`] = readFileSync(description);
    }
  }
  return bundle;
}

export async function runJobOnQueue(folder: JobFolder, client: BatchQueueClient, logger: Logger): Promise<JobSummary> {
  const job = folder.job;
  const plan = planAttempt(folder);
  const base = summaryBase(folder, plan);
  if (plan.earlierTrials.length > 0) logger.info(`resuming (attempt ${plan.attempt}) from ${plan.earlierTrials.length} earlier trials with ${plan.timeBudget} s`);
  let summary: JobSummary;
  try {
    const inputHash = await client.storeInputs(jobInputs(folder, plan));
    const data: BatchJobData = { name: job.name, inputHash, ...attemptSettings(job, plan) };
    const outcome = await client.run(batchJobId(jobFingerprint(job), inputHash), data, logger);
    if (outcome.kind === 'lost') {
      summary = failedSummary(base, `its worker was lost twice (${outcome.reason}); rerun the batch to retry it`, 'WORKER_LOST');
    } else {
      const { result, outputs } = outcome;
      logger.info(`${outcome.adopted ? 'result of the earlier run\'s job' : 'ran'} on worker ${result.worker}`);
      writeFolder(folder.attemptDir(plan.attempt), subBundle(outputs, OUTPUT.run));
      const model = outputs[OUTPUT.model];
      if (result.status === 'done' && model !== undefined) {
        writeFileAtomic(folder.modelPath, model);
        summary = doneSummary(base, loadModel(folder.modelPath), folder.modelPath, writeJobReport(folder, plan, logger));
      } else {
        summary = failedSummary(base, result.error ?? 'the worker sent no model', result.errorCode ?? 'INTERNAL');
      }
    }
  } catch (error) {
    summary = failedSummary(base, errorMessage(error), error instanceof AutoMLError ? error.code : 'INTERNAL');
  }
  writeJobSummary(folder, summary);
  return summary;
}
