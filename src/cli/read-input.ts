/** Reads a CSV given as a path, or from standard input when the path is "-". */
import { readCsvBatches, readCsvInput, type CsvInput, type CsvOptions } from '../data/csv.ts';
import type { RawTable } from '../data/raw-table.ts';

function csvInput(path: string): CsvInput {
  return path === '-' ? { bytes: process.stdin, name: 'standard input' } : path;
}

export async function readCsvArgument(path: string, options: CsvOptions = {}): Promise<RawTable> {
  return readCsvInput(csvInput(path), options);
}

/** The CSV in batches of rows, for commands that process rows independently (predict). */
export function readCsvArgumentBatches(path: string, options: CsvOptions = {}): AsyncGenerator<RawTable> {
  return readCsvBatches(csvInput(path), options);
}
