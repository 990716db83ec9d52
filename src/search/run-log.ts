/**
 * The run directory: `run.json` (what was run, written once, atomically) and `trials.jsonl`
 * (one JSON line per finished trial, appended and flushed to disk as each trial ends, so a
 * killed run loses nothing it finished). It is the basis for leaderboards, resume and warm start.
 * A trial below full fidelity also records its `fidelity` (share of the full evaluation) and its
 * successive-halving `rung`; a line without them is a full trial.
 */
import { createHash } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, statSync, writeSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { LabelledDataset } from '../data/dataset.ts';
import type { TrialRecord } from './trial.ts';
import { writeFileAtomic } from '../util/atomic-write.ts';
import { isJsonObject, type JsonObject } from '../util/json.ts';
import { AutoMLError } from '../util/errors.ts';

export const TRIALS_FILE = 'trials.jsonl';
export const RUN_FILE = 'run.json';

export class RunLog {
  private readonly fd: number;

  constructor(readonly directory: string, description: JsonObject) {
    try {
      mkdirSync(directory, { recursive: true });
    } catch (error) {
      throw new AutoMLError('BAD_OPTION', `cannot create the run directory ${directory}: ${(error as Error).message}`);
    }
    writeFileAtomic(join(directory, RUN_FILE), `${JSON.stringify(description, null, 2)}\n`);
    this.fd = openSync(join(directory, TRIALS_FILE), 'a');
  }

  append(trial: TrialRecord): void {
    writeSync(this.fd, `${JSON.stringify(trialLine(trial))}\n`);
    fsyncSync(this.fd);
  }

  close(): void {
    closeSync(this.fd);
  }
}

/** A trial as one line of trials.jsonl (Infinity, which JSON lacks, becomes a null cost). */
export function trialLine(trial: TrialRecord): JsonObject {
  return {
    id: trial.id,
    algorithm: trial.algorithm,
    status: trial.status,
    cost: Number.isFinite(trial.cost) ? trial.cost : null,
    score: trial.score,
    fit_seconds: trial.fitSeconds,
    finished_at: trial.finishedAt,
    seed: trial.seed,
    config: trial.config,
    ...(trial.fidelity === undefined ? {} : { fidelity: trial.fidelity }),
    ...(trial.rung === undefined ? {} : { rung: trial.rung }),
    ...(trial.error === undefined ? {} : { error: trial.error }),
    ...(trial.worker === undefined ? {} : { worker: trial.worker }),
  };
}

/** Reads the finished trials of a run log; a torn last line (the process died mid-write) is skipped. */
export function readTrials(path: string): TrialRecord[] {
  const file = existsSync(join(path, TRIALS_FILE)) ? join(path, TRIALS_FILE) : path;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new AutoMLError('FILE_NOT_FOUND', `no run log at ${path}`, { hint: `pass a run directory or its ${TRIALS_FILE}` });
  }
  const trials: TrialRecord[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    let parsed: Record<string, unknown>;
    try {
      parsed = JSON.parse(line) as Record<string, unknown>;
    } catch {
      continue;
    }
    trials.push({
      id: Number(parsed['id']),
      algorithm: String(parsed['algorithm']),
      status: parsed['status'] as TrialRecord['status'],
      cost: typeof parsed['cost'] === 'number' ? parsed['cost'] : Infinity,
      score: typeof parsed['score'] === 'number' ? parsed['score'] : null,
      fitSeconds: Number(parsed['fit_seconds']),
      finishedAt: Number(parsed['finished_at']),
      seed: Number(parsed['seed']),
      config: parsed['config'] as TrialRecord['config'],
      ...(typeof parsed['fidelity'] === 'number' ? { fidelity: parsed['fidelity'] } : {}),
      ...(typeof parsed['rung'] === 'number' ? { rung: parsed['rung'] } : {}),
      ...(typeof parsed['error'] === 'string' ? { error: parsed['error'] } : {}),
      ...(typeof parsed['worker'] === 'string' ? { worker: parsed['worker'] } : {}),
    });
  }
  return trials;
}

/**
 * A short identity of the training data (task, target, every feature column's name, type, values
 * and categories, row order included): a later run with the same fingerprint saw the same rows,
 * so the costs it logged are comparable and can seed a new search.
 */
export function dataFingerprint(data: LabelledDataset): string {
  const hash = createHash('sha256');
  const bytes = (array: Float64Array | Int32Array) => new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
  hash.update(JSON.stringify([data.task, data.target.name, data.features.nRows]));
  if (data.target.kind === 'classification') {
    hash.update(JSON.stringify(data.target.classes));
    hash.update(bytes(data.target.codes));
  } else hash.update(bytes(data.target.values));
  for (const column of data.features.columns) {
    hash.update(JSON.stringify([column.name, column.kind, column.kind === 'categorical' ? column.categories : null]));
    hash.update(bytes(column.kind === 'numeric' ? column.values : column.codes));
  }
  return hash.digest('hex').slice(0, 16);
}

/** Where a run's files are, given its directory or its trials.jsonl; null when it is neither. */
export function locateRun(path: string): { directory: string; trials: string; description: string | null } | null {
  let trials: string;
  try {
    trials = statSync(path).isDirectory() ? join(path, TRIALS_FILE) : path;
  } catch {
    return null;
  }
  if (!existsSync(trials) || statSync(trials).isDirectory()) return null;
  const directory = dirname(trials);
  const description = join(directory, RUN_FILE);
  return { directory, trials, description: existsSync(description) ? description : null };
}

/** The run.json of a run, or null when it is absent or unreadable. */
export function readRunDescription(path: string): JsonObject | null {
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return isJsonObject(parsed) ? parsed : null;
  } catch {
    return null;
  }
}
