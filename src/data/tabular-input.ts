/**
 * Every in-memory shape the API accepts for a table, and its conversion to a RawTable.
 */

import { AutoMLError } from '../util/errors.ts';
import { dataFrameToRawTable, rowsToRawTable, type DataFrameLike } from './adapters.ts';
import type { RawTable } from './raw-table.ts';

export type TabularInput = RawTable | readonly Record<string, unknown>[] | DataFrameLike;

export function toRawTable(input: TabularInput): RawTable {
  if (Array.isArray(input)) return rowsToRawTable(input);
  // JavaScript callers can pass anything.
  if (typeof input !== 'object' || input === null) throw unrecognised();
  if (isRawTable(input)) return input;
  if (isDataFrameLike(input)) return dataFrameToRawTable(input);
  throw unrecognised();
}

function unrecognised(): AutoMLError {
  return new AutoMLError('BAD_INPUT', 'unrecognised table: expected an array of row objects, a data frame or a raw table', {
    hint: 'pass rows as [{ column: value, ... }, ...], or a CSV file path where one is accepted',
  });
}

function isRawTable(input: object): input is RawTable {
  const candidate = input as Partial<RawTable>;
  return Array.isArray(candidate.header) && Array.isArray(candidate.columns) && typeof candidate.nRows === 'number';
}

function isDataFrameLike(input: object): input is DataFrameLike {
  const candidate = input as Partial<DataFrameLike>;
  return Array.isArray(candidate.columns) && Array.isArray(candidate.values);
}
