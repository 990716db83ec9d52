/**
 * `npm run bench:csv`: CSV reading cost, through readCsvFile (the reader `fit` uses). Each case
 * is generated (seeded), read, and reported with its wall time, throughput, CPU time, the number
 * of columns kept as numbers and the process's peak RSS:
 *
 *   npm run bench:csv                        the limits: one 20 MB and one 200 MB field, and a
 *                                            1 GB numeric/categorical CSV, each in its own process
 *   npm run bench:csv -- rows 1000000        a rows × 20 numeric CSV, read and typed, 3 runs
 *   npm run bench:csv -- long-field 200      one quoted field of 200 MB (and one with line breaks)
 *   npm run bench:csv -- mixed 1024          an ordinary CSV of 1024 MB: numbers and categories
 *   npm run bench:csv -- file big.csv        an existing file, read once
 *
 * `--dir <folder>` puts the generated files there instead of the system's temp folder (they are
 * deleted afterwards). Peak RSS is the process maximum, so the limits run one case per process.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCsvFile } from '../data/csv.ts';
import { isNumericCells } from '../data/raw-column.ts';
import { buildTrainingData } from '../data/build.ts';
import { Rng } from '../util/rng.ts';

const COLUMNS = 20;
const MB = 1024 * 1024;

function generateNumeric(path: string, rows: number): void {
  const rng = new Rng(1);
  const header = [...Array.from({ length: COLUMNS - 1 }, (_, j) => `x${j}`), 'target'];
  const lines = [header.join(',')];
  for (let i = 0; i < rows; i++) {
    const row: string[] = [];
    for (let j = 0; j < COLUMNS - 1; j++) row.push((rng.normal() * 10).toFixed(4));
    row.push(rng.next() < 0.5 ? 'a' : 'b');
    lines.push(row.join(','));
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
}

/** Writes text to a stream, waiting when its buffer is full. */
function writer(path: string): { write: (text: string) => Promise<void>; end: () => Promise<void> } {
  const out = createWriteStream(path);
  return {
    write: (text) => new Promise((resolve) => (out.write(text) ? resolve() : out.once('drain', resolve))),
    end: () => new Promise<void>((resolve) => out.end(resolve)),
  };
}

/** A 3-column file whose first data row holds one quoted field of `megabytes` MB. */
async function generateLongField(path: string, megabytes: number, withLineBreaks: boolean): Promise<void> {
  const out = writer(path);
  const piece = (withLineBreaks ? 'abcdefghi\n' : 'abcdefghij').repeat(MB / 10);
  await out.write('id,text,y\n1,"');
  for (let i = 0; i < megabytes; i++) await out.write(piece);
  await out.write('",a\n2,short,b\n');
  await out.end();
}

const COLOURS = ['red', 'green', 'blue', 'yellow', 'black', 'white'];
const SIZES = ['S', 'M', 'L', 'XL'];

/**
 * An ordinary table of about `megabytes` MB: 8 decimal columns, 2 integer columns, 3 categorical
 * columns (6 and 4 levels, and 2 000 city names) and a yes/no target, about 100 bytes per row.
 */
async function generateMixed(path: string, megabytes: number): Promise<void> {
  const rng = new Rng(2);
  const out = writer(path);
  await out.write('x0,x1,x2,x3,x4,x5,x6,x7,age,count,colour,size,city,target\n');
  let bytes = 0;
  while (bytes < megabytes * MB) {
    const lines: string[] = [];
    for (let i = 0; i < 10_000; i++) {
      const row: string[] = [];
      for (let j = 0; j < 8; j++) row.push((rng.normal() * 100).toFixed(3));
      row.push(String(18 + Math.floor(rng.next() * 70)), String(Math.floor(rng.next() * 100_000)));
      row.push(COLOURS[Math.floor(rng.next() * COLOURS.length)]!, SIZES[Math.floor(rng.next() * SIZES.length)]!, `city_${Math.floor(rng.next() * 2000)}`);
      row.push(rng.next() < 0.3 ? 'yes' : 'no');
      lines.push(row.join(','));
    }
    const text = `${lines.join('\n')}\n`;
    bytes += text.length;
    await out.write(text);
  }
  await out.end();
}

function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

async function timeRead(label: string, path: string): Promise<void> {
  const megabytes = statSync(path).size / MB;
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const raw = await readCsvFile(path);
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const numeric = raw.columns.filter((column) => isNumericCells(column)).length;
  // CPU time beside wall time: on a machine shared with other work the wall time says little.
  process.stdout.write(
    `${label}: ${megabytes.toFixed(0)} MB, ${raw.nRows} rows × ${raw.header.length} (${numeric} kept as numbers) read in ${seconds.toFixed(2)} s ` +
      `(${(megabytes / seconds).toFixed(1)} MB/s; CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s), peak RSS ${peakRssMb()} MB\n`,
  );
}

/** Runs each limit case in a child process of this script, so that each peak RSS is its own. */
function runLimits(dirArguments: readonly string[]): void {
  const script = fileURLToPath(import.meta.url);
  let failed = false;
  for (const args of [['long-field', '20', '--no-line-breaks'], ['long-field', '200', '--no-line-breaks'], ['mixed', '1024']]) {
    const child = spawnSync(process.execPath, [...process.execArgv, script, ...args, ...dirArguments], { stdio: 'inherit' });
    if (child.status !== 0) {
      process.stderr.write(`bench:csv ${args.join(' ')} failed (exit ${child.status ?? child.signal})\n`);
      failed = true;
    }
  }
  if (failed) process.exitCode = 1;
}

const argv = process.argv.slice(2);
const dirAt = argv.indexOf('--dir');
const baseDir = dirAt >= 0 ? argv[dirAt + 1] : undefined;
if (dirAt >= 0 && baseDir === undefined) throw new Error('usage: bench:csv -- [mode] --dir <folder>');
const positional = argv.filter((arg, i) => !arg.startsWith('--') && (dirAt < 0 || i !== dirAt + 1));
const [mode = 'limits', argument] = positional;

if (mode === 'limits') {
  runLimits(baseDir === undefined ? [] : ['--dir', baseDir]);
} else {
  const dir = mkdtempSync(join(baseDir ?? tmpdir(), 'automl-csv-'));
  try {
    if (mode === 'file') {
      if (argument === undefined) throw new Error('usage: bench:csv -- file <path>');
      await timeRead(argument, argument);
    } else if (mode === 'long-field') {
      const megabytes = Number(argument ?? 200);
      for (const withLineBreaks of argv.includes('--no-line-breaks') ? [false] : [false, true]) {
        const path = join(dir, 'long-field.csv');
        await generateLongField(path, megabytes, withLineBreaks);
        await timeRead(`one ${megabytes} MB field${withLineBreaks ? ' of 10-character lines' : ''}`, path);
        rmSync(path);
      }
    } else if (mode === 'mixed') {
      const megabytes = Number(argument ?? 1024);
      const path = join(dir, 'mixed.csv');
      const start = performance.now();
      await generateMixed(path, megabytes);
      process.stdout.write(`generated ${megabytes} MB numeric/categorical CSV in ${((performance.now() - start) / 1000).toFixed(1)} s\n`);
      await timeRead('numeric/categorical CSV', path);
    } else if (mode === 'rows') {
      const rows = Number(argument ?? 100_000);
      const path = join(dir, 'wide.csv');
      generateNumeric(path, rows);
      for (let run = 1; run <= 3; run++) {
        const start = performance.now();
        const raw = await readCsvFile(path);
        const read = performance.now();
        buildTrainingData(raw, { target: 'target' });
        const built = performance.now();
        process.stdout.write(
          `run ${run}: read ${rows}×${COLUMNS} CSV ${((read - start) / 1000).toFixed(2)} s, typed dataset ${((built - read) / 1000).toFixed(2)} s, peak RSS ${peakRssMb()} MB\n`,
        );
      }
    } else {
      throw new Error(`unknown mode ${mode}: limits | rows | long-field | mixed | file`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
