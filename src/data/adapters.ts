/**
 * In-memory tables → RawTable: arrays of row objects and data frames. Cells become the same
 * strings a CSV file would hold, so typing and encoding downstream do not depend on the source.
 */

import { AutoMLError } from '../util/errors.ts';
import { checkHeader, type RawTable } from './raw-table.ts';

/**
 * The part of a data frame this module reads (danfo.js DataFrame has it): column names, and
 * values as one array of cells per row.
 */
export interface DataFrameLike {
  readonly columns: readonly string[];
  readonly values: readonly unknown[];
}

/** Rows as objects; columns are the union of their keys in first-seen order. */
export function rowsToRawTable(rows: readonly Record<string, unknown>[]): RawTable {
  if (!Array.isArray(rows)) throw new AutoMLError('BAD_INPUT', 'rows must be an array of objects');
  if (rows.length === 0) {
    throw new AutoMLError('BAD_INPUT', 'the array of rows is empty', { hint: 'pass at least one row' });
  }
  const position = new Map<string, number>();
  const header: string[] = [];
  const columns: string[][] = [];
  rows.forEach((row: unknown, i) => {
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      throw new AutoMLError('BAD_INPUT', `row ${i} is ${describe(row)}, not an object`, {
        hint: 'pass rows as plain objects mapping column names to values',
      });
    }
    for (const [key, value] of Object.entries(row)) {
      let j = position.get(key);
      if (j === undefined) {
        j = header.length;
        position.set(key, j);
        header.push(key);
        // Rows before this one lack the key: their cells are missing.
        columns.push(new Array<string>(rows.length).fill(''));
      }
      columns[j]![i] = cellText(value, i, key);
    }
  });
  if (header.length === 0) throw new AutoMLError('BAD_INPUT', 'the rows have no columns (every row is an empty object)');
  checkHeader(header, 'rows');
  return { header, columns, nRows: rows.length };
}

/** A data frame, read through its `columns` and row-major `values`. */
export function dataFrameToRawTable(frame: DataFrameLike): RawTable {
  const header = Array.from(frame.columns, String);
  const values = frame.values;
  if (!Array.isArray(values) || values.length === 0) {
    throw new AutoMLError('BAD_INPUT', 'the data frame has no rows', { hint: 'pass a data frame with at least one row' });
  }
  if (header.length === 0) throw new AutoMLError('BAD_INPUT', 'the data frame has no columns');
  checkHeader(header, 'data frame');
  const columns = header.map(() => new Array<string>(values.length));
  values.forEach((row: unknown, i) => {
    let cells: readonly unknown[];
    if (Array.isArray(row)) cells = row;
    else if (header.length === 1) cells = [row]; // a one-column frame may report its values flat
    else throw new AutoMLError('BAD_INPUT', `data frame row ${i} is ${describe(row)}, not an array of cells`);
    if (cells.length > header.length) {
      throw new AutoMLError('BAD_INPUT', `data frame row ${i} has ${cells.length} cells but the frame has ${header.length} columns`);
    }
    for (let j = 0; j < header.length; j++) columns[j]![i] = cellText(cells[j], i, header[j]!);
  });
  return { header, columns, nRows: values.length };
}

/** One value as CSV text: null, undefined and NaN are missing (''). */
function cellText(value: unknown, row: number, column: string): string {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
      if (Number.isNaN(value)) return '';
      if (!Number.isFinite(value)) {
        throw new AutoMLError('BAD_INPUT', `row ${row}, column '${column}': ${value} is not a usable number`, {
          hint: 'replace infinite values with a finite number, or with null to mark them missing',
        });
      }
      return String(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      return String(value);
    case 'undefined':
      return '';
    default:
      if (value === null) return '';
      if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
      throw new AutoMLError('BAD_INPUT', `row ${row}, column '${column}' holds ${describe(value)}; cells must be strings, numbers, booleans or null`);
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (value instanceof Date) return 'an invalid date';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
