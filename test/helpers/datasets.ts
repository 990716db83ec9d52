/** Loads a dataset from datasets/ with its fixed train/test split, as raw tables. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readCsvFile } from '../../src/data/csv.ts';
import { complementRows, selectRawRows } from '../../src/data/raw-rows.ts';
import type { RawTable } from '../../src/data/raw-table.ts';

export const DATASETS_DIR = fileURLToPath(new URL('../../datasets/', import.meta.url));

export function datasetPath(name: string): string {
  return `${DATASETS_DIR}${name}.csv`;
}

export async function loadSplitDataset(name: string): Promise<{ train: RawTable; test: RawTable }> {
  const raw = await readCsvFile(datasetPath(name));
  const split = JSON.parse(readFileSync(`${DATASETS_DIR}${name}.split.json`, 'utf8')) as { test: number[] };
  return { train: selectRawRows(raw, complementRows(raw.nRows, split.test)), test: selectRawRows(raw, split.test) };
}
