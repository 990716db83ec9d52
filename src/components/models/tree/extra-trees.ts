/**
 * Extremely randomised trees: at each split every candidate feature gets one uniform random
 * threshold between its min and max in the node and the best of those is kept; trees see all
 * rows by default (no bootstrap). Saved as type "extra_trees".
 */
import type { JsonObject } from '../../../util/json.ts';
import { ForestClassifier, ForestRegressor } from './forest.ts';
import type { ForestClassifierParams, ForestOptions, ForestRegressorParams } from './forest.ts';
import { paramsFromJson, TREE_GROWTH_DEFAULTS } from './params.ts';
import { asBadModelFile, readTreeState, savedTask } from './saved-state.ts';

export const EXTRA_TREES_TYPE = 'extra_trees';

export type ExtraTreesClassifierParams = ForestClassifierParams;
export type ExtraTreesRegressorParams = ForestRegressorParams;

export const EXTRA_TREES_CLASSIFIER_DEFAULTS: ExtraTreesClassifierParams = {
  ...TREE_GROWTH_DEFAULTS,
  n_estimators: 100,
  bootstrap: false,
  criterion: 'gini',
  max_features: 'sqrt',
};

export const EXTRA_TREES_REGRESSOR_DEFAULTS: ExtraTreesRegressorParams = {
  ...TREE_GROWTH_DEFAULTS,
  n_estimators: 100,
  bootstrap: false,
  max_features: 1,
};

export class ExtraTreesClassifier extends ForestClassifier {
  protected readonly modelType = EXTRA_TREES_TYPE;

  constructor(options: ForestOptions<ExtraTreesClassifierParams>) {
    super(EXTRA_TREES_CLASSIFIER_DEFAULTS, 'random', options);
  }

  static fromJSON(state: JsonObject): ExtraTreesClassifier {
    const saved = readTreeState(state, 'classification');
    const params = paramsFromJson(EXTRA_TREES_CLASSIFIER_DEFAULTS, saved.params);
    const model = asBadModelFile(() => new ExtraTreesClassifier({ ...params, seed: saved.seed }));
    model.restore(saved);
    return model;
  }
}

export class ExtraTreesRegressor extends ForestRegressor {
  protected readonly modelType = EXTRA_TREES_TYPE;

  constructor(options: ForestOptions<ExtraTreesRegressorParams>) {
    super(EXTRA_TREES_REGRESSOR_DEFAULTS, 'random', options);
  }

  static fromJSON(state: JsonObject): ExtraTreesRegressor {
    const saved = readTreeState(state, 'regression');
    const params = paramsFromJson(EXTRA_TREES_REGRESSOR_DEFAULTS, saved.params);
    const model = asBadModelFile(() => new ExtraTreesRegressor({ ...params, seed: saved.seed }));
    model.restore(saved);
    return model;
  }
}

/** Loader for the registry: a saved "extra_trees" of either task. */
export function extraTreesFromJSON(state: JsonObject): ExtraTreesClassifier | ExtraTreesRegressor {
  return savedTask(state) === 'classification' ? ExtraTreesClassifier.fromJSON(state) : ExtraTreesRegressor.fromJSON(state);
}
