/**
 * Rerunning a fit into a run directory that already holds a run log of the same data, metric and
 * search space continues that run — what makes "run the same command again" resume a fit whose
 * process was killed (a queue driver, say): the logged trials become the warm start of the new
 * search (prior observations, never proposed again, competing for the final model), new trials are
 * numbered after them and appended to the same log, and `maxTrials` counts them. The time budget
 * is the new invocation's own.
 *
 * A run directory holding another run (other data, metric or space) is left to the usual
 * behaviour: nothing of it is taken over.
 */
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readRunDescription, readTrials, RUN_FILE, TRIALS_FILE } from '../search/run-log.ts';
import type { Logger } from '../util/log.ts';

export interface RunIdentity {
  readonly dataFingerprint: string;
  readonly spaceHash: string;
  readonly metric: string;
}

export interface RunDirResume {
  /** The run directory, as the warm-start source. */
  readonly from: string;
  readonly earlierTrials: number;
}

export function resumableRunDir(runDir: string | undefined, identity: RunIdentity): RunDirResume | undefined {
  if (runDir === undefined) return undefined;
  const description = readRunDescription(join(runDir, RUN_FILE));
  if (description === null) return undefined;
  const same = description['data_fingerprint'] === identity.dataFingerprint && description['space_hash'] === identity.spaceHash && description['metric'] === identity.metric;
  if (!same) return undefined;
  let trials: number;
  let text: string;
  try {
    text = readFileSync(join(runDir, TRIALS_FILE), 'utf8');
    trials = readTrials(runDir).length;
  } catch {
    return undefined;
  }
  if (trials === 0) return undefined;
  // A process killed mid-append leaves a torn last line; ending it keeps the next trial's line whole.
  if (!text.endsWith('\n')) appendFileSync(join(runDir, TRIALS_FILE), '\n');
  return { from: runDir, earlierTrials: trials };
}

/** `maxTrials` of the resumed run: what the earlier trials left, at least one. */
export function resumedMaxTrials(maxTrials: number | undefined, resume: RunDirResume | undefined, logger: Logger): number | undefined {
  if (resume === undefined) return maxTrials;
  const left = maxTrials === undefined ? undefined : Math.max(1, maxTrials - resume.earlierTrials);
  logger.info(`resuming the run in ${resume.from}: ${resume.earlierTrials} trials already logged${left === undefined ? '' : `, ${left} more to run`}`);
  return left;
}
