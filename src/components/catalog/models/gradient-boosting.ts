/** Histogram gradient boosting (our own): both tasks, ranges on log scales for rates and sizes. */
import type { ComponentSpec } from '../../component.ts';
import { numberParam } from '../../component.ts';
import type { Model } from '../../model.ts';
import type { Configuration } from '../../../space/index.ts';
import { HistGradientBoostingClassifier, HistGradientBoostingRegressor } from '../../models/boosting/index.ts';
import { emptySpace, float, integer } from '../space-helpers.ts';

function boostingSpace() {
  return emptySpace().addHyperparameters([
    float('learning_rate', 0.01, 1, 0.1, true),
    integer('max_iter', 32, 512, 100, true),
    integer('max_leaf_nodes', 3, 2047, 31, true),
    integer('min_samples_leaf', 1, 200, 20, true),
    float('l2_regularization', 1e-10, 1, 1e-10, true),
    float('subsample', 0.5, 1, 1),
    float('colsample_bytree', 0.3, 1, 1),
  ]);
}

function boostingParams(params: Configuration, seed: number) {
  return {
    learning_rate: numberParam(params, 'learning_rate'),
    max_iter: numberParam(params, 'max_iter'),
    max_leaf_nodes: numberParam(params, 'max_leaf_nodes'),
    min_samples_leaf: numberParam(params, 'min_samples_leaf'),
    l2_regularization: numberParam(params, 'l2_regularization'),
    subsample: numberParam(params, 'subsample'),
    colsample_bytree: numberParam(params, 'colsample_bytree'),
    seed,
  };
}

export const GRADIENT_BOOSTING_CLASSIFIER: ComponentSpec<Model> = {
  id: 'gradient_boosting',
  families: ['classification'],
  space: boostingSpace,
  create: (params, seed) => new HistGradientBoostingClassifier(boostingParams(params, seed)),
};

export const GRADIENT_BOOSTING_REGRESSOR: ComponentSpec<Model> = {
  id: 'gradient_boosting',
  families: ['regression'],
  space: boostingSpace,
  create: (params, seed) => new HistGradientBoostingRegressor(boostingParams(params, seed)),
};
