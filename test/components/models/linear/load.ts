/**
 * Minimal loader for the numeric benchmark CSVs used by the linear-model tests: header row,
 * numeric features, target last, no missing values, and the fixed 75/25 split stored next to
 * each file. Features can be standardised with training-set statistics.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FeatureMatrix } from '../../../../src/components/matrix.ts';

const DATASETS = fileURLToPath(new URL('../../../../datasets/', import.meta.url));

export interface Split<Y> {
  readonly xTrain: FeatureMatrix;
  readonly yTrain: Y;
  readonly xTest: FeatureMatrix;
  readonly yTest: Y;
}

export interface ClassificationSplit extends Split<Int32Array> {
  readonly nClasses: number;
}

interface RawTable {
  readonly features: Float64Array[];
  readonly target: string[];
  readonly testRows: Set<number>;
}

function readTable(name: string): RawTable {
  const lines = readFileSync(`${DATASETS}${name}.csv`, 'utf8').split('\n').filter((line) => line.length > 0);
  const nColumns = lines[0]!.split(',').length;
  const nRows = lines.length - 1;
  const features = Array.from({ length: nColumns - 1 }, () => new Float64Array(nRows));
  const target: string[] = [];
  for (let i = 0; i < nRows; i++) {
    const fields = lines[i + 1]!.split(',');
    if (fields.length !== nColumns) throw new Error(`${name}: row ${i} has ${fields.length} fields`);
    for (let j = 0; j < nColumns - 1; j++) {
      const value = Number(fields[j]);
      if (fields[j] === '' || !Number.isFinite(value)) throw new Error(`${name}: non-numeric value at row ${i}, column ${j}`);
      features[j]![i] = value;
    }
    target.push(fields[nColumns - 1]!.trim());
  }
  const split = JSON.parse(readFileSync(`${DATASETS}${name}.split.json`, 'utf8')) as { test: number[] };
  return { features, target, testRows: new Set(split.test) };
}

function rowsOf(testRows: Set<number>, nRows: number): { train: number[]; test: number[] } {
  const train: number[] = [];
  const test: number[] = [];
  for (let i = 0; i < nRows; i++) (testRows.has(i) ? test : train).push(i);
  return { train, test };
}

function take(columns: Float64Array[], rows: number[]): FeatureMatrix {
  return { nRows: rows.length, columns: columns.map((column) => Float64Array.from(rows, (r) => column[r]!)) };
}

/** Rescales both matrices to zero mean and unit variance using the training rows' statistics. */
export function standardise(train: FeatureMatrix, test: FeatureMatrix): { train: FeatureMatrix; test: FeatureMatrix } {
  const scaled = (x: FeatureMatrix, means: number[], sds: number[]): FeatureMatrix => ({
    nRows: x.nRows,
    columns: x.columns.map((column, j) => column.map((v) => (v - means[j]!) / sds[j]!)),
  });
  const means = train.columns.map((column) => column.reduce((a, b) => a + b, 0) / column.length);
  const sds = train.columns.map((column, j) => {
    const variance = column.reduce((a, v) => a + (v - means[j]!) ** 2, 0) / column.length;
    return variance > 0 ? Math.sqrt(variance) : 1;
  });
  return { train: scaled(train, means, sds), test: scaled(test, means, sds) };
}

export function loadClassification(name: string, options: { standardise?: boolean } = {}): ClassificationSplit {
  const table = readTable(name);
  const classes = [...new Set(table.target)].sort();
  const codes = Int32Array.from(table.target, (label) => classes.indexOf(label));
  const { train, test } = rowsOf(table.testRows, codes.length);
  let xTrain = take(table.features, train);
  let xTest = take(table.features, test);
  if (options.standardise === true) ({ train: xTrain, test: xTest } = standardise(xTrain, xTest));
  return {
    xTrain, xTest, nClasses: classes.length,
    yTrain: Int32Array.from(train, (r) => codes[r]!),
    yTest: Int32Array.from(test, (r) => codes[r]!),
  };
}

export function loadRegression(name: string, options: { standardise?: boolean } = {}): Split<Float64Array> {
  const table = readTable(name);
  const values = Float64Array.from(table.target, Number);
  const { train, test } = rowsOf(table.testRows, values.length);
  let xTrain = take(table.features, train);
  let xTest = take(table.features, test);
  if (options.standardise === true) ({ train: xTrain, test: xTest } = standardise(xTrain, xTest));
  return {
    xTrain, xTest,
    yTrain: Float64Array.from(train, (r) => values[r]!),
    yTest: Float64Array.from(test, (r) => values[r]!),
  };
}

/** Mean over classes of per-class recall. */
export function balancedAccuracy(truth: Int32Array, predicted: Int32Array, nClasses: number): number {
  const hits = new Float64Array(nClasses);
  const counts = new Float64Array(nClasses);
  for (let i = 0; i < truth.length; i++) {
    counts[truth[i]!]!++;
    if (predicted[i] === truth[i]) hits[truth[i]!]!++;
  }
  let total = 0;
  let present = 0;
  for (let k = 0; k < nClasses; k++) {
    if (counts[k]! > 0) {
      total += hits[k]! / counts[k]!;
      present++;
    }
  }
  return total / present;
}

export function rSquared(truth: Float64Array, predicted: Float64Array): number {
  const mean = truth.reduce((a, b) => a + b, 0) / truth.length;
  let residual = 0;
  let spread = 0;
  for (let i = 0; i < truth.length; i++) {
    residual += (truth[i]! - predicted[i]!) ** 2;
    spread += (truth[i]! - mean) ** 2;
  }
  return 1 - residual / spread;
}
