/**
 * Generated wide numeric data with a binary target that depends on a few of its columns: the
 * shapes (2 000 × 500, 200 × 5 000) where a short budget's first trial can fail to finish, for
 * the wall-clock benchmark and the budget tests.
 */
import { writeFileSync } from 'node:fs';
import type { RawTable } from '../data/raw-table.ts';
import { cellText } from '../data/raw-column.ts';
import { Rng } from '../util/rng.ts';

/** Columns that carry the signal: the target is the sign of their sum plus noise. */
const INFORMATIVE = 5;
export const WIDE_TARGET = 'label';

/** `rows` × `columns` standard normal features and a binary `label`. */
export function wideTable(rows: number, columns: number, seed: number): RawTable {
  const rng = new Rng(seed);
  const features: string[][] = Array.from({ length: columns }, () => new Array<string>(rows));
  const label = new Array<string>(rows);
  for (let i = 0; i < rows; i++) {
    let signal = 0;
    for (let j = 0; j < columns; j++) {
      const value = rng.normal();
      if (j < INFORMATIVE) signal += value;
      features[j]![i] = value.toFixed(3);
    }
    label[i] = signal + 0.5 * rng.normal() > 0 ? 'yes' : 'no';
  }
  return { header: [...features.map((_, j) => `x${j}`), WIDE_TARGET], columns: [...features, label], nRows: rows };
}

/** Writes `table` as CSV (its cells need no quoting). */
export function writeTableCsv(table: RawTable, path: string): void {
  const lines = [table.header.join(',')];
  for (let i = 0; i < table.nRows; i++) lines.push(table.columns.map((column) => cellText(column, i)).join(','));
  writeFileSync(path, `${lines.join('\n')}\n`);
}
