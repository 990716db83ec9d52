/**
 * `npm run bench:csv`: CSV reading cost. Each case is generated (seeded) in the system's temp
 * folder, read, and reported with its wall time and the process's peak RSS so far:
 *
 *   npm run bench:csv                       100 000 × 20 numeric CSV, read and typed, 3 runs
 *   npm run bench:csv -- rows 1000000       the same with another row count
 *   npm run bench:csv -- long-field 200     one quoted field of 200 MB (and one with line breaks)
 *   npm run bench:csv -- file big.csv       an existing file, read once
 *
 * Peak RSS is the process maximum, so run one large case per process to read it per case.
 */
import { createWriteStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCsvFile } from '../data/csv.ts';
import { buildTrainingData } from '../data/build.ts';
import { Rng } from '../util/rng.ts';

const COLUMNS = 20;

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

/** A 3-column file whose first data row holds one quoted field of `megabytes` MB. */
async function generateLongField(path: string, megabytes: number, withLineBreaks: boolean): Promise<void> {
  const out = createWriteStream(path);
  const piece = (withLineBreaks ? 'abcdefghi\n' : 'abcdefghij').repeat(100_000);
  const write = (text: string): Promise<void> => new Promise((resolve) => (out.write(text) ? resolve() : out.once('drain', resolve)));
  await write('id,text,y\n1,"');
  for (let i = 0; i < megabytes; i++) await write(piece);
  await write('",a\n2,short,b\n');
  await new Promise<void>((resolve) => out.end(resolve));
}

function peakRssMb(): string {
  return `${Math.round(process.resourceUsage().maxRSS / 1024)} MB`;
}

async function timeRead(label: string, path: string): Promise<void> {
  const start = performance.now();
  const raw = await readCsvFile(path);
  const seconds = (performance.now() - start) / 1000;
  process.stdout.write(`${label}: read ${raw.nRows} rows × ${raw.header.length} in ${seconds.toFixed(2)} s, peak RSS ${peakRssMb()}\n`);
}

const [mode = 'rows', argument] = process.argv.slice(2);
const dir = mkdtempSync(join(tmpdir(), 'automl-csv-'));
try {
  if (mode === 'file') {
    if (argument === undefined) throw new Error('usage: bench:csv -- file <path>');
    await timeRead(argument, argument);
  } else if (mode === 'long-field') {
    const megabytes = Number(argument ?? 200);
    for (const withLineBreaks of [false, true]) {
      const path = join(dir, 'long-field.csv');
      await generateLongField(path, megabytes, withLineBreaks);
      await timeRead(`one ${megabytes} MB field${withLineBreaks ? ' of 10-character lines' : ''}`, path);
      rmSync(path);
    }
  } else {
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
        `run ${run}: read ${rows}×${COLUMNS} CSV ${((read - start) / 1000).toFixed(2)} s, typed dataset ${((built - read) / 1000).toFixed(2)} s, peak RSS ${peakRssMb()}\n`,
      );
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
