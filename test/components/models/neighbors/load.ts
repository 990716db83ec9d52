/** The neighbour tests' view of a bundled all-numeric dataset, plus small matrix helpers. */
import type { FeatureMatrix } from '../../../../src/components/matrix.ts';
import { loadNumericSplit, standardise as standardiseMatrices } from '../../../helpers/numeric-split.ts';

export interface Split<Y> {
  readonly train: { readonly x: FeatureMatrix; readonly y: Y };
  readonly test: { readonly x: FeatureMatrix; readonly y: Y };
}

export interface ClassificationSplit extends Split<Int32Array> {
  readonly classes: readonly string[];
}

export function loadClassification(name: string): ClassificationSplit {
  const { train, test, classes, targetName } = loadNumericSplit(name);
  if (targetName !== 'class') throw new Error(`${name}: last column is ${targetName}, expected class`);
  return { classes, train: { x: train.x, y: train.labels }, test: { x: test.x, y: test.labels } };
}

export function loadRegression(name: string): Split<Float64Array> {
  const { train, test, targetName } = loadNumericSplit(name);
  if (targetName !== 'target') throw new Error(`${name}: last column is ${targetName}, expected target`);
  return { train: { x: train.x, y: train.target }, test: { x: test.x, y: test.target } };
}

/** Rescales both parts with the training part's mean and standard deviation (constant → 1). */
export function standardise<Y>(split: Split<Y>): Split<Y> {
  const scaled = standardiseMatrices(split.train.x, split.test.x);
  return { train: { x: scaled.train, y: split.train.y }, test: { x: scaled.test, y: split.test.y } };
}

/** A matrix from row arrays, for small hand-made inputs. */
export function matrixFromRows(rows: readonly (readonly number[])[], nFeatures = rows[0]?.length ?? 0): FeatureMatrix {
  return {
    nRows: rows.length,
    columns: Array.from({ length: nFeatures }, (_, j) => Float64Array.from(rows, (row) => row[j]!)),
  };
}
