/**
 * The batch spec: `{ jobs: [{ name, data, target, time, ...optional fit settings }] }`, from JSON
 * or YAML. Validation collects every problem and names each by its field path (`jobs[2].time`),
 * so a user fixes a spec in one pass. Relative paths are resolved against the spec's folder.
 */
import { isAbsolute, resolve } from 'node:path';
import type { Task } from '../data/dataset.ts';
import { METRIC_NAMES } from '../metrics/scorers.ts';
import { AutoMLError } from '../util/errors.ts';
import { durationProblem } from '../api/options.ts';
import { parseCsvEncoding, type CsvEncoding } from '../data/csv-decode.ts';

export interface BatchJob {
  /** Folder name of the job's outputs; unique within the spec. */
  readonly name: string;
  /** CSV file, absolute after resolution. */
  readonly data: string;
  readonly target: string;
  /** Search budget in seconds. */
  readonly time: number;
  readonly task?: Task | 'auto';
  readonly metric?: string;
  readonly seed?: number;
  /** Search space file, absolute after resolution. */
  readonly space?: string;
  /** Run directory or trials.jsonl of an earlier run to warm-start from, absolute after resolution. */
  readonly warmStartFrom?: string;
  readonly ensembleSize?: number;
  readonly maxTrials?: number;
  readonly workers?: number;
  /** Text encoding of the data file: utf-8 (default) or latin1. */
  readonly encoding?: CsvEncoding;
}

export interface BatchSpec {
  readonly jobs: readonly BatchJob[];
}

const TASKS = ['auto', 'binary', 'multiclass', 'regression'] as const;
const JOB_FIELDS = ['name', 'data', 'target', 'time', 'task', 'metric', 'seed', 'space', 'warmStartFrom', 'ensembleSize', 'maxTrials', 'workers', 'encoding'] as const;
/** Safe as a folder name on every platform, and readable in a summary table. */
const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

function shown(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks a parsed spec and resolves its paths against `baseDir` (the spec file's folder).
 * `source` names the spec in error messages.
 */
export function validateBatchSpec(value: unknown, baseDir: string, source = 'batch spec'): BatchSpec {
  const problems: string[] = [];
  if (!isRecord(value)) throw specError(source, [`the spec must be an object with a "jobs" list, got ${shown(value)}`]);
  for (const key of Object.keys(value)) if (key !== 'jobs') problems.push(`${key} is not a known field (the spec has only "jobs")`);
  const jobs = value['jobs'];
  if (!Array.isArray(jobs) || jobs.length === 0) {
    problems.push(`jobs must be a non-empty list of jobs, got ${shown(jobs)}`);
    throw specError(source, problems);
  }
  const resolved: BatchJob[] = [];
  const seen = new Map<string, number>();
  jobs.forEach((job: unknown, i) => {
    const at = `jobs[${i}]`;
    if (!isRecord(job)) {
      problems.push(`${at} must be an object with name, data, target and time, got ${shown(job)}`);
      return;
    }
    const before = problems.length;
    for (const key of Object.keys(job)) {
      if (!(JOB_FIELDS as readonly string[]).includes(key)) problems.push(`${at}.${key} is not a known field (known: ${JOB_FIELDS.join(', ')})`);
    }
    const text = (key: string, required: boolean): string | undefined => {
      const v = job[key];
      if (v === undefined && !required) return undefined;
      if (typeof v !== 'string' || v.trim() === '') {
        problems.push(`${at}.${key} ${v === undefined ? 'is required' : `must be a non-empty string, got ${shown(v)}`}`);
        return undefined;
      }
      return v;
    };
    const integer = (key: string, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined => {
      const v = job[key];
      if (v === undefined) return undefined;
      if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
        problems.push(`${at}.${key} must be an integer from ${min}${max === Number.MAX_SAFE_INTEGER ? ' up' : ` to ${max}`}, got ${shown(v)}`);
        return undefined;
      }
      return v;
    };
    const path = (p: string | undefined) => (p === undefined ? undefined : isAbsolute(p) ? p : resolve(baseDir, p));

    const name = text('name', true);
    if (name !== undefined) {
      if (!NAME_PATTERN.test(name)) {
        problems.push(`${at}.name ${shown(name)} must start with a letter or digit and use only letters, digits, ".", "_" and "-" (it names the job's folder)`);
      } else {
        // Folder names collide case-insensitively on some file systems.
        const first = seen.get(name.toLowerCase());
        if (first !== undefined) problems.push(`${at}.name ${shown(name)} duplicates jobs[${first}].name`);
        else seen.set(name.toLowerCase(), i);
      }
    }
    const data = text('data', true);
    const target = text('target', true);
    const time = job['time'];
    if (time === undefined) problems.push(`${at}.time is required (search seconds)`);
    else if (durationProblem(time) !== undefined) problems.push(`${at}.time must be ${durationProblem(time)!}, got ${shown(time)}`);
    const task = job['task'];
    if (task !== undefined && !(TASKS as readonly unknown[]).includes(task)) problems.push(`${at}.task must be one of ${TASKS.join(', ')}, got ${shown(task)}`);
    const metric = job['metric'];
    if (metric !== undefined && !(METRIC_NAMES as readonly unknown[]).includes(metric)) {
      problems.push(`${at}.metric must be one of ${METRIC_NAMES.join(', ')}, got ${shown(metric)}`);
    }
    const seed = integer('seed', 0, 0xffffffff);
    const space = text('space', false);
    const warmStartFrom = text('warmStartFrom', false);
    const ensembleSize = integer('ensembleSize', 1);
    const maxTrials = integer('maxTrials', 1);
    const workers = integer('workers', 0, 256);
    const encoding = encodingOf(job['encoding'], `${at}.encoding`, problems);
    if (problems.length > before) return;
    resolved.push({
      name: name!,
      data: path(data)!,
      target: target!,
      time: time as number,
      ...(task === undefined ? {} : { task: task as Task | 'auto' }),
      ...(metric === undefined ? {} : { metric: metric as string }),
      ...(seed === undefined ? {} : { seed }),
      ...(space === undefined ? {} : { space: path(space)! }),
      ...(warmStartFrom === undefined ? {} : { warmStartFrom: path(warmStartFrom)! }),
      ...(ensembleSize === undefined ? {} : { ensembleSize }),
      ...(maxTrials === undefined ? {} : { maxTrials }),
      ...(workers === undefined ? {} : { workers }),
      ...(encoding === undefined ? {} : { encoding }),
    });
  });
  if (problems.length > 0) throw specError(source, problems);
  return { jobs: resolved };
}

/** The job's encoding, or undefined with a problem recorded when the value is not one. */
function encodingOf(value: unknown, at: string, problems: string[]): CsvEncoding | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') {
    try {
      return parseCsvEncoding(value);
    } catch {
      // Reported below, in the spec's own words.
    }
  }
  problems.push(`${at} must be utf-8 or latin1, got ${shown(value)}`);
  return undefined;
}

function specError(source: string, problems: readonly string[]): AutoMLError {
  // One line, as every error: a user fixes the problems in order, separated by "; ".
  const listed = problems.length === 1 ? problems[0]! : `${problems.length} problems: ${problems.join('; ')}`;
  return new AutoMLError('BAD_INPUT', `invalid batch spec ${source}: ${listed}`, {
    hint: 'a spec is {"jobs": [{"name": "iris", "data": "iris.csv", "target": "class", "time": 60}]} (JSON or YAML)',
  });
}
