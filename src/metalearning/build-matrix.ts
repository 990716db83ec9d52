/**
 * Filling the portfolio's performance matrix (see performance-matrix.ts): every candidate of the
 * pool is evaluated on every dataset's training rows under one fixed, cheap protocol —
 *
 * - the training rows only (the fixed test rows are never read), subsampled to at most
 *   `max_rows` rows with a seeded shuffle;
 * - one seeded holdout split (`holdout` share of the rows scored, stratified for classification);
 * - the configuration projected onto the dataset's own search space (as a warm start does);
 * - each evaluation in an isolated worker thread, stopped at `seconds_limit` seconds (and at the
 *   default memory limit) as a search's trials are; one stopped, crashed or scoring non-finite is
 *   a failure (the worst score). A candidate whose seconds per data cell, measured on earlier
 *   datasets, predict more than the limit here is marked failed without running.
 *
 * The matrix file is rewritten after each dataset and every `saveEvery` evaluations, so an
 * interrupted build loses little and a rerun evaluates only the cells still empty.
 */
import type { ManifestDataset } from '../bench/manifest.ts';
import { buildSearchSpace, componentContextFor } from '../components/registry.ts';
import { takeRows, takeTargetRows, targetLength, type LabelledDataset } from '../data/dataset.ts';
import { getScorer, taskFamily, type TaskFamily } from '../metrics/scorers.ts';
import { buildResampling } from '../search/resampling.ts';
import { dataFingerprint } from '../search/run-log.ts';
import { DEFAULT_MEMORY_MB, WorkerPoolRunner } from '../search/runner/index.ts';
import type { Configuration, ConfigurationSpace } from '../space/index.ts';
import { nowSeconds } from '../util/clock.ts';
import type { Logger } from '../util/log.ts';
import { Rng } from '../util/rng.ts';
import { labelledTraining, readSplit } from './corpus.ts';
import { projectConfiguration } from './fit-configuration.ts';
import type { BaseEntry } from './metadata-files.ts';
import { candidatePool, mergeMatrix, pendingCells, readMatrix, writeMatrix, type MatrixCell, type MatrixDataset, type MatrixProtocol, type PerformanceMatrix } from './performance-matrix.ts';

export const DEFAULT_MATRIX_PROTOCOL: Omit<MatrixProtocol, 'top_k'> = { max_rows: 2000, holdout: 0.33, seed: 0, seconds_limit: 30 };
export const DEFAULT_MATRIX_TOP_K = 5;

export interface MatrixSettings {
  readonly protocol: MatrixProtocol;
  /** Where the matrix is read from and written to (`<out>/<kind>-<metric>/portfolio-matrix.json`). */
  readonly out: string;
  /** Rewrite the file after this many evaluations (and after each dataset). */
  readonly saveEvery: number;
  /** Stop after this many evaluations (for chunked runs); undefined = until the matrix is full. */
  readonly maxEvaluations?: number;
}

interface PreparedDataset {
  readonly info: MatrixDataset;
  readonly features: LabelledDataset['features'];
  readonly target: LabelledDataset['target'];
  readonly task: LabelledDataset['task'];
}

/** The training rows of a dataset under the protocol: subsampled and fingerprinted. */
export function prepareDataset(name: string, labelled: LabelledDataset, protocol: MatrixProtocol): PreparedDataset {
  const n = targetLength(labelled.target);
  const rng = new Rng(protocol.seed);
  const rows = n <= protocol.max_rows ? Int32Array.from({ length: n }, (_, i) => i) : rng.permutation(n).subarray(0, protocol.max_rows).sort();
  const features = takeRows(labelled.features, rows);
  return {
    info: { name, fingerprint: dataFingerprint(labelled), cells: rows.length * features.columns.length },
    features,
    target: takeTargetRows(labelled.target, rows),
    task: labelled.task,
  };
}

/**
 * Evaluates candidates on one dataset under the protocol: one seeded holdout split, each
 * candidate in an isolated worker thread stopped at `seconds_limit` (as a search's trials are).
 */
export class DatasetEvaluator {
  private readonly runner: WorkerPoolRunner;
  private readonly space: ConfigurationSpace;

  constructor(data: PreparedDataset, metric: string, private readonly protocol: MatrixProtocol) {
    const resampling = buildResampling(data.features, data.target, { strategy: 'holdout', folds: 2, holdoutFraction: protocol.holdout, seed: protocol.seed });
    const context = componentContextFor(resampling.folds[0]!.train.features, data.task);
    this.space = buildSearchSpace(context);
    this.runner = new WorkerPoolRunner({ data: { resampling, scorer: getScorer(metric, data.task), context }, workers: 1, memoryMb: DEFAULT_MEMORY_MB });
  }

  /** The validation cost, or 'fail', and the seconds it took. */
  async evaluate(config: Configuration): Promise<{ cost: MatrixCell; seconds: number }> {
    const projection = projectConfiguration(config, this.space);
    if (!('config' in projection)) return { cost: 'fail', seconds: 0 };
    const outcome = await this.runner.run(projection.config, this.protocol.seed, { timeSeconds: this.protocol.seconds_limit, memoryMb: DEFAULT_MEMORY_MB });
    const ok = outcome.status === 'SUCCESS' && Number.isFinite(outcome.cost);
    return { cost: ok ? outcome.cost : 'fail', seconds: outcome.fitSeconds };
  }

  close(): Promise<void> {
    return this.runner.close();
  }
}

/**
 * Fills (or completes) the matrix of one task kind: the pool from `entries`, the columns from
 * `datasets` (those of this kind). Returns the matrix as written.
 */
export async function buildMatrix(kind: TaskFamily, metric: string, entries: readonly BaseEntry[], datasets: readonly ManifestDataset[], settings: MatrixSettings, logger: Logger): Promise<PerformanceMatrix> {
  const ofKind = datasets.filter((d) => taskFamily(d.task) === kind);
  const candidates = candidatePool(entries, settings.protocol.top_k);
  const previous = readMatrix(settings.out, kind, metric);
  // Columns are identified by fingerprint, which needs the rows: read each dataset once here.
  const prepared: PreparedDataset[] = [];
  for (const dataset of ofKind) {
    const { train } = await readSplit(dataset);
    prepared.push(prepareDataset(dataset.name, labelledTraining(dataset, train), settings.protocol));
  }
  const matrix = mergeMatrix(previous, { format: 'automl-ts/portfolio-matrix', kind, metric, protocol: settings.protocol, candidates, datasets: prepared.map((p) => p.info) });
  const total = candidates.length * prepared.length;
  const pendingAtStart = pendingCells(matrix);
  logger.info(`matrix ${kind}-${metric}: ${candidates.length} candidates × ${prepared.length} datasets = ${total} cells, ${pendingAtStart} to evaluate`);
  writeMatrix(settings.out, matrix);
  const started = nowSeconds();
  let done = 0;
  let sinceSave = 0;
  for (const [j, data] of prepared.entries()) {
    let columnDone = 0;
    if (!matrix.costs.some((row) => row[j] === null)) continue;
    const evaluator = new DatasetEvaluator(data, metric, settings.protocol);
    try {
      for (const [i, candidate] of candidates.entries()) {
        if (matrix.costs[i]![j] !== null) continue;
        if (settings.maxEvaluations !== undefined && done >= settings.maxEvaluations) {
          writeMatrix(settings.out, matrix);
          logger.info(`matrix ${kind}-${metric}: stopped after ${done} evaluations (--max-evaluations); ${pendingCells(matrix)} cells left, rerun to continue`);
          return matrix;
        }
        const predicted = predictedSeconds(matrix, i, data.info.cells);
        const outcome = predicted > settings.protocol.seconds_limit ? { cost: 'fail' as const, seconds: null } : await evaluator.evaluate(candidate.config);
        matrix.costs[i]![j] = outcome.cost;
        matrix.seconds[i]![j] = outcome.seconds;
        done++;
        columnDone++;
        if (++sinceSave >= settings.saveEvery) {
          writeMatrix(settings.out, matrix);
          sinceSave = 0;
          const elapsed = nowSeconds() - started;
          logger.info(`  ${data.info.name}: ${done} of ${pendingAtStart} evaluations in ${elapsed.toFixed(0)} s, ETA ${formatDuration((elapsed / done) * (pendingAtStart - done))} (saved)`);
        }
      }
    } finally {
      await evaluator.close();
    }
    writeMatrix(settings.out, matrix);
    sinceSave = 0;
    const elapsed = nowSeconds() - started;
    const left = pendingCells(matrix);
    const eta = done === 0 ? 0 : (elapsed / done) * left;
    logger.info(`[${j + 1}/${prepared.length}] ${data.info.name}: ${columnDone} evaluations; ${done} in ${elapsed.toFixed(0)} s (${done === 0 ? '–' : (elapsed / done).toFixed(2)} s each), ${left} left, ETA ${formatDuration(eta)}`);
  }
  return matrix;
}

/** Seconds the candidate is expected to take on `cells` cells, from its slowest rate so far. */
function predictedSeconds(matrix: PerformanceMatrix, i: number, cells: number): number {
  let rate = 0;
  for (const [j, d] of matrix.datasets.entries()) {
    const s = matrix.seconds[i]![j];
    if (typeof s === 'number' && d.cells > 0) rate = Math.max(rate, s / d.cells);
  }
  return rate * cells;
}

export function formatDuration(seconds: number): string {
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}
