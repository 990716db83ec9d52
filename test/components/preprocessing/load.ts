/**
 * A small loader of the benchmark datasets for the preprocessing tests, independent of the data
 * layer. It reads column types from datasets/manifest.json and applies the published split.
 * Categorical dictionaries are built from the training rows only (ordered factors keep their
 * declared levels), so held-out rows can carry UNKNOWN_CODE, exactly what the stages must handle.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { MISSING_CODE, UNKNOWN_CODE, type Column, type Dataset } from '../../../src/data/dataset.ts';
import type { FitTarget } from '../../../src/components/transformer.ts';

const DATASETS_DIR = fileURLToPath(new URL('../../../datasets/', import.meta.url));

interface ManifestColumn {
  readonly name: string;
  readonly type: 'numeric' | 'categorical';
  readonly ordered_levels?: string[];
}

interface ManifestEntry {
  readonly name: string;
  readonly file: string;
  readonly split_file: string;
  readonly task: 'binary' | 'multiclass' | 'regression';
  readonly target: string;
  readonly columns: ManifestColumn[];
}

export interface SplitDataset {
  readonly name: string;
  readonly train: Dataset;
  readonly test: Dataset;
  readonly trainTarget: FitTarget;
  readonly testTarget: FitTarget;
}

const cache = new Map<string, SplitDataset>();

export function loadSplit(name: string): SplitDataset {
  const cached = cache.get(name);
  if (cached !== undefined) return cached;
  const manifest = JSON.parse(readFileSync(DATASETS_DIR + 'manifest.json', 'utf8')) as { datasets: ManifestEntry[] };
  const entry = manifest.datasets.find((d) => d.name === name);
  if (entry === undefined) throw new Error(`no dataset ${name} in the manifest`);
  const parsed = Papa.parse<string[]>(readFileSync(DATASETS_DIR + entry.file, 'utf8'), { skipEmptyLines: true });
  const [header, ...rows] = parsed.data;
  if (header === undefined) throw new Error(`${name}: empty file`);
  const testRows = (JSON.parse(readFileSync(DATASETS_DIR + entry.split_file, 'utf8')) as { test: number[] }).test;
  const isTest = new Uint8Array(rows.length);
  for (const row of testRows) isTest[row] = 1;
  const trainRows = rows.map((_, i) => i).filter((i) => isTest[i] === 0);

  const fieldsOf = (columnName: string): string[] => {
    const index = header.indexOf(columnName);
    if (index < 0) throw new Error(`${name}: no column ${columnName}`);
    return rows.map((row) => row[index] ?? '');
  };
  const trainColumns: Column[] = [];
  const testColumns: Column[] = [];
  for (const column of entry.columns) {
    const fields = fieldsOf(column.name);
    if (column.type === 'numeric') {
      const values = Float64Array.from(fields, (field) => (field === '' ? NaN : Number(field)));
      trainColumns.push({ kind: 'numeric', name: column.name, values: Float64Array.from(trainRows, (i) => values[i]!) });
      testColumns.push({ kind: 'numeric', name: column.name, values: Float64Array.from(testRows, (i) => values[i]!) });
      continue;
    }
    const ordered = column.ordered_levels !== undefined;
    const categories = column.ordered_levels ?? [...new Set(trainRows.map((i) => fields[i]!).filter((f) => f !== ''))].sort();
    const codeOf = new Map(categories.map((category, code) => [category, code]));
    const encode = (field: string): number => (field === '' ? MISSING_CODE : (codeOf.get(field) ?? UNKNOWN_CODE));
    const base = { kind: 'categorical' as const, name: column.name, categories, ...(ordered ? { ordered: true } : {}) };
    trainColumns.push({ ...base, codes: Int32Array.from(trainRows, (i) => encode(fields[i]!)) });
    testColumns.push({ ...base, codes: Int32Array.from(testRows, (i) => encode(fields[i]!)) });
  }

  const targetFields = fieldsOf(entry.target);
  const targetOf = (subset: number[]): FitTarget => {
    if (entry.task === 'regression') return { kind: 'regression', values: Float64Array.from(subset, (i) => Number(targetFields[i])) };
    const classes = [...new Set(targetFields)].sort();
    return { kind: 'classification', codes: Int32Array.from(subset, (i) => classes.indexOf(targetFields[i]!)), nClasses: classes.length };
  };
  const split: SplitDataset = {
    name,
    train: { nRows: trainRows.length, columns: trainColumns },
    test: { nRows: testRows.length, columns: testColumns },
    trainTarget: targetOf(trainRows),
    testTarget: targetOf(testRows),
  };
  cache.set(name, split);
  return split;
}
