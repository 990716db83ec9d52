/**
 * Quality floors for model tests derived from a linear model fitted on the same split, so that a
 * floor says what a model must earn rather than what it happened to score: a classifier must
 * gain at least LIFT_SHARE of the linear model's balanced-accuracy lift over chance (1/K), and a
 * regressor must explain at least LIFT_SHARE of the variance the linear model explains. A model
 * that predicts a constant or ignores its features scores chance (or R² ≤ 0) and fails; the
 * share leaves room for a flexible model to lose to a linear one on a small test split.
 */
import { argmaxRows } from '../../src/components/matrix.ts';
import { LinearRegression, LogisticRegression } from '../../src/components/models/linear/index.ts';
import type { NumericSplit } from './numeric-split.ts';
import { balancedAccuracy, rSquared } from './scores.ts';

export const LIFT_SHARE = 0.75;

export function linearClassificationFloor(split: NumericSplit): { floor: number; linear: number } {
  const nClasses = split.classes.length;
  const model = new LogisticRegression();
  model.fit(split.train.x, split.train.labels, nClasses);
  const linear = balancedAccuracy(split.test.labels, argmaxRows(model.predictProba(split.test.x)), nClasses);
  const chance = 1 / nClasses;
  return { floor: chance + LIFT_SHARE * (linear - chance), linear };
}

export function linearRegressionFloor(split: NumericSplit): { floor: number; linear: number } {
  const model = new LinearRegression();
  model.fit(split.train.x, split.train.target);
  const linear = rSquared(split.test.target, model.predict(split.test.x));
  return { floor: LIFT_SHARE * linear, linear };
}
