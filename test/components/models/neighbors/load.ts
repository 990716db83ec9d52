/**
 * Test helper: loads a numeric benchmark CSV from datasets/ with its fixed 75/25 split
 * (<name>.split.json lists the test rows). Only for datasets whose features are all numeric and
 * complete; the target is the last column, `class` (labels coded in sorted order) or `target`.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FeatureMatrix } from '../../../../src/components/matrix.ts';

const DATASETS = fileURLToPath(new URL('../../../../datasets/', import.meta.url));

export interface Split<Y> {
  readonly train: { readonly x: FeatureMatrix; readonly y: Y };
  readonly test: { readonly x: FeatureMatrix; readonly y: Y };
}

export interface ClassificationSplit extends Split<Int32Array> {
  readonly classes: readonly string[];
}

interface RawTable {
  readonly columns: Float64Array[];
  readonly targets: string[];
  readonly testRows: ReadonlySet<number>;
}

function readTable(name: string, targetName: 'class' | 'target'): RawTable {
  const lines = readFileSync(`${DATASETS}${name}.csv`, 'utf8').split(/\r?\n/).filter((line) => line.length > 0);
  const header = lines[0]!.split(',');
  if (header.at(-1) !== targetName) throw new Error(`${name}: last column is ${header.at(-1)}, expected ${targetName}`);
  const nFeatures = header.length - 1;
  const rows = lines.slice(1).map((line) => line.split(','));
  const columns = Array.from({ length: nFeatures }, (_, j) => {
    const column = new Float64Array(rows.length);
    rows.forEach((fields, i) => {
      const value = Number(fields[j]);
      if (fields[j] === '' || !Number.isFinite(value)) throw new Error(`${name}: row ${i} feature ${j} is not numeric`);
      column[i] = value;
    });
    return column;
  });
  const split = JSON.parse(readFileSync(`${DATASETS}${name}.split.json`, 'utf8')) as { test: number[] };
  return { columns, targets: rows.map((fields) => fields[nFeatures]!), testRows: new Set(split.test) };
}

function pick<T extends Float64Array | Int32Array>(values: T, rows: readonly number[]): T {
  const out = new (values.constructor as new (length: number) => T)(rows.length);
  rows.forEach((row, i) => (out[i] = values[row]!));
  return out;
}

function splitRows<Y extends Float64Array | Int32Array>(table: RawTable, y: Y): Split<Y> {
  const all = table.targets.map((_, i) => i);
  const testRows = all.filter((i) => table.testRows.has(i));
  const trainRows = all.filter((i) => !table.testRows.has(i));
  const part = (rows: number[]) => ({
    x: { nRows: rows.length, columns: table.columns.map((column) => pick(column, rows)) },
    y: pick(y, rows),
  });
  return { train: part(trainRows), test: part(testRows) };
}

export function loadClassification(name: string): ClassificationSplit {
  const table = readTable(name, 'class');
  const classes = [...new Set(table.targets)].sort();
  const y = Int32Array.from(table.targets, (label) => classes.indexOf(label));
  return { ...splitRows(table, y), classes };
}

export function loadRegression(name: string): Split<Float64Array> {
  const table = readTable(name, 'target');
  return splitRows(table, Float64Array.from(table.targets, Number));
}

/** Rescales both parts with the training part's mean and standard deviation (constant → 1). */
export function standardise<Y>(split: Split<Y>): Split<Y> {
  const { train, test } = split;
  const scale = (x: FeatureMatrix, j: number, mean: number, sd: number): Float64Array =>
    x.columns[j]!.map((v) => (v - mean) / sd);
  const trainColumns: Float64Array[] = [];
  const testColumns: Float64Array[] = [];
  train.x.columns.forEach((column, j) => {
    const mean = column.reduce((a, b) => a + b, 0) / column.length;
    const variance = column.reduce((a, b) => a + (b - mean) ** 2, 0) / column.length;
    const sd = variance > 0 ? Math.sqrt(variance) : 1;
    trainColumns.push(scale(train.x, j, mean, sd));
    testColumns.push(scale(test.x, j, mean, sd));
  });
  return {
    train: { x: { nRows: train.x.nRows, columns: trainColumns }, y: train.y },
    test: { x: { nRows: test.x.nRows, columns: testColumns }, y: test.y },
  };
}

/** A matrix from row arrays, for small hand-made inputs. */
export function matrixFromRows(rows: readonly (readonly number[])[], nFeatures = rows[0]?.length ?? 0): FeatureMatrix {
  return {
    nRows: rows.length,
    columns: Array.from({ length: nFeatures }, (_, j) => Float64Array.from(rows, (row) => row[j]!)),
  };
}
