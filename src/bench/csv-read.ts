/**
 * `npm run bench:csv`: time to read a 100 000-row × 20-column numeric CSV into raw columns and then
 * into the typed training dataset. The file is generated (seeded) in the system's temp folder.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCsvFile } from '../data/csv.ts';
import { buildTrainingData } from '../data/build.ts';
import { Rng } from '../util/rng.ts';

const ROWS = Number(process.argv[2] ?? 100_000);
const COLUMNS = 20;

function generate(path: string): void {
  const rng = new Rng(1);
  const header = [...Array.from({ length: COLUMNS - 1 }, (_, j) => `x${j}`), 'target'];
  const lines = [header.join(',')];
  for (let i = 0; i < ROWS; i++) {
    const row: string[] = [];
    for (let j = 0; j < COLUMNS - 1; j++) row.push((rng.normal() * 10).toFixed(4));
    row.push(rng.next() < 0.5 ? 'a' : 'b');
    lines.push(row.join(','));
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
}

const dir = mkdtempSync(join(tmpdir(), 'automl-csv-'));
const path = join(dir, 'wide.csv');
generate(path);
try {
  for (let run = 1; run <= 3; run++) {
    const start = performance.now();
    const raw = await readCsvFile(path);
    const read = performance.now();
    buildTrainingData(raw, { target: 'target' });
    const built = performance.now();
    process.stdout.write(
      `run ${run}: read ${ROWS}×${COLUMNS} CSV ${((read - start) / 1000).toFixed(2)} s, typed dataset ${((built - read) / 1000).toFixed(2)} s\n`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
