/**
 * Random forest and extra trees: both tasks. `max_features` is an exponent e on the feature count
 * (features per split = d^e), so the default 0.5 means √d for every dataset size, the usual
 * choice for classification. d is the width the forest receives, after encoding and feature
 * preprocessing (one-hot columns, polynomial terms, components), so the trees resolve it when
 * they are fitted.
 */
import type { ComponentContext, ComponentSpec } from '../../component.ts';
import { booleanParam, numberParam, stringParam } from '../../component.ts';
import type { Model } from '../../model.ts';
import type { Configuration } from '../../../space/index.ts';
import { ExtraTreesClassifier, ExtraTreesRegressor, RandomForestClassifier, RandomForestRegressor, type ClassificationCriterion } from '../../models/tree/index.ts';
import { categorical, emptySpace, float, integer } from '../space-helpers.ts';

/** Fixed ensemble size: more trees never hurt accuracy, so it is not worth a search dimension. */
export const N_ESTIMATORS = 100;

function forestSpace(context: ComponentContext, bootstrapDefault: boolean) {
  const space = emptySpace();
  if (context.task !== 'regression') space.addHyperparameter(categorical('criterion', ['gini', 'entropy'], 'gini'));
  return space.addHyperparameters([
    float('max_features', 0, 1, context.task === 'regression' ? 1 : 0.5),
    integer('min_samples_split', 2, 20, 2),
    integer('min_samples_leaf', 1, 20, 1),
    categorical('bootstrap', [true, false], bootstrapDefault),
  ]);
}

/**
 * `n_estimators` is no search dimension, but a trial below full fidelity (search/fidelity) passes
 * a smaller count under that name.
 */
function forestParams(params: Configuration) {
  const trees = params['n_estimators'];
  return {
    n_estimators: typeof trees === 'number' ? trees : N_ESTIMATORS,
    max_features_exponent: numberParam(params, 'max_features'),
    min_samples_split: numberParam(params, 'min_samples_split'),
    min_samples_leaf: numberParam(params, 'min_samples_leaf'),
    bootstrap: booleanParam(params, 'bootstrap'),
  };
}

export const RANDOM_FOREST_CLASSIFIER: ComponentSpec<Model> = {
  id: 'random_forest',
  families: ['classification'],
  space: (context) => forestSpace(context, true),
  create: (params, seed) =>
    new RandomForestClassifier({ ...forestParams(params), criterion: stringParam(params, 'criterion') as ClassificationCriterion, seed }),
};

export const RANDOM_FOREST_REGRESSOR: ComponentSpec<Model> = {
  id: 'random_forest',
  families: ['regression'],
  space: (context) => forestSpace(context, true),
  create: (params, seed) => new RandomForestRegressor({ ...forestParams(params), seed }),
};

export const EXTRA_TREES_CLASSIFIER: ComponentSpec<Model> = {
  id: 'extra_trees',
  families: ['classification'],
  space: (context) => forestSpace(context, false),
  create: (params, seed) =>
    new ExtraTreesClassifier({ ...forestParams(params), criterion: stringParam(params, 'criterion') as ClassificationCriterion, seed }),
};

export const EXTRA_TREES_REGRESSOR: ComponentSpec<Model> = {
  id: 'extra_trees',
  families: ['regression'],
  space: (context) => forestSpace(context, false),
  create: (params, seed) => new ExtraTreesRegressor({ ...forestParams(params), seed }),
};
