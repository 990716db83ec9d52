/**
 * Loader for the numeric benchmark CSVs used by the MLP tests: header row, numeric features,
 * target last, and the fixed 75/25 split stored next to each file. Features are standardised
 * with the training rows' statistics, as the pipeline's rescaling step would.
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

interface Table {
  readonly features: Float64Array[];
  readonly target: string[];
  readonly train: number[];
  readonly test: number[];
}

function readTable(name: string): Table {
  const lines = readFileSync(`${DATASETS}${name}.csv`, 'utf8').split('\n').filter((line) => line.trim().length > 0);
  const nColumns = lines[0]!.split(',').length;
  const nRows = lines.length - 1;
  const features = Array.from({ length: nColumns - 1 }, () => new Float64Array(nRows));
  const target: string[] = [];
  for (let i = 0; i < nRows; i++) {
    const fields = lines[i + 1]!.split(',');
    for (let j = 0; j < nColumns - 1; j++) {
      const value = Number(fields[j]);
      if (fields[j] === '' || !Number.isFinite(value)) throw new Error(`${name}: non-numeric value at row ${i}, column ${j}`);
      features[j]![i] = value;
    }
    target.push(fields[nColumns - 1]!.trim());
  }
  const testRows = new Set((JSON.parse(readFileSync(`${DATASETS}${name}.split.json`, 'utf8')) as { test: number[] }).test);
  const train: number[] = [];
  const test: number[] = [];
  for (let i = 0; i < nRows; i++) (testRows.has(i) ? test : train).push(i);
  return { features, target, train, test };
}

/** Standardised train/test matrices (training-row mean and standard deviation). */
function standardisedSplit(table: Table): { xTrain: FeatureMatrix; xTest: FeatureMatrix } {
  const trainColumns: Float64Array[] = [];
  const testColumns: Float64Array[] = [];
  for (const column of table.features) {
    const train = Float64Array.from(table.train, (r) => column[r]!);
    const mean = train.reduce((a, b) => a + b, 0) / train.length;
    const variance = train.reduce((a, v) => a + (v - mean) ** 2, 0) / train.length;
    const sd = variance > 0 ? Math.sqrt(variance) : 1;
    trainColumns.push(train.map((v) => (v - mean) / sd));
    testColumns.push(Float64Array.from(table.test, (r) => (column[r]! - mean) / sd));
  }
  return {
    xTrain: { nRows: table.train.length, columns: trainColumns },
    xTest: { nRows: table.test.length, columns: testColumns },
  };
}

export function loadClassification(name: string): ClassificationSplit {
  const table = readTable(name);
  const classes = [...new Set(table.target)].sort();
  const codes = Int32Array.from(table.target, (label) => classes.indexOf(label));
  return {
    ...standardisedSplit(table),
    nClasses: classes.length,
    yTrain: Int32Array.from(table.train, (r) => codes[r]!),
    yTest: Int32Array.from(table.test, (r) => codes[r]!),
  };
}

export function loadRegression(name: string): Split<Float64Array> {
  const table = readTable(name);
  const values = Float64Array.from(table.target, Number);
  return {
    ...standardisedSplit(table),
    yTrain: Float64Array.from(table.train, (r) => values[r]!),
    yTest: Float64Array.from(table.test, (r) => values[r]!),
  };
}
