/**
 * The performance matrix of the portfolio: candidate configurations (each dataset's best few from
 * the metadata base, deduplicated) × datasets, each cell the validation cost of the candidate on
 * that dataset's training rows under one fixed cheap protocol (see build-matrix.ts), plus the
 * seconds it took. Stored as `<root>/<kind>-<metric>/portfolio-matrix.json`, next to the base.
 *
 * A cell is a cost (lower is better), "fail" (crashed, non-finite or over the time limit: counted
 * as the worst) or null (not evaluated yet), so a build interrupted part-way resumes where it
 * stopped. Scores are normalised per dataset when read: 1 = the best cost observed on it, 0 = the
 * worst (failures included), so regrets of different metrics and scales can be averaged.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TaskFamily } from '../metrics/scorers.ts';
import { configurationKey, type Configuration, type Value } from '../space/index.ts';
import { writeFileAtomic } from '../util/atomic-write.ts';
import { AutoMLError } from '../util/errors.ts';
import { isJsonObject } from '../util/json.ts';
import { baseDirectory, type BaseEntry } from './metadata-files.ts';

export const MATRIX_FILE = 'portfolio-matrix.json';
export const MATRIX_FORMAT = 'automl-ts/portfolio-matrix';

export type MatrixCell = number | 'fail' | null;

export interface MatrixCandidate {
  readonly config: Configuration;
  /** Data fingerprints of the base entries this configuration came from (their best K). */
  readonly sources: readonly string[];
}

export interface MatrixDataset {
  readonly name: string;
  readonly fingerprint: string;
  /** Rows × features of the (subsampled) training rows the protocol fitted on. */
  readonly cells: number;
}

export interface MatrixProtocol {
  readonly max_rows: number;
  readonly holdout: number;
  readonly seed: number;
  readonly seconds_limit: number;
  readonly top_k: number;
}

export interface PerformanceMatrix {
  readonly format: string;
  readonly kind: TaskFamily;
  readonly metric: string;
  readonly protocol: MatrixProtocol;
  readonly candidates: MatrixCandidate[];
  readonly datasets: MatrixDataset[];
  /** costs[candidate][dataset]. */
  readonly costs: MatrixCell[][];
  /** seconds[candidate][dataset]; null when not evaluated or skipped without running. */
  readonly seconds: (number | null)[][];
}

export function matrixPath(root: string, kind: TaskFamily, metric: string): string {
  return join(baseDirectory(root, kind, metric), MATRIX_FILE);
}

/**
 * The candidate pool: the best `topK` configurations of every base entry, deduplicated by
 * configuration key; a configuration found on several datasets lists all their fingerprints.
 * Entries without a fingerprint are identified by name (prefixed `name:`).
 */
export function candidatePool(entries: readonly BaseEntry[], topK: number): MatrixCandidate[] {
  const byKey = new Map<string, { config: Configuration; sources: string[] }>();
  for (const entry of entries) {
    const source = entrySource(entry);
    for (const ranked of entry.configurations.slice(0, topK)) {
      const key = configurationKey(ranked.config);
      const found = byKey.get(key);
      if (found === undefined) byKey.set(key, { config: ranked.config, sources: [source] });
      else if (!found.sources.includes(source)) found.sources.push(source);
    }
  }
  return [...byKey.values()];
}

export function entrySource(entry: BaseEntry): string {
  return entry.build.data_fingerprint ?? `name:${entry.dataset}`;
}

/**
 * A matrix over `candidates` × `datasets` that keeps every cell `previous` already holds for the
 * same configuration and dataset fingerprint (so a grown pool or corpus only adds work).
 */
export function mergeMatrix(previous: PerformanceMatrix | null, shape: Omit<PerformanceMatrix, 'costs' | 'seconds'>): PerformanceMatrix {
  const oldCandidates = new Map((previous?.candidates ?? []).map((c, i) => [configurationKey(c.config), i]));
  const oldDatasets = new Map((previous?.datasets ?? []).map((d, j) => [d.fingerprint, j]));
  const sameProtocol = previous !== null && JSON.stringify(previous.protocol) === JSON.stringify(shape.protocol);
  const costs: MatrixCell[][] = [];
  const seconds: (number | null)[][] = [];
  for (const candidate of shape.candidates) {
    const i = sameProtocol ? oldCandidates.get(configurationKey(candidate.config)) : undefined;
    costs.push(shape.datasets.map((d) => {
      const j = oldDatasets.get(d.fingerprint);
      return i === undefined || j === undefined ? null : (previous!.costs[i]![j] ?? null);
    }));
    seconds.push(shape.datasets.map((d) => {
      const j = oldDatasets.get(d.fingerprint);
      return i === undefined || j === undefined ? null : (previous!.seconds[i]![j] ?? null);
    }));
  }
  return { ...shape, costs, seconds };
}

/** Cells still to evaluate. */
export function pendingCells(matrix: PerformanceMatrix): number {
  return matrix.costs.reduce((sum, row) => sum + row.filter((c) => c === null).length, 0);
}

/**
 * Normalised scores [candidate][dataset] in [0, 1]: per dataset 1 = lowest cost observed, 0 = the
 * highest (a failure counts as the highest); a dataset where every candidate ties scores 1
 * everywhere. Pending cells are NaN (the greedy portfolio ignores datasets with any).
 */
export function normalisedScores(matrix: Pick<PerformanceMatrix, 'costs' | 'datasets'>): number[][] {
  const nDatasets = matrix.datasets.length;
  const out = matrix.costs.map((row) => row.map(() => NaN));
  for (let j = 0; j < nDatasets; j++) {
    const finite = matrix.costs.map((row) => row[j]).filter((c): c is number => typeof c === 'number');
    const best = finite.length > 0 ? Math.min(...finite) : NaN;
    const worst = finite.length > 0 ? Math.max(...finite) : NaN;
    for (const [i, row] of matrix.costs.entries()) {
      const cell = row[j];
      if (cell === null || cell === undefined) continue;
      if (cell === 'fail') out[i]![j] = 0;
      else if (worst === best) out[i]![j] = 1;
      else out[i]![j] = (worst - cell) / (worst - best);
    }
  }
  return out;
}

export function writeMatrix(root: string, matrix: PerformanceMatrix): void {
  const round = (x: number) => Number(x.toPrecision(5));
  const compact = {
    format: MATRIX_FORMAT,
    kind: matrix.kind,
    metric: matrix.metric,
    protocol: matrix.protocol,
    datasets: matrix.datasets,
    candidates: matrix.candidates.map((c) => ({ sources: c.sources, config: Object.fromEntries(Object.keys(c.config).sort().map((k) => [k, c.config[k]!])) })),
    costs: matrix.costs.map((row) => row.map((c) => (typeof c === 'number' ? round(c) : c))),
    seconds: matrix.seconds.map((row) => row.map((s) => (s === null ? null : Math.round(s * 1000) / 1000))),
  };
  // One candidate per line: small, and a rebuild gives a readable diff.
  const lines = JSON.stringify(compact).replace(/\],\[/g, '],\n[').replace(/\},\{"sources"/g, '},\n{"sources"');
  mkdirSync(baseDirectory(root, matrix.kind, matrix.metric), { recursive: true });
  writeFileAtomic(matrixPath(root, matrix.kind, matrix.metric), `${lines}\n`);
}

/** The stored matrix, or null when absent. A malformed file is a BAD_INPUT error naming it. */
export function readMatrix(root: string, kind: TaskFamily, metric: string): PerformanceMatrix | null {
  const path = matrixPath(root, kind, metric);
  if (!existsSync(path)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new AutoMLError('BAD_INPUT', `cannot read portfolio matrix ${path}: ${(error as Error).message}`);
  }
  const bad = (why: string) => new AutoMLError('BAD_INPUT', `${path}: ${why}`);
  if (!isJsonObject(parsed) || parsed['format'] !== MATRIX_FORMAT) throw bad(`not a portfolio matrix (format ${MATRIX_FORMAT})`);
  const { datasets, candidates, costs, seconds, protocol } = parsed;
  if (!Array.isArray(datasets) || !Array.isArray(candidates) || !Array.isArray(costs) || !Array.isArray(seconds) || !isJsonObject(protocol)) throw bad('missing datasets, candidates, costs, seconds or protocol');
  if (costs.length !== candidates.length || seconds.length !== candidates.length) throw bad('costs and seconds need one row per candidate');
  const outDatasets: MatrixDataset[] = datasets.map((d, j) => {
    if (!isJsonObject(d) || typeof d['name'] !== 'string' || typeof d['fingerprint'] !== 'string' || typeof d['cells'] !== 'number') throw bad(`datasets[${j}] needs name, fingerprint and cells`);
    return { name: d['name'], fingerprint: d['fingerprint'], cells: d['cells'] };
  });
  const outCandidates: MatrixCandidate[] = candidates.map((c, i) => {
    if (!isJsonObject(c) || !isJsonObject(c['config']) || !Array.isArray(c['sources'])) throw bad(`candidates[${i}] needs config and sources`);
    const config: Record<string, Value> = {};
    for (const [name, value] of Object.entries(c['config'])) if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') config[name] = value;
    return { config, sources: c['sources'].filter((s): s is string => typeof s === 'string') };
  });
  const row = <T>(value: unknown, i: number, ok: (x: unknown) => x is T): T[] => {
    if (!Array.isArray(value) || value.length !== outDatasets.length || !value.every(ok)) throw bad(`row ${i} needs one valid cell per dataset`);
    return value;
  };
  const isCell = (x: unknown): x is MatrixCell => x === null || x === 'fail' || (typeof x === 'number' && Number.isFinite(x));
  const isSeconds = (x: unknown): x is number | null => x === null || (typeof x === 'number' && x >= 0);
  const p = protocol as Record<string, unknown>;
  return {
    format: MATRIX_FORMAT,
    kind,
    metric,
    protocol: { max_rows: Number(p['max_rows']), holdout: Number(p['holdout']), seed: Number(p['seed']), seconds_limit: Number(p['seconds_limit']), top_k: Number(p['top_k']) },
    datasets: outDatasets,
    candidates: outCandidates,
    costs: costs.map((r, i) => row(r, i, isCell)),
    seconds: seconds.map((r, i) => row(r, i, isSeconds)),
  };
}
