/**
 * `npm run build-metadata -- --budget <s per dataset> [--corpus shipped|meta|all | --manifest a,b]
 *  [--datasets a,b] [--out metadata] [--max-trials n] [--deep] [--top-k k] [--seed n] [--workers n] [--force]`
 * `npm run build-metadata -- --matrix [--corpus …] [--out metadata] [--matrix-top-k 5] [--max-rows 2000]
 *  [--eval-seconds 30] [--max-evaluations n] [--save-every 25]`
 * `npm run build-metadata -- --fingerprints [--datasets a,b] [--out metadata] [--corpus …]`
 *
 * Builds the metadata base: for every dataset of the manifests, a cold search (no warm start, so
 * the base never feeds on itself) on its training rows only — the fixed test rows are never read
 * — then its meta-features and its best configurations are merged into
 * `<out>/<kind>-<metric>/`, with the data fingerprint of those training rows. The base is
 * rewritten after each dataset, so an interrupted build keeps what it finished and a rerun skips
 * datasets already present (unless --force). `--deep` is the deeper search of a full build
 * (DEEP_BUDGET seconds and DEEP_MAX_TRIALS trials per dataset unless given). `--matrix` runs no
 * search: it evaluates the portfolio's candidate pool on every dataset (see build-matrix.ts),
 * resumably. `--fingerprints` runs no search: it records the fingerprint of entries built before
 * fingerprints were kept (see record-fingerprints.ts).
 */
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fit } from '../api/fit.ts';
import type { ManifestDataset } from '../bench/manifest.ts';
import { defaultMetric, taskFamily, type TaskFamily } from '../metrics/scorers.ts';
import { configurationKey } from '../space/index.ts';
import { dataFingerprint, readTrials } from '../search/run-log.ts';
import { isFinalCandidate } from '../search/fidelity/final-candidate.ts';
import { nowSeconds } from '../util/clock.ts';
import { AutoMLError, errorMessage } from '../util/errors.ts';
import { stderrLogger, type Logger } from '../util/log.ts';
import { PACKAGE_VERSION } from '../util/version.ts';
import { readSplit, labelledTraining } from './corpus.ts';
import { PACKAGE_ROOT, referenceSpace } from './metadata-base.ts';
import { METADATA_FORMAT, METADATA_FORMAT_VERSION, readBase, writeBase, type BaseEntry, type MetadataBase, type RankedConfiguration } from './metadata-files.ts';
import { recordFingerprints } from './record-fingerprints.ts';
import { buildMatrix, DEFAULT_MATRIX_PROTOCOL, DEFAULT_MATRIX_TOP_K, formatDuration } from './build-matrix.ts';
import { manifestPaths, readCorpus } from './corpora.ts';
import type { MatrixProtocol } from './performance-matrix.ts';
import { runMetaFeatures } from './warm-start.ts';

export const DEFAULT_TOP_K = 10;
/** The deeper search of a full build: per dataset, unless --budget / --max-trials say otherwise. */
export const DEEP_BUDGET = 300;
export const DEEP_MAX_TRIALS = 200;

export interface BuildSettings {
  readonly budget: number;
  readonly maxTrials: number | undefined;
  readonly topK: number;
  readonly seed: number;
  readonly workers: number | undefined;
  readonly out: string;
  readonly force: boolean;
  /** Where the per-dataset run logs go. */
  readonly runsDir: string;
}

/** Builds (or completes) the base for the given datasets; returns the names that failed. */
export async function buildMetadata(datasets: readonly ManifestDataset[], settings: BuildSettings, logger: Logger): Promise<string[]> {
  const failed: string[] = [];
  const started = nowSeconds();
  let built = 0;
  for (const [i, dataset] of datasets.entries()) {
    const kind = taskFamily(dataset.task);
    const metric = defaultMetric(dataset.task);
    const existing = readBase(settings.out, kind, metric);
    const prefix = `[${i + 1}/${datasets.length}] ${dataset.name}`;
    if (!settings.force && existing?.entries.some((e) => e.dataset === dataset.name)) {
      logger.info(`${prefix}: already in the base, skipped (--force rebuilds it)`);
      continue;
    }
    try {
      const entry = await buildEntry(dataset, settings);
      const reference = referenceSpace(kind);
      const base: MetadataBase = {
        kind,
        metric,
        description: {
          format: METADATA_FORMAT,
          format_version: METADATA_FORMAT_VERSION,
          task_kind: kind,
          metric,
          space_file: reference.file,
          space_hash: reference.hash,
          package_version: PACKAGE_VERSION,
          top_k: settings.topK,
          updated_at: new Date().toISOString(),
          total_seconds: 0,
          datasets: {},
        },
        entries: [...(existing?.entries ?? []).filter((e) => e.dataset !== dataset.name), entry],
      };
      writeBase(settings.out, base);
      logger.info(
        `${prefix}: ${entry.build.trials} trials in ${entry.build.seconds.toFixed(1)} s, best cost ${entry.configurations[0]?.cost.toFixed(4) ?? '–'} ` +
          `(${entry.configurations.length} configurations kept) [${(nowSeconds() - started).toFixed(0)} s so far, ETA ${eta(started, ++built, datasets.length - i - 1)}]`,
      );
    } catch (error) {
      failed.push(dataset.name);
      logger.warn(`${prefix}: failed: ${errorMessage(error)}`);
    }
  }
  return failed;
}

async function buildEntry(dataset: ManifestDataset, settings: BuildSettings): Promise<BaseEntry> {
  const start = nowSeconds();
  const { train } = await readSplit(dataset);
  const labelled = labelledTraining(dataset, train);
  const metaFeatures = runMetaFeatures(labelled, settings.seed);
  const runDir = join(settings.runsDir, dataset.name);
  const kind: TaskFamily = taskFamily(dataset.task);
  await fit(train, {
    target: dataset.target,
    task: dataset.task,
    columnTypes: dataset.columnTypes,
    timeBudget: settings.budget,
    seed: settings.seed,
    runDir,
    warmStart: 0,
    ensembleSize: 1,
    ...(settings.maxTrials === undefined ? {} : { maxTrials: settings.maxTrials }),
    ...(settings.workers === undefined ? {} : { workers: settings.workers }),
  });
  const trials = readTrials(runDir);
  return {
    dataset: dataset.name,
    metaFeatures,
    configurations: bestDistinct(trials, settings.topK),
    build: {
      space_hash: referenceSpace(kind).hash,
      budget_seconds: settings.budget,
      max_trials: settings.maxTrials ?? null,
      seed: settings.seed,
      trials: trials.length,
      successful_trials: trials.filter((t) => t.status === 'SUCCESS').length,
      seconds: Math.round((nowSeconds() - start) * 1000) / 1000,
      built_at: new Date().toISOString(),
      rows: labelled.features.nRows,
      features: labelled.features.columns.length,
      data_fingerprint: dataFingerprint(labelled),
    },
  };
}

/** The `k` lowest-cost successful full-fidelity trials with distinct configurations (earlier first on ties). */
function bestDistinct(trials: ReturnType<typeof readTrials>, k: number): RankedConfiguration[] {
  const seen = new Set<string>();
  const out: RankedConfiguration[] = [];
  const sorted = trials.filter((t) => isFinalCandidate(t) && Number.isFinite(t.cost)).sort((a, b) => a.cost - b.cost || a.id - b.id);
  for (const trial of sorted) {
    const key = configurationKey(trial.config);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ cost: trial.cost, config: trial.config, fit_seconds: trial.fitSeconds });
    if (out.length >= k) break;
  }
  return out;
}

/** Remaining time at the mean pace of the datasets built so far (skipped ones cost nothing). */
function eta(started: number, built: number, remaining: number): string {
  return formatDuration(((nowSeconds() - started) / Math.max(1, built)) * remaining);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      budget: { type: 'string' },
      datasets: { type: 'string' },
      out: { type: 'string', default: 'metadata' },
      manifest: { type: 'string' },
      corpus: { type: 'string' },
      deep: { type: 'boolean', default: false },
      matrix: { type: 'boolean', default: false },
      'matrix-top-k': { type: 'string', default: String(DEFAULT_MATRIX_TOP_K) },
      'max-rows': { type: 'string', default: String(DEFAULT_MATRIX_PROTOCOL.max_rows) },
      'eval-seconds': { type: 'string', default: String(DEFAULT_MATRIX_PROTOCOL.seconds_limit) },
      'max-evaluations': { type: 'string' },
      'save-every': { type: 'string', default: '25' },
      'max-trials': { type: 'string' },
      'top-k': { type: 'string', default: String(DEFAULT_TOP_K) },
      seed: { type: 'string', default: '0' },
      workers: { type: 'string' },
      force: { type: 'boolean', default: false },
      fingerprints: { type: 'boolean', default: false },
    },
  });
  const integer = (flag: string, text: string | undefined, min: number): number | undefined => {
    if (text === undefined) return undefined;
    const n = Number(text);
    if (!Number.isInteger(n) || n < min) throw new AutoMLError('BAD_OPTION', `--${flag} must be an integer >= ${min}, got ${text}`);
    return n;
  };
  const manifests = manifestPaths(values.manifest, values.corpus);
  const manifestPath = manifests.join(', ');
  const datasets = readCorpus(manifests, values.datasets);
  const out = resolve(values.out);
  const logger = stderrLogger();
  if (values.fingerprints) {
    logger.info(`build-metadata --fingerprints: ${datasets.length} datasets from ${manifestPath}, base ${out}`);
    const failed = await recordFingerprints(datasets, out, logger);
    if (failed.length > 0) process.exitCode = 1;
    return;
  }
  if (values.matrix) {
    const failed = await buildMatrices(datasets, out, {
      max_rows: integer('max-rows', values['max-rows'], 10)!,
      holdout: DEFAULT_MATRIX_PROTOCOL.holdout,
      seed: integer('seed', values.seed, 0)!,
      seconds_limit: positive('eval-seconds', values['eval-seconds']),
      top_k: integer('matrix-top-k', values['matrix-top-k'], 1)!,
    }, integer('save-every', values['save-every'], 1)!, integer('max-evaluations', values['max-evaluations'], 1), logger);
    if (failed) process.exitCode = 1;
    return;
  }
  const budgetText = values.budget ?? (values.deep ? String(DEEP_BUDGET) : undefined);
  const budget = Number(budgetText);
  if (budgetText === undefined || !(budget > 0)) throw new AutoMLError('BAD_OPTION', `--budget <seconds per dataset> is required and must be positive, got ${values.budget ?? 'nothing'}`);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const settings: BuildSettings = {
    budget,
    maxTrials: integer('max-trials', values['max-trials'], 1) ?? (values.deep ? DEEP_MAX_TRIALS : undefined),
    topK: integer('top-k', values['top-k'], 1)!,
    seed: integer('seed', values.seed, 0)!,
    workers: integer('workers', values.workers, 0),
    out,
    force: values.force,
    runsDir: join(PACKAGE_ROOT, 'automl-runs', `metadata-${stamp}`),
  };
  logger.info(`build-metadata: ${datasets.length} datasets from ${manifestPath}, ${budget} s${settings.maxTrials === undefined ? '' : ` / ${settings.maxTrials} trials`} each, into ${out} (run logs in ${dirname(settings.runsDir)})`);
  const started = nowSeconds();
  const failed = await buildMetadata(datasets, settings, logger);
  logger.info(`build-metadata: done in ${(nowSeconds() - started).toFixed(0)} s${failed.length > 0 ? `; failed: ${failed.join(', ')}` : ''}`);
  if (failed.length > 0) process.exitCode = 1;
}

/** The matrix of every task kind the base holds; true when one could not be built. */
async function buildMatrices(datasets: readonly ManifestDataset[], out: string, protocol: MatrixProtocol, saveEvery: number, maxEvaluations: number | undefined, logger: Logger): Promise<boolean> {
  let failed = false;
  for (const kind of ['classification', 'regression'] as const) {
    const ofKind = datasets.filter((d) => taskFamily(d.task) === kind);
    if (ofKind.length === 0) continue;
    const metric = defaultMetric(ofKind[0]!.task);
    const base = readBase(out, kind, metric);
    if (base === null) {
      logger.warn(`matrix ${kind}-${metric}: no base in ${out}; build it first`);
      failed = true;
      continue;
    }
    const started = nowSeconds();
    const matrix = await buildMatrix(kind, metric, base.entries, ofKind, { protocol, out, saveEvery, ...(maxEvaluations === undefined ? {} : { maxEvaluations }) }, logger);
    const evaluated = matrix.seconds.flat().filter((x): x is number => x !== null);
    const mean = evaluated.length === 0 ? NaN : evaluated.reduce((a, b) => a + b, 0) / evaluated.length;
    const cells = matrix.candidates.length * matrix.datasets.length;
    logger.info(`matrix ${kind}-${metric}: ${(nowSeconds() - started).toFixed(0)} s this run; mean ${mean.toFixed(3)} s per evaluation, ${cells} cells ⇒ about ${formatDuration(mean * cells)} for the full matrix`);
  }
  return failed;
}

function positive(flag: string, text: string | undefined): number {
  const n = Number(text);
  if (!(n > 0)) throw new AutoMLError('BAD_OPTION', `--${flag} must be a positive number, got ${text}`);
  return n;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  main().catch((error: unknown) => {
    process.stderr.write(`build-metadata: ${errorMessage(error)}\n`);
    process.exitCode = 2;
  });
}
