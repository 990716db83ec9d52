/**
 * Minimal loader of the bundled numeric datasets for the tree tests: reads datasets/<name>.csv,
 * drops the columns the manifest marks categorical, and splits rows with <name>.split.json.
 * Refuses datasets with missing values (tree models need imputed input).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FeatureMatrix } from '../../../../src/components/matrix.ts';

const DATASET_DIR = fileURLToPath(new URL('../../../../datasets/', import.meta.url));

export interface LoadedSplit<Y> {
  readonly train: { readonly x: FeatureMatrix; readonly y: Y };
  readonly test: { readonly x: FeatureMatrix; readonly y: Y };
}

export interface ClassificationData extends LoadedSplit<Int32Array> {
  readonly classes: readonly string[];
}

interface ManifestColumn {
  readonly name: string;
  readonly type: string;
}

function categoricalColumns(name: string): Set<string> {
  const manifest = JSON.parse(readFileSync(DATASET_DIR + 'manifest.json', 'utf8')) as {
    datasets: { name: string; columns: ManifestColumn[] }[];
  };
  const entry = manifest.datasets.find((d) => d.name === name);
  if (entry === undefined) throw new Error(`dataset ${name} is not in the manifest`);
  return new Set(entry.columns.filter((c) => c.type !== 'numeric').map((c) => c.name));
}

interface RawTable {
  readonly featureColumns: Float64Array[];
  readonly target: string[];
  readonly testRows: Set<number>;
}

function readTable(name: string): RawTable {
  const lines = readFileSync(`${DATASET_DIR}${name}.csv`, 'utf8').split(/\r?\n/).filter((line) => line.length > 0);
  const header = lines[0]!.split(',');
  const skip = categoricalColumns(name);
  const kept = header.slice(0, -1).flatMap((column, index) => (skip.has(column) ? [] : [index]));
  const rows = lines.length - 1;
  const featureColumns = kept.map(() => new Float64Array(rows));
  const target: string[] = [];
  for (let i = 0; i < rows; i++) {
    const fields = lines[i + 1]!.split(',');
    kept.forEach((index, j) => {
      const field = fields[index]!;
      if (field === '') throw new Error(`${name}: missing value in row ${i}; tree tests need complete data`);
      featureColumns[j]![i] = Number(field);
    });
    target.push(fields[fields.length - 1]!);
  }
  const split = JSON.parse(readFileSync(`${DATASET_DIR}${name}.split.json`, 'utf8')) as { test: number[] };
  return { featureColumns, target, testRows: new Set(split.test) };
}

function pick(columns: readonly Float64Array[], rows: readonly number[]): FeatureMatrix {
  return { nRows: rows.length, columns: columns.map((c) => Float64Array.from(rows, (r) => c[r]!)) };
}

function splitRows(table: RawTable): { train: number[]; test: number[] } {
  const train: number[] = [];
  const test: number[] = [];
  for (let i = 0; i < table.target.length; i++) (table.testRows.has(i) ? test : train).push(i);
  return { train, test };
}

export function loadClassification(name: string): ClassificationData {
  const table = readTable(name);
  const classes = [...new Set(table.target)].sort();
  const codes = Int32Array.from(table.target, (label) => classes.indexOf(label));
  const { train, test } = splitRows(table);
  return {
    classes,
    train: { x: pick(table.featureColumns, train), y: Int32Array.from(train, (r) => codes[r]!) },
    test: { x: pick(table.featureColumns, test), y: Int32Array.from(test, (r) => codes[r]!) },
  };
}

export function loadRegression(name: string): LoadedSplit<Float64Array> {
  const table = readTable(name);
  const values = Float64Array.from(table.target, Number);
  const { train, test } = splitRows(table);
  return {
    train: { x: pick(table.featureColumns, train), y: Float64Array.from(train, (r) => values[r]!) },
    test: { x: pick(table.featureColumns, test), y: Float64Array.from(test, (r) => values[r]!) },
  };
}
