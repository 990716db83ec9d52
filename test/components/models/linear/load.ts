/** The linear-model tests' view of a bundled all-numeric dataset, with the project's metrics. */
import type { FeatureMatrix } from '../../../../src/components/matrix.ts';
import { loadNumericSplit } from '../../../helpers/numeric-split.ts';

export { standardise } from '../../../helpers/numeric-split.ts';
export { balancedAccuracy, rSquared } from '../../../helpers/scores.ts';

export interface Split<Y> {
  readonly xTrain: FeatureMatrix;
  readonly yTrain: Y;
  readonly xTest: FeatureMatrix;
  readonly yTest: Y;
}

export interface ClassificationSplit extends Split<Int32Array> {
  readonly nClasses: number;
}

export function loadClassification(name: string, options: { standardise?: boolean } = {}): ClassificationSplit {
  const { train, test, classes } = loadNumericSplit(name, options);
  return { xTrain: train.x, yTrain: train.labels, xTest: test.x, yTest: test.labels, nClasses: classes.length };
}

export function loadRegression(name: string, options: { standardise?: boolean } = {}): Split<Float64Array> {
  const { train, test } = loadNumericSplit(name, options);
  return { xTrain: train.x, yTrain: train.target, xTest: test.x, yTest: test.target };
}
