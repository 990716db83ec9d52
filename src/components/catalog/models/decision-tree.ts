/**
 * A single CART tree. Depth is searched as a factor of the feature count (max_depth =
 * max(1, round(factor · d))) so that one range suits narrow and wide datasets alike; d is the
 * width the tree receives after encoding and feature preprocessing, resolved at fit time.
 */
import type { ComponentContext, ComponentSpec } from '../../component.ts';
import { numberParam, stringParam } from '../../component.ts';
import type { Model } from '../../model.ts';
import type { Configuration } from '../../../space/index.ts';
import { DecisionTreeClassifier, DecisionTreeRegressor, type ClassificationCriterion } from '../../models/tree/index.ts';
import { categorical, emptySpace, float, integer } from '../space-helpers.ts';

function treeSpace(context: ComponentContext) {
  const space = emptySpace();
  if (context.task !== 'regression') space.addHyperparameter(categorical('criterion', ['gini', 'entropy'], 'gini'));
  return space.addHyperparameters([
    float('max_depth_factor', 0, 2, 0.5),
    integer('min_samples_split', 2, 20, 2),
    integer('min_samples_leaf', 1, 20, 1),
  ]);
}

function treeParams(params: Configuration) {
  return {
    max_depth_factor: numberParam(params, 'max_depth_factor'),
    min_samples_split: numberParam(params, 'min_samples_split'),
    min_samples_leaf: numberParam(params, 'min_samples_leaf'),
  };
}

export const DECISION_TREE_CLASSIFIER: ComponentSpec<Model> = {
  id: 'decision_tree',
  families: ['classification'],
  space: treeSpace,
  create: (params, seed) =>
    new DecisionTreeClassifier({ ...treeParams(params), criterion: stringParam(params, 'criterion') as ClassificationCriterion, seed }),
};

export const DECISION_TREE_REGRESSOR: ComponentSpec<Model> = {
  id: 'decision_tree',
  families: ['regression'],
  space: treeSpace,
  create: (params, seed) => new DecisionTreeRegressor({ ...treeParams(params), seed }),
};
