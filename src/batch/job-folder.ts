/**
 * The folder of one batch job and what it says about the job's progress:
 *
 *   <out>/<name>/job.json            the job as specified (and its fingerprint), written first
 *   <out>/<name>/runs/attempt-N/     run log of each attempt (run.json, trials.jsonl, report data)
 *   <out>/<name>/resume/             trials of all earlier attempts, the warm start of a resumed attempt
 *   <out>/<name>/model.json          the model artifact
 *   <out>/<name>/report.html         the HTML report
 *   <out>/<name>/summary.json        the job's result, written last: its presence marks the job finished
 *
 * Every file is written atomically, so after a kill each is either absent or complete.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { readTrials, RUN_FILE, trialLine, TRIALS_FILE } from '../search/run-log.ts';
import { copyStoredPrediction, predictionPath, PREDICTIONS_DIR } from '../search/prediction-store.ts';
import type { TrialRecord } from '../search/trial.ts';
import { isFinalCandidate } from '../search/fidelity/final-candidate.ts';
import { writeFileAtomic } from '../util/atomic-write.ts';
import type { BatchJob } from './spec.ts';
import type { JobSummary } from './summary.ts';

export const JOB_FILE = 'job.json';
export const MODEL_FILE = 'model.json';
export const REPORT_FILE = 'report.html';
export const SUMMARY_FILE = 'summary.json';

/** Identity of a job's settings: a finished job is reused only while its spec entry is unchanged. */
export function jobFingerprint(job: BatchJob): string {
  // Worker count changes speed, not what is searched, so it does not invalidate earlier work.
  const { workers: _workers, ...settings } = job;
  const canonical = JSON.stringify(Object.fromEntries(Object.entries(settings).sort(([a], [b]) => a.localeCompare(b))));
  return createHash('sha256').update(canonical).digest('hex').slice(0, 16);
}

export interface EarlierAttempts {
  readonly count: number;
  /**
   * Trials of all earlier attempts, without repeats of a configuration, renumbered in order from 1, with
   * `finishedAt` counted from the start of the first attempt's search.
   */
  readonly trials: readonly TrialRecord[];
  /** Where each of `trials` came from (same order): its attempt's run directory and id there. */
  readonly origins: readonly { readonly runDir: string; readonly id: number }[];
  /** Search seconds the earlier attempts reached (the last finished trial of each). */
  readonly searchSeconds: number;
  /** run.json of the latest attempt that wrote one. */
  readonly runDescription: string | undefined;
}

export class JobFolder {
  readonly dir: string;

  constructor(out: string, readonly job: BatchJob) {
    this.dir = join(out, job.name);
  }

  get modelPath(): string {
    return join(this.dir, MODEL_FILE);
  }

  get reportPath(): string {
    return join(this.dir, REPORT_FILE);
  }

  get summaryPath(): string {
    return join(this.dir, SUMMARY_FILE);
  }

  get resumeDir(): string {
    return join(this.dir, 'resume');
  }

  attemptDir(n: number): string {
    return join(this.dir, 'runs', `attempt-${n}`);
  }

  /** The recorded result, when the job finished (successfully or not) with the current settings. */
  finished(): JobSummary | undefined {
    const summary = readJson(this.summaryPath) as JobSummary | undefined;
    if (summary === undefined || summary.fingerprint !== jobFingerprint(this.job)) return undefined;
    if (summary.status === 'done' && !existsSync(this.modelPath)) return undefined;
    return summary;
  }

  /**
   * Makes the folder ready for a new attempt: keeps earlier attempts of the same settings, clears
   * everything of different settings, and records the job. Returns the new attempt's number.
   */
  prepare(): number {
    const recorded = readJson(join(this.dir, JOB_FILE)) as { fingerprint?: string } | undefined;
    const fingerprint = jobFingerprint(this.job);
    if (recorded !== undefined && recorded.fingerprint !== fingerprint) {
      for (const entry of ['runs', 'resume', MODEL_FILE, REPORT_FILE, SUMMARY_FILE]) rmSync(join(this.dir, entry), { recursive: true, force: true });
    }
    mkdirSync(join(this.dir, 'runs'), { recursive: true });
    // A summary of a failed attempt is stale once a new attempt starts.
    rmSync(this.summaryPath, { force: true });
    writeFileAtomic(join(this.dir, JOB_FILE), `${JSON.stringify({ ...this.job, fingerprint }, null, 2)}\n`);
    const attempt = this.attemptNumbers().reduce((a, b) => Math.max(a, b), 0) + 1;
    // Created now so that an attempt that fails before its run log opens still counts.
    mkdirSync(this.attemptDir(attempt), { recursive: true });
    return attempt;
  }

  attemptNumbers(): number[] {
    const runs = join(this.dir, 'runs');
    if (!existsSync(runs)) return [];
    return readdirSync(runs)
      .map((entry) => /^attempt-(\d+)$/.exec(entry))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => Number(m[1]))
      .sort((a, b) => a - b);
  }

  /** What the attempts before `attempt` left behind. */
  earlierAttempts(attempt: number): EarlierAttempts {
    const seen = new Set<string>();
    const trials: TrialRecord[] = [];
    const origins: { runDir: string; id: number }[] = [];
    let searchSeconds = 0;
    let runDescription: string | undefined;
    const numbers = this.attemptNumbers().filter((n) => n < attempt);
    for (const n of numbers) {
      const dir = this.attemptDir(n);
      if (existsSync(join(dir, RUN_FILE))) runDescription = readFileSync(join(dir, RUN_FILE), 'utf8');
      if (!existsSync(join(dir, TRIALS_FILE))) continue;
      const attemptTrials = readTrials(dir);
      for (const trial of attemptTrials) {
        const key = JSON.stringify(trial.config);
        if (seen.has(key)) continue;
        seen.add(key);
        trials.push({ ...trial, id: trials.length + 1, finishedAt: searchSeconds + trial.finishedAt });
        origins.push({ runDir: dir, id: trial.id });
      }
      searchSeconds += attemptTrials.reduce((a, t) => (Number.isFinite(t.finishedAt) ? Math.max(a, t.finishedAt) : a), 0);
    }
    return { count: numbers.length, trials, origins, searchSeconds, runDescription };
  }

  /**
   * Writes the earlier attempts' trials as one run log (`resume/`) for the next attempt to warm
   * start from, with the stored out-of-sample predictions they kept under their new ids, so the
   * next attempt's ensemble and final model can draw on them.
   */
  writeResumeLog(earlier: EarlierAttempts): string {
    rmSync(join(this.resumeDir, PREDICTIONS_DIR), { recursive: true, force: true });
    mkdirSync(join(this.resumeDir, PREDICTIONS_DIR), { recursive: true });
    earlier.trials.forEach((trial, i) => {
      const origin = earlier.origins[i]!;
      if (!isFinalCandidate(trial) || !existsSync(predictionPath(origin.runDir, origin.id))) return;
      try {
        copyStoredPrediction(origin.runDir, origin.id, this.resumeDir, trial.id);
      } catch {
        // A damaged file (e.g. from a crashed disk) costs that trial its place in the ensemble, not the resume.
      }
    });
    if (earlier.runDescription !== undefined) writeFileAtomic(join(this.resumeDir, RUN_FILE), earlier.runDescription);
    const lines = earlier.trials.map((t) => JSON.stringify(trialLine(t)));
    writeFileAtomic(join(this.resumeDir, TRIALS_FILE), lines.map((l) => `${l}\n`).join(''));
    return this.resumeDir;
  }
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}
