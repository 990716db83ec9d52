/**
 * Regularised linear models: logistic regression for classification, ridge / lasso / elastic net
 * for regression. `l1_ratio` exists only for the elastic-net penalty.
 */
import type { ComponentSpec } from '../../component.ts';
import { numberParam, stringParam } from '../../component.ts';
import type { Model } from '../../model.ts';
import { EqualsCondition } from '../../../space/index.ts';
import { LinearRegression, LogisticRegression, type Penalty } from '../../models/linear/index.ts';
import { categorical, emptySpace, float } from '../space-helpers.ts';

function penaltyParams(params: Record<string, string | number | boolean>) {
  const penalty = stringParam(params, 'penalty') as Penalty;
  return penalty === 'elasticnet' ? { penalty, l1_ratio: numberParam(params, 'l1_ratio') } : { penalty };
}

export const LOGISTIC_REGRESSION: ComponentSpec<Model> = {
  id: 'logistic_regression',
  families: ['classification'],
  space: () =>
    emptySpace()
      .addHyperparameters([
        categorical('penalty', ['l2', 'l1', 'elasticnet'], 'l2'),
        float('C', 0.03125, 32768, 1, true),
        float('l1_ratio', 0.01, 0.99, 0.5),
      ])
      .addCondition(new EqualsCondition('l1_ratio', 'penalty', 'elasticnet')),
  create: (params) => new LogisticRegression({ ...penaltyParams(params), C: numberParam(params, 'C') }),
};

export const LINEAR_REGRESSION: ComponentSpec<Model> = {
  id: 'linear_regression',
  families: ['regression'],
  space: () =>
    emptySpace()
      .addHyperparameters([
        categorical('penalty', ['l2', 'l1', 'elasticnet'], 'l2'),
        float('alpha', 1e-5, 10, 0.01, true),
        float('l1_ratio', 0.01, 0.99, 0.5),
      ])
      .addCondition(new EqualsCondition('l1_ratio', 'penalty', 'elasticnet')),
  create: (params) => new LinearRegression({ ...penaltyParams(params), alpha: numberParam(params, 'alpha') }),
};
