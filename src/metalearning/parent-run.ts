/**
 * A parent run to continue from: its run.json (space hash, data fingerprint, metric) and its
 * finished trials, read from a run directory or a trials.jsonl path.
 */
import { readFileSync } from 'node:fs';
import { locateRun, readRunDescription, readTrials } from '../search/run-log.ts';
import type { TrialRecord } from '../search/trial.ts';
import { AutoMLError } from '../util/errors.ts';
import { isJsonObject } from '../util/json.ts';

export interface ParentRun {
  readonly directory: string;
  /** Null when the run has no (readable) run.json: then nothing can be assumed to match. */
  readonly spaceHash: string | null;
  readonly dataFingerprint: string | null;
  readonly metric: string | null;
  /** Hash of the parent's validation splits; null when its run.json predates it. */
  readonly splitsFingerprint: string | null;
  readonly trials: readonly TrialRecord[];
}

export function readParentRun(path: string): ParentRun {
  const located = locateRun(path);
  if (located === null) {
    throw new AutoMLError('BAD_OPTION', `warm start from ${path}: not a run directory or run log`, {
      hint: 'pass the run directory of an earlier fit (it holds run.json and trials.jsonl) or its trials.jsonl',
    });
  }
  const trials = readTrials(located.trials).filter((t) => isJsonObject(t.config as unknown) && typeof t.id === 'number');
  if (trials.length === 0 && readFileSync(located.trials, 'utf8').trim() !== '') {
    throw new AutoMLError('BAD_INPUT', `warm start from ${path}: not a run log (${located.trials} holds no trial records)`, {
      hint: 'pass the run directory of an earlier fit or its trials.jsonl',
    });
  }
  const description = located.description === null ? null : readRunDescription(located.description);
  const text = (key: string): string | null => {
    const value = description?.[key];
    return typeof value === 'string' ? value : null;
  };
  return { directory: located.directory, spaceHash: text('space_hash'), dataFingerprint: text('data_fingerprint'), metric: text('metric'), splitsFingerprint: text('splits_fingerprint'), trials };
}
