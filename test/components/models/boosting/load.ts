/**
 * Test helper: reads a benchmark CSV whose features are all numeric (no missing values) and its
 * fixed 75/25 seeded split file, into FeatureMatrix form.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FeatureMatrix } from '../../../../src/components/matrix.ts';

const DATASETS = fileURLToPath(new URL('../../../../datasets/', import.meta.url));

export interface LoadedPart {
  readonly x: FeatureMatrix;
  /** Class index per row (classification). */
  readonly labels: Int32Array;
  /** Target value per row (regression). */
  readonly target: Float64Array;
}

export interface LoadedSplit {
  readonly train: LoadedPart;
  readonly test: LoadedPart;
  /** Sorted class names, or empty for a regression target. */
  readonly classes: readonly string[];
}

export function loadSplit(name: string): LoadedSplit {
  const lines = readFileSync(`${DATASETS}${name}.csv`, 'utf8').split('\n').filter((line) => line.length > 0);
  const header = lines[0]!.split(',');
  const isClassification = header[header.length - 1] === 'class';
  const nFeatures = header.length - 1;
  const rows = lines.slice(1).map((line) => line.split(','));
  const rawTargets = rows.map((cells) => cells[nFeatures]!);
  const classes = isClassification ? [...new Set(rawTargets)].sort() : [];
  const classIndex = new Map(classes.map((c, i) => [c, i]));

  const split = JSON.parse(readFileSync(`${DATASETS}${name}.split.json`, 'utf8')) as { test: number[] };
  const isTest = new Uint8Array(rows.length);
  for (const row of split.test) isTest[row] = 1;

  const part = (wantTest: number): LoadedPart => {
    const picked = rows.map((_, i) => i).filter((i) => isTest[i] === wantTest);
    const columns = Array.from({ length: nFeatures }, (_, f) => Float64Array.from(picked, (i) => Number(rows[i]![f])));
    return {
      x: { nRows: picked.length, columns },
      labels: Int32Array.from(picked, (i) => (isClassification ? classIndex.get(rawTargets[i]!)! : 0)),
      target: Float64Array.from(picked, (i) => (isClassification ? 0 : Number(rawTargets[i]))),
    };
  };
  return { train: part(0), test: part(1), classes };
}

export function accuracy(truth: Int32Array, predicted: Int32Array): number {
  let correct = 0;
  for (let i = 0; i < truth.length; i++) if (truth[i] === predicted[i]) correct++;
  return correct / truth.length;
}

export function balancedAccuracy(truth: Int32Array, predicted: Int32Array, nClasses: number): number {
  const hits = new Float64Array(nClasses);
  const counts = new Float64Array(nClasses);
  for (let i = 0; i < truth.length; i++) {
    counts[truth[i]!]++;
    if (truth[i] === predicted[i]) hits[truth[i]!]++;
  }
  let sum = 0;
  let present = 0;
  for (let k = 0; k < nClasses; k++) {
    if (counts[k]! > 0) {
      sum += hits[k]! / counts[k]!;
      present++;
    }
  }
  return sum / present;
}

export function rSquared(truth: Float64Array, predicted: Float64Array): number {
  let mean = 0;
  for (const v of truth) mean += v;
  mean /= truth.length;
  let residual = 0;
  let total = 0;
  for (let i = 0; i < truth.length; i++) {
    residual += (truth[i]! - predicted[i]!) ** 2;
    total += (truth[i]! - mean) ** 2;
  }
  return 1 - residual / total;
}
