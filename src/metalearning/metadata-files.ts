/**
 * The metadata base on disk. One directory per task kind and metric, e.g.
 * `metadata/classification-balanced_accuracy/`, holding three text files:
 *
 * - `meta_features.csv`: one row per dataset (sorted by name), one column per meta-feature in
 *   META_FEATURE_NAMES order; an empty cell is NaN (a feature undefined for the task kind);
 * - `configurations.json`: per dataset (sorted), its best configurations, lowest validation cost
 *   first, each `{ cost, config }` with hyperparameters in sorted order;
 * - `description.json`: how the base was built — package version, the hash of the space file
 *   `pipelines/<kind>.json` at build time, and per dataset the budget, trials, seconds, date, the
 *   space hash its search ran against and the data fingerprint of its training rows (what a fit
 *   on those rows computes, so a benchmark can leave the dataset it evaluates out of the base).
 *
 * Every file is rewritten whole and atomically, with a fixed key order, so a rebuild gives a
 * minimal diff.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Configuration, Value } from '../space/index.ts';
import type { TaskFamily } from '../metrics/scorers.ts';
import { writeFileAtomic } from '../util/atomic-write.ts';
import { AutoMLError } from '../util/errors.ts';
import { isJsonObject } from '../util/json.ts';
import { META_FEATURE_NAMES, type MetaFeatures } from './meta-features.ts';

export const METADATA_FORMAT = 'automl-ts/metadata';
export const METADATA_FORMAT_VERSION = 1;
export const META_FEATURES_FILE = 'meta_features.csv';
export const CONFIGURATIONS_FILE = 'configurations.json';
export const DESCRIPTION_FILE = 'description.json';

export interface RankedConfiguration {
  /** Validation cost (lower is better) found by the dataset's search. */
  readonly cost: number;
  readonly config: Configuration;
  /** Seconds the trial took to fit and validate; absent in bases written before it was kept. */
  readonly fit_seconds?: number;
}

/** How one dataset's entry was built. */
export interface DatasetBuild {
  readonly space_hash: string;
  readonly budget_seconds: number;
  readonly max_trials: number | null;
  readonly seed: number;
  readonly trials: number;
  readonly successful_trials: number;
  readonly seconds: number;
  readonly built_at: string;
  readonly rows: number;
  readonly features: number;
  /**
   * `dataFingerprint` of the training rows the search ran on; absent in bases written before it
   * was kept, whose entries can only be told apart by name.
   */
  readonly data_fingerprint?: string;
}

export interface BaseDescription {
  readonly format: string;
  readonly format_version: number;
  readonly task_kind: TaskFamily;
  readonly metric: string;
  readonly space_file: string;
  /** Hash of the space file when the base was last written. */
  readonly space_hash: string;
  readonly package_version: string;
  readonly top_k: number;
  readonly updated_at: string;
  /** Sum of the per-dataset build seconds. */
  readonly total_seconds: number;
  readonly datasets: Readonly<Record<string, DatasetBuild>>;
}

export interface BaseEntry {
  readonly dataset: string;
  readonly metaFeatures: MetaFeatures;
  readonly configurations: readonly RankedConfiguration[];
  readonly build: DatasetBuild;
}

export interface MetadataBase {
  readonly kind: TaskFamily;
  readonly metric: string;
  readonly description: BaseDescription;
  readonly entries: readonly BaseEntry[];
}

export function baseDirectory(root: string, kind: TaskFamily, metric: string): string {
  return join(root, `${kind}-${metric}`);
}

/** Writes the three files of a base; entries are sorted by dataset name. */
export function writeBase(root: string, base: MetadataBase): void {
  const directory = baseDirectory(root, base.kind, base.metric);
  mkdirSync(directory, { recursive: true });
  const entries = [...base.entries].sort((a, b) => compareNames(a.dataset, b.dataset));
  const csv = [['dataset', ...META_FEATURE_NAMES].join(',')];
  for (const entry of entries) csv.push([entry.dataset, ...META_FEATURE_NAMES.map((name) => formatNumber(entry.metaFeatures[name]))].join(','));
  const configurations: Record<string, unknown> = {};
  for (const entry of entries) configurations[entry.dataset] = entry.configurations.map((c) => ({
      cost: c.cost,
      ...(c.fit_seconds === undefined ? {} : { fit_seconds: round(c.fit_seconds) }),
      config: sortedConfig(c.config),
    }));
  const datasets: Record<string, DatasetBuild> = {};
  for (const entry of entries) datasets[entry.dataset] = entry.build;
  const description: BaseDescription = { ...base.description, datasets, total_seconds: round(entries.reduce((s, e) => s + e.build.seconds, 0)) };
  writeFileAtomic(join(directory, META_FEATURES_FILE), `${csv.join('\n')}\n`);
  writeFileAtomic(join(directory, CONFIGURATIONS_FILE), `${JSON.stringify(configurations, null, 2)}\n`);
  writeFileAtomic(join(directory, DESCRIPTION_FILE), `${JSON.stringify(description, null, 2)}\n`);
}

/**
 * The base for a task kind and metric, or null when it is absent or empty. A malformed base is a
 * BAD_INPUT error naming the file (a hand-edited base should fail loudly, not silently help less).
 */
export function readBase(root: string, kind: TaskFamily, metric: string): MetadataBase | null {
  const directory = baseDirectory(root, kind, metric);
  const files = [META_FEATURES_FILE, CONFIGURATIONS_FILE, DESCRIPTION_FILE].map((f) => join(directory, f));
  if (!files.every((f) => existsSync(f))) return null;
  const [csvPath, configPath, descriptionPath] = files as [string, string, string];
  const description = parseJson(descriptionPath) as BaseDescription;
  if (!isJsonObject(description) || description.format !== METADATA_FORMAT || !isJsonObject(description.datasets)) {
    throw new AutoMLError('BAD_INPUT', `${descriptionPath}: not a metadata description (format ${METADATA_FORMAT})`);
  }
  const configurations = parseJson(configPath);
  if (!isJsonObject(configurations)) throw new AutoMLError('BAD_INPUT', `${configPath}: expected an object of dataset → configurations`);
  const features = parseMetaFeatureCsv(csvPath);
  const entries: BaseEntry[] = [];
  for (const [dataset, metaFeatures] of features) {
    const build = description.datasets[dataset];
    const ranked = configurations[dataset];
    if (build === undefined || !Array.isArray(ranked)) continue;
    if (build.data_fingerprint !== undefined && (typeof build.data_fingerprint !== 'string' || build.data_fingerprint === '')) {
      throw new AutoMLError('BAD_INPUT', `${descriptionPath}: dataset ${dataset} has a data_fingerprint that is not a non-empty string`);
    }
    entries.push({ dataset, metaFeatures, configurations: ranked.flatMap((item) => rankedFrom(item)), build });
  }
  if (entries.length === 0) return null;
  return { kind, metric, description, entries };
}

function rankedFrom(item: unknown): RankedConfiguration[] {
  if (!isJsonObject(item) || typeof item['cost'] !== 'number' || !isJsonObject(item['config'])) return [];
  const config: Record<string, Value> = {};
  for (const [name, value] of Object.entries(item['config'])) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') config[name] = value;
  }
  const seconds = item['fit_seconds'];
  return [{ cost: item['cost'], config, ...(typeof seconds === 'number' && seconds >= 0 ? { fit_seconds: seconds } : {}) }];
}

function parseJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new AutoMLError('BAD_INPUT', `cannot read metadata file ${path}: ${(error as Error).message}`);
  }
}

function parseMetaFeatureCsv(path: string): Map<string, MetaFeatures> {
  const lines = readFileSync(path, 'utf8').split('\n').filter((line) => line.trim() !== '');
  const header = (lines[0] ?? '').split(',');
  if (header[0] !== 'dataset') throw new AutoMLError('BAD_INPUT', `${path}: the first column must be "dataset"`);
  const out = new Map<string, MetaFeatures>();
  for (const line of lines.slice(1)) {
    const cells = line.split(',');
    const values = {} as MetaFeatures;
    // Features missing from an older file are NaN, so a base survives new meta-features.
    for (const name of META_FEATURE_NAMES) {
      const index = header.indexOf(name);
      const cell = index < 0 ? '' : (cells[index] ?? '');
      values[name] = cell === '' ? NaN : Number(cell);
    }
    out.set(cells[0]!, values);
  }
  return out;
}

/** 12 significant digits: stable across platforms, far finer than any distance needs. */
function formatNumber(value: number): string {
  return Number.isFinite(value) ? String(Number(value.toPrecision(12))) : '';
}

function sortedConfig(config: Configuration): Configuration {
  return Object.fromEntries(Object.keys(config).sort(compareNames).map((name) => [name, config[name]!]));
}

/** Code-point order, independent of the locale. */
function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function round(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}
