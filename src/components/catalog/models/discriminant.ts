/** Linear and quadratic discriminant analysis (classification); cheap, strong on Gaussian-like data. */
import type { ComponentSpec } from '../../component.ts';
import { numberParam, stringParam } from '../../component.ts';
import type { Model } from '../../model.ts';
import { EqualsCondition } from '../../../space/index.ts';
import { LinearDiscriminantAnalysis } from '../../models/discriminant/linear-discriminant-analysis.ts';
import { QuadraticDiscriminantAnalysis } from '../../models/discriminant/quadratic-discriminant-analysis.ts';
import { categorical, emptySpace, float } from '../space-helpers.ts';

export const LDA: ComponentSpec<Model> = {
  id: 'lda',
  families: ['classification'],
  space: () =>
    emptySpace()
      .addHyperparameters([categorical('shrinkage', ['none', 'auto', 'manual'], 'none'), float('shrinkage_factor', 0, 1, 0.5)])
      .addCondition(new EqualsCondition('shrinkage_factor', 'shrinkage', 'manual')),
  create: (params) =>
    new LinearDiscriminantAnalysis({
      shrinkage: stringParam(params, 'shrinkage') as 'none' | 'auto' | 'manual',
      ...(params['shrinkage_factor'] === undefined ? {} : { shrinkageFactor: numberParam(params, 'shrinkage_factor') }),
    }),
};

export const QDA: ComponentSpec<Model> = {
  id: 'qda',
  families: ['classification'],
  space: () => emptySpace().addHyperparameter(float('reg_param', 0, 1, 0)),
  create: (params) => new QuadraticDiscriminantAnalysis({ regParam: numberParam(params, 'reg_param') }),
};
