/**
 * Synchronous loader of a bundled dataset as typed feature matrices for model-level tests, which
 * exercise one estimator without the data layer or the preprocessing chain in front of it. Reads
 * datasets/<name>.csv (header row, target last) and its fixed split file; refuses missing values,
 * because estimators receive imputed input in a pipeline.
 */
import { readFileSync } from 'node:fs';
import type { FeatureMatrix } from '../../src/components/matrix.ts';
import { DATASETS_DIR } from './datasets.ts';

export interface NumericPart {
  readonly x: FeatureMatrix;
  /** Class index per row into `classes` (0 everywhere for a numeric target). */
  readonly labels: Int32Array;
  /** Target value per row (NaN for a class label). */
  readonly target: Float64Array;
}

export interface NumericSplit {
  readonly train: NumericPart;
  readonly test: NumericPart;
  /** Sorted distinct target values as strings. */
  readonly classes: readonly string[];
  /** Header of the target (last) column. */
  readonly targetName: string;
}

export interface NumericSplitOptions {
  /** Drop the columns the manifest marks non-numeric instead of failing on them. */
  readonly dropCategorical?: boolean;
  /** Rescale features to zero mean and unit variance with the training rows' statistics. */
  readonly standardise?: boolean;
}

function nonNumericColumns(name: string): Set<string> {
  const manifest = JSON.parse(readFileSync(`${DATASETS_DIR}manifest.json`, 'utf8')) as {
    datasets: { name: string; columns: { name: string; type: string }[] }[];
  };
  const entry = manifest.datasets.find((d) => d.name === name);
  if (entry === undefined) throw new Error(`dataset ${name} is not in the manifest`);
  return new Set(entry.columns.filter((c) => c.type !== 'numeric').map((c) => c.name));
}

export function loadNumericSplit(name: string, options: NumericSplitOptions = {}): NumericSplit {
  const lines = readFileSync(`${DATASETS_DIR}${name}.csv`, 'utf8').split(/\r?\n/).filter((line) => line.trim().length > 0);
  const header = lines[0]!.split(',');
  const targetIndex = header.length - 1;
  const skipped = options.dropCategorical === true ? nonNumericColumns(name) : new Set<string>();
  const kept = header.slice(0, targetIndex).flatMap((column, index) => (skipped.has(column) ? [] : [index]));
  const nRows = lines.length - 1;
  const columns = kept.map(() => new Float64Array(nRows));
  const rawTarget: string[] = [];
  for (let i = 0; i < nRows; i++) {
    const fields = lines[i + 1]!.split(',');
    if (fields.length !== header.length) throw new Error(`${name}: row ${i} has ${fields.length} fields, expected ${header.length}`);
    kept.forEach((index, j) => {
      const value = Number(fields[index]);
      if (fields[index] === '' || !Number.isFinite(value)) throw new Error(`${name}: non-numeric or missing value at row ${i}, column ${header[index]}`);
      columns[j]![i] = value;
    });
    rawTarget.push(fields[targetIndex]!.trim());
  }
  const classes = [...new Set(rawTarget)].sort();
  const classIndex = new Map(classes.map((c, i) => [c, i]));
  const testRows = new Set((JSON.parse(readFileSync(`${DATASETS_DIR}${name}.split.json`, 'utf8')) as { test: number[] }).test);
  const trainIndex: number[] = [];
  const testIndex: number[] = [];
  for (let i = 0; i < nRows; i++) (testRows.has(i) ? testIndex : trainIndex).push(i);
  const part = (rows: readonly number[]): NumericPart => ({
    x: { nRows: rows.length, columns: columns.map((column) => Float64Array.from(rows, (r) => column[r]!)) },
    labels: Int32Array.from(rows, (r) => classIndex.get(rawTarget[r]!)!),
    target: Float64Array.from(rows, (r) => Number(rawTarget[r])),
  });
  let train = part(trainIndex);
  let test = part(testIndex);
  if (options.standardise === true) {
    const scaled = standardise(train.x, test.x);
    train = { ...train, x: scaled.train };
    test = { ...test, x: scaled.test };
  }
  return { train, test, classes, targetName: header[targetIndex]! };
}

/** Rescales both matrices to zero mean and unit variance using the training rows' statistics. */
export function standardise(train: FeatureMatrix, test: FeatureMatrix): { train: FeatureMatrix; test: FeatureMatrix } {
  const means = train.columns.map((column) => column.reduce((a, b) => a + b, 0) / column.length);
  const sds = train.columns.map((column, j) => {
    const variance = column.reduce((a, v) => a + (v - means[j]!) ** 2, 0) / column.length;
    return variance > 0 ? Math.sqrt(variance) : 1;
  });
  const scaled = (x: FeatureMatrix): FeatureMatrix => ({
    nRows: x.nRows,
    columns: x.columns.map((column, j) => column.map((v) => (v - means[j]!) / sds[j]!)),
  });
  return { train: scaled(train), test: scaled(test) };
}
