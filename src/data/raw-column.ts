/**
 * One column of a RawTable: cell texts, or, for a CSV column whose every cell read as a number or
 * was missing, the numbers themselves. A string costs about 32 bytes of heap and a double 8, so
 * the numeric form is what lets a large file of measurements fit in memory; it holds enough to
 * give back every cell's exact text (number-spelling.ts), so the two forms mean the same table.
 */

import { spelledNumber } from './number-spelling.ts';

export interface NumericCells {
  readonly kind: 'numbers';
  /** parseNumericCell of every cell; NaN is a missing cell. */
  readonly values: Float64Array;
  /**
   * Per cell, how its text follows from its value (number-spelling.ts): 0 is String(value) (''
   * for NaN), d + 1 is value.toFixed(d). Absent when every code is 0.
   */
  readonly spellingCodes?: Uint8Array;
  /** The text of every cell the codes cannot give back ("01", " 7", a blank of spaces), by row. */
  readonly spellings: ReadonlyMap<number, string>;
}

export type RawColumn = readonly string[] | NumericCells;

export function isNumericCells(column: RawColumn): column is NumericCells {
  return !Array.isArray(column);
}

export function rawColumnLength(column: RawColumn): number {
  return isNumericCells(column) ? column.values.length : column.length;
}

/** The text of cell i, as the CSV held it. */
export function cellText(column: RawColumn, i: number): string {
  if (!isNumericCells(column)) return column[i]!;
  const spelled = column.spellings.size === 0 ? undefined : column.spellings.get(i);
  if (spelled !== undefined) return spelled;
  const value = column.values[i]!;
  return Number.isNaN(value) ? '' : spelledNumber(value, column.spellingCodes?.[i] ?? 0);
}

/** Every cell's text; a text column is returned as it is. */
export function columnTexts(column: RawColumn): readonly string[] {
  if (!isNumericCells(column)) return column;
  const texts = new Array<string>(column.values.length);
  for (let i = 0; i < texts.length; i++) texts[i] = cellText(column, i);
  return texts;
}

/** The cells at `rows`, in that order, in the column's own form. */
export function selectCells(column: RawColumn, rows: ArrayLike<number>): RawColumn {
  if (!isNumericCells(column)) return Array.from(rows, (i) => column[i]!);
  const values = new Float64Array(rows.length);
  const codes = column.spellingCodes === undefined ? undefined : new Uint8Array(rows.length);
  const spellings = new Map<number, string>();
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k]!;
    values[k] = column.values[i]!;
    if (codes !== undefined) codes[k] = column.spellingCodes![i]!;
    const spelled = column.spellings.size === 0 ? undefined : column.spellings.get(i);
    if (spelled !== undefined) spellings.set(k, spelled);
  }
  return codes === undefined ? { kind: 'numbers', values, spellings } : { kind: 'numbers', values, spellingCodes: codes, spellings };
}
