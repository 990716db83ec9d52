/** The tree tests' view of a bundled dataset: numeric columns only (categorical ones dropped). */
import type { FeatureMatrix } from '../../../../src/components/matrix.ts';
import { loadNumericSplit } from '../../../helpers/numeric-split.ts';

export interface LoadedSplit<Y> {
  readonly train: { readonly x: FeatureMatrix; readonly y: Y };
  readonly test: { readonly x: FeatureMatrix; readonly y: Y };
}

export interface ClassificationData extends LoadedSplit<Int32Array> {
  readonly classes: readonly string[];
}

export function loadClassification(name: string): ClassificationData {
  const { train, test, classes } = loadNumericSplit(name, { dropCategorical: true });
  return { classes, train: { x: train.x, y: train.labels }, test: { x: test.x, y: test.labels } };
}

export function loadRegression(name: string): LoadedSplit<Float64Array> {
  const { train, test } = loadNumericSplit(name, { dropCategorical: true });
  return { train: { x: train.x, y: train.target }, test: { x: test.x, y: test.target } };
}
