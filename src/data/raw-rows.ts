/** Row selection on the raw table (e.g. a fixed train/test split given as row indices). */
import { selectCells } from './raw-column.ts';
import type { RawTable } from './raw-table.ts';

export function selectRawRows(raw: RawTable, rows: readonly number[]): RawTable {
  return {
    header: raw.header,
    columns: raw.columns.map((column) => selectCells(column, rows)),
    nRows: rows.length,
  };
}

/** Every row index of the table that is not in `excluded`, in order. */
export function complementRows(nRows: number, excluded: readonly number[]): number[] {
  const skip = new Uint8Array(nRows);
  for (const i of excluded) skip[i] = 1;
  const out: number[] = [];
  for (let i = 0; i < nRows; i++) if (skip[i] === 0) out.push(i);
  return out;
}
