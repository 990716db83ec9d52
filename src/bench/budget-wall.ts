/**
 * `npm run bench:budget -- [--time s] [--datasets a,b|all] [--generated] [--manifest path]`
 *
 * The wall-clock contract of `automl fit --time T`, measured from outside: the command is run as
 * a child process on each dataset's training rows (and, with --generated, on generated numeric
 * data of 2 000 × 500 and 200 × 5 000 columns), and the time from process start to exit is
 * compared with T. Prints a markdown table (wall, wall/budget, exit code, trials, deployment,
 * whether a model was written) and the largest wall/budget and how many fits returned a model.
 * Without --datasets every dataset of the manifest is run; --generated alone runs only the
 * generated data. Each public dataset is left out of the metadata base while it is measured
 * (AUTOML_METADATA_EXCLUDE, by the fingerprint of its training rows); the table says whether it was.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readCsvFile } from '../data/csv.ts';
import { complementRows, selectRawRows } from '../data/raw-rows.ts';
import type { RawTable } from '../data/raw-table.ts';
import { cellText } from '../data/raw-column.ts';
import { trainingRowsExclusion } from '../metalearning/corpus.ts';
import type { MetadataExclusion } from '../metalearning/leave-out.ts';
import { METADATA_EXCLUDE_ENV } from '../cli/metadata-exclude-env.ts';
import { AutoMLError } from '../util/errors.ts';
import { isJsonObject } from '../util/json.ts';
import { readManifest, readTestRows } from './manifest.ts';
import { WIDE_TARGET, wideTable, writeTableCsv } from './wide-data.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SHARED_MANIFEST = resolve(ROOT, '../shared/datasets/manifest.json');
const CLI = join(ROOT, 'src/cli/bin.js');
/** The contract: a fit ends within its budget plus this share. */
const WALL_TOLERANCE = 0.05;
/** Generated shapes: rows × numeric columns, where a short budget's first trial may not finish. */
const GENERATED = [
  { rows: 2000, columns: 500 },
  { rows: 200, columns: 5000 },
] as const;

interface Case {
  readonly name: string;
  readonly csv: string;
  readonly target: string;
  readonly rows: number;
  readonly columns: number;
  readonly exclusion?: MetadataExclusion;
}

interface WallResult {
  readonly case: Case;
  readonly wallSeconds: number;
  readonly exitCode: number;
  readonly trials: string;
  readonly deployment: string;
  readonly modelWritten: boolean;
  /** 'yes' / 'no' for public data, '-' for generated data (no metadata entry). */
  readonly leftOut: string;
  readonly error: string;
}

/** RFC 4180 quoting where a cell needs it, so the CLI reads back exactly the raw cell. */
function csvCell(value: string): string {
  return /[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replaceAll('"', '""')}"` : value;
}

function writeCsv(table: RawTable, path: string): void {
  const lines = [table.header.map(csvCell).join(',')];
  for (let i = 0; i < table.nRows; i++) lines.push(table.columns.map((column) => csvCell(cellText(column, i))).join(','));
  writeFileSync(path, `${lines.join('\n')}\n`);
}

async function publicCases(manifestPath: string, names: readonly string[] | 'all', dir: string): Promise<Case[]> {
  const datasets = readManifest(manifestPath);
  const unknown = names === 'all' ? [] : names.filter((name) => !datasets.some((d) => d.name === name));
  if (unknown.length > 0) throw new AutoMLError('BAD_OPTION', `unknown dataset(s) ${unknown.join(', ')} in ${manifestPath}`);
  const cases: Case[] = [];
  for (const dataset of datasets.filter((d) => names === 'all' || names.includes(d.name))) {
    const raw = await readCsvFile(dataset.csvPath);
    const train = selectRawRows(raw, complementRows(raw.nRows, readTestRows(dataset.splitPath)));
    const csv = join(dir, `${dataset.name}.train.csv`);
    writeCsv(train, csv);
    cases.push({ name: dataset.name, csv, target: dataset.target, rows: train.nRows, columns: train.header.length - 1, exclusion: trainingRowsExclusion(dataset, train) });
  }
  return cases;
}

function generatedCases(dir: string): Case[] {
  return GENERATED.map(({ rows, columns }, i) => {
    const csv = join(dir, `generated-${rows}x${columns}.csv`);
    if (!existsSync(csv)) writeTableCsv(wideTable(rows, columns, 100 + i), csv);
    return { name: `generated ${rows}×${columns}`, csv, target: WIDE_TARGET, rows, columns };
  });
}

/** Runs `automl fit` on one case; wall time from spawn to exit. */
function runCli(item: Case, budget: number, outDir: string): Promise<WallResult> {
  const out = join(outDir, 'model.json');
  const args = [CLI, 'fit', item.csv, '--target', item.target, '--time', String(budget), '--out', out, '--run-dir', join(outDir, 'run'), '--json', '--quiet'];
  const env = { ...process.env, ...(item.exclusion === undefined ? {} : { [METADATA_EXCLUDE_ENV]: JSON.stringify([item.exclusion]) }) };
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((done) => {
    child.on('close', (code) => {
      const wallSeconds = (performance.now() - started) / 1000;
      const summary = parseSummary(stdout);
      const trials = isJsonObject(summary?.['trials']) ? summary['trials'] : undefined;
      const deployment = isJsonObject(summary?.['deployment']) ? summary['deployment'] : undefined;
      const warmStart = isJsonObject(summary?.['warm_start']) ? summary['warm_start'] : undefined;
      const leftOutNames = Array.isArray(warmStart?.['left_out']) ? warmStart['left_out'] : [];
      done({
        case: item,
        wallSeconds,
        exitCode: code ?? -1,
        trials: trials === undefined ? '-' : `${String(trials['success'])}/${String(trials['total'])}`,
        deployment: typeof deployment?.['kind'] === 'string' ? deployment['kind'] : '-',
        modelWritten: existsSync(out),
        leftOut: item.exclusion === undefined ? '-' : summary === undefined ? '?' : leftOutNames.includes(item.name) ? 'yes' : 'no',
        error: code === 0 ? '' : stderr.trim().split('\n').at(-1) ?? '',
      });
    });
  });
}

function parseSummary(stdout: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(stdout);
    return isJsonObject(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

export function formatWallTable(results: readonly WallResult[], budget: number): string {
  const lines = [
    `Wall clock of \`automl fit --time ${budget}\`, process start to exit (contract: ≤ ${(budget * (1 + WALL_TOLERANCE)).toFixed(2)} s)`,
    '',
    '| data | rows × columns | exit | wall s | wall/budget | trials ok/total | deployment | model | left out of metadata |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of results) {
    lines.push(
      `| ${r.case.name} | ${r.case.rows} × ${r.case.columns} | ${r.exitCode} | ${r.wallSeconds.toFixed(2)} | ${(r.wallSeconds / budget).toFixed(3)} | ${r.trials} | ${r.deployment} | ${r.modelWritten ? 'yes' : 'no'} | ${r.leftOut} |`,
    );
  }
  const worst = Math.max(...results.map((r) => r.wallSeconds / budget));
  const models = results.filter((r) => r.exitCode === 0 && r.modelWritten).length;
  lines.push('', `max wall/budget ${worst.toFixed(3)}; ${models} of ${results.length} fits returned a model`);
  for (const r of results) if (r.error !== '') lines.push(`- ${r.case.name}: exit ${r.exitCode}: ${r.error}`);
  return lines.join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      time: { type: 'string', default: '10' },
      datasets: { type: 'string' },
      generated: { type: 'boolean', default: false },
      manifest: { type: 'string', default: SHARED_MANIFEST },
    },
  });
  const budget = Number(values.time);
  if (!(budget > 0) || !Number.isFinite(budget)) throw new AutoMLError('BAD_OPTION', `--time must be a positive number of seconds, got "${values.time}"`);
  const dataDir = join(ROOT, '.scratch', 'budget-wall');
  mkdirSync(dataDir, { recursive: true });
  const names = values.datasets === undefined ? (values.generated ? [] : 'all') : values.datasets === 'all' ? 'all' : values.datasets.split(',').filter((n) => n !== '');
  const withGenerated = values.generated || values.datasets === undefined;
  const cases = [...(names === 'all' || names.length > 0 ? await publicCases(values.manifest, names, dataDir) : []), ...(withGenerated ? generatedCases(dataDir) : [])];
  const results: WallResult[] = [];
  // One fit at a time: the fits would otherwise share the cores and measure each other.
  for (const item of cases) {
    const result = await runCli(item, budget, mkdtempSync(join(dataDir, 'out-')));
    process.stderr.write(`${item.name}: exit ${result.exitCode}, ${result.wallSeconds.toFixed(2)} s, ${result.deployment}\n`);
    results.push(result);
  }
  process.stdout.write(`${formatWallTable(results, budget)}\n`);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
