/**
 * Command-line pieces shared by the benchmarks that compare modes of a fit on the largest public
 * datasets (bench:fidelity, bench:early-stopping): which manifest, which datasets, lists of
 * budgets and seeds, and the worker count, each checked with a typed error.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AutoMLError } from '../util/errors.ts';
import { isJsonObject } from '../util/json.ts';
import { readCsvFile } from '../data/csv.ts';
import { complementRows, selectRawRows } from '../data/raw-rows.ts';
import type { RawTable } from '../data/raw-table.ts';
import { getScorer, type Scorer } from '../metrics/scorers.ts';
import { trainingRowsExclusion } from '../metalearning/corpus.ts';
import type { MetadataExclusion } from '../metalearning/leave-out.ts';
import { readManifest, readTestRows, type ManifestDataset } from './manifest.ts';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SHARED_MANIFEST = resolve(ROOT, '../shared/datasets/manifest.json');
const LOCAL_MANIFEST = join(ROOT, 'datasets/manifest.json');

/** The `--manifest` given, else the shared public datasets when present, else the package's own. */
export function manifestPathOf(given: string | undefined): string {
  return given ?? (existsSync(SHARED_MANIFEST) ? SHARED_MANIFEST : LOCAL_MANIFEST);
}

/** The `count` datasets of a manifest with the most cells (rows × features), largest first. */
export function largestDatasets(manifestPath: string, count: number): string[] {
  const parsed: unknown = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const entries = isJsonObject(parsed) && Array.isArray(parsed['datasets']) ? parsed['datasets'] : [];
  const sized = entries.filter(isJsonObject).map((d) => ({ name: String(d['name']), cells: Number(d['rows']) * Number(d['features']) }));
  return sized
    .filter((d) => Number.isFinite(d.cells))
    .sort((a, b) => b.cells - a.cells || a.name.localeCompare(b.name))
    .slice(0, count)
    .map((d) => d.name);
}

/** The datasets named by `--datasets a,b` (default: the `defaultCount` largest), in the manifest's terms. */
export function chosenDatasets(flag: string | undefined, manifestPath: string, defaultCount: number): ManifestDataset[] {
  const all = readManifest(manifestPath);
  const names = flag === undefined ? largestDatasets(manifestPath, defaultCount) : flag.split(',').map((s) => s.trim()).filter((s) => s !== '');
  const unknown = names.filter((name) => !all.some((d) => d.name === name));
  if (unknown.length > 0) throw new AutoMLError('BAD_OPTION', `unknown dataset(s) ${unknown.join(', ')} in ${manifestPath}`);
  return names.map((name) => all.find((d) => d.name === name)!);
}

/** A comma-separated list of non-negative numbers, e.g. `--seeds 0,1,2`. */
export function numberList(text: string, flag: string): number[] {
  const values = text.split(',').filter((s) => s.trim() !== '').map(Number);
  if (values.length === 0 || values.some((v) => !Number.isFinite(v) || v < 0)) throw new AutoMLError('BAD_OPTION', `${flag} must be a comma-separated list of non-negative numbers, got "${text}"`);
  return values;
}

/** `--time`/`--times`: budgets in seconds, every one positive. */
export function budgetList(text: string, flag: string): number[] {
  const times = numberList(text, flag);
  if (times.some((t) => t <= 0)) throw new AutoMLError('BAD_OPTION', `${flag} must be positive, got "${text}"`);
  return times;
}

/** `--workers n`: undefined when not given. */
export function workersOption(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const workers = Number(text);
  if (!(Number.isInteger(workers) && workers >= 0)) throw new AutoMLError('BAD_OPTION', `--workers must be a non-negative integer, got "${text}"`);
  return workers;
}

/** The runs appended so far to a results file, one JSON object a line (none when it does not exist). */
export function readRuns<T>(path: string): T[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}

/** A dataset's fixed training and test rows, its leave-out key for the metadata, and the metric of its task. */
export async function comparisonData(dataset: ManifestDataset): Promise<{ train: RawTable; test: RawTable; exclusion: MetadataExclusion; scorer: Scorer }> {
  const raw = await readCsvFile(dataset.csvPath);
  const testRows = readTestRows(dataset.splitPath);
  const train = selectRawRows(raw, complementRows(raw.nRows, testRows));
  const test = selectRawRows(raw, testRows);
  const scorer = getScorer(dataset.task === 'regression' ? 'rmse' : 'balanced_accuracy', dataset.task);
  return { train, test, exclusion: trainingRowsExclusion(dataset, train), scorer };
}
