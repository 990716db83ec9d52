/**
 * Random forests: trees grown with the best (histogram) split over a random subset of features
 * at each split, each on a bootstrap resample by default. Saved as type "random_forest".
 */
import type { JsonObject } from '../../../util/json.ts';
import { ForestClassifier, ForestRegressor } from './forest.ts';
import type { ForestClassifierParams, ForestOptions, ForestRegressorParams } from './forest.ts';
import { paramsFromJson, TREE_GROWTH_DEFAULTS } from './params.ts';
import { asBadModelFile, readTreeState, savedTask } from './saved-state.ts';

export const RANDOM_FOREST_TYPE = 'random_forest';

export type RandomForestClassifierParams = ForestClassifierParams;
export type RandomForestRegressorParams = ForestRegressorParams;

export const RANDOM_FOREST_CLASSIFIER_DEFAULTS: RandomForestClassifierParams = {
  ...TREE_GROWTH_DEFAULTS,
  n_estimators: 100,
  bootstrap: true,
  criterion: 'gini',
  max_features: 'sqrt',
};

export const RANDOM_FOREST_REGRESSOR_DEFAULTS: RandomForestRegressorParams = {
  ...TREE_GROWTH_DEFAULTS,
  n_estimators: 100,
  bootstrap: true,
  max_features: 1,
};

export class RandomForestClassifier extends ForestClassifier {
  protected readonly modelType = RANDOM_FOREST_TYPE;

  constructor(options: ForestOptions<RandomForestClassifierParams>) {
    super(RANDOM_FOREST_CLASSIFIER_DEFAULTS, 'best', options);
  }

  static fromJSON(state: JsonObject): RandomForestClassifier {
    const saved = readTreeState(state, 'classification');
    const params = paramsFromJson(RANDOM_FOREST_CLASSIFIER_DEFAULTS, saved.params);
    const model = asBadModelFile(() => new RandomForestClassifier({ ...params, seed: saved.seed }));
    model.restore(saved);
    return model;
  }
}

export class RandomForestRegressor extends ForestRegressor {
  protected readonly modelType = RANDOM_FOREST_TYPE;

  constructor(options: ForestOptions<RandomForestRegressorParams>) {
    super(RANDOM_FOREST_REGRESSOR_DEFAULTS, 'best', options);
  }

  static fromJSON(state: JsonObject): RandomForestRegressor {
    const saved = readTreeState(state, 'regression');
    const params = paramsFromJson(RANDOM_FOREST_REGRESSOR_DEFAULTS, saved.params);
    const model = asBadModelFile(() => new RandomForestRegressor({ ...params, seed: saved.seed }));
    model.restore(saved);
    return model;
  }
}

/** Loader for the registry: a saved "random_forest" of either task. */
export function randomForestFromJSON(state: JsonObject): RandomForestClassifier | RandomForestRegressor {
  return savedTask(state) === 'classification' ? RandomForestClassifier.fromJSON(state) : RandomForestRegressor.fromJSON(state);
}
