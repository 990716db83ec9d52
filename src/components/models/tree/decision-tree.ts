/**
 * Single CART trees for classification (gini / entropy) and regression (squared error).
 * Saved as type "decision_tree".
 */
import type { JsonObject } from '../../../util/json.ts';
import type { EnsembleSettings } from './fit-trees.ts';
import {
  paramsFromJson,
  resolveParams,
  TREE_GROWTH_DEFAULTS,
  validateCriterion,
  validateGrowthParams,
  validateSeed,
  validateSplitter,
} from './params.ts';
import type { ClassificationCriterion, Splitter, TreeGrowthParams } from './params.ts';
import { asBadModelFile, readTreeState, savedTask } from './saved-state.ts';
import { TreeClassifierModel, TreeRegressorModel } from './tree-model.ts';

export const DECISION_TREE_TYPE = 'decision_tree';

export interface DecisionTreeRegressorParams extends TreeGrowthParams {
  /** 'best' searches every bin boundary; 'random' tries one random threshold per feature. */
  readonly splitter: Splitter;
}

export interface DecisionTreeClassifierParams extends DecisionTreeRegressorParams {
  readonly criterion: ClassificationCriterion;
}

export const DECISION_TREE_CLASSIFIER_DEFAULTS: DecisionTreeClassifierParams = {
  ...TREE_GROWTH_DEFAULTS,
  splitter: 'best',
  criterion: 'gini',
};

export const DECISION_TREE_REGRESSOR_DEFAULTS: DecisionTreeRegressorParams = {
  ...TREE_GROWTH_DEFAULTS,
  splitter: 'best',
};

export type DecisionTreeOptions<P> = Partial<P> & { readonly seed: number };

function settingsOf(params: DecisionTreeRegressorParams, seed: number): EnsembleSettings {
  return { growth: params, splitter: params.splitter, nTrees: 1, bootstrap: false, seed };
}

export class DecisionTreeClassifier extends TreeClassifierModel {
  protected readonly modelType = DECISION_TREE_TYPE;
  readonly params: DecisionTreeClassifierParams;
  readonly seed: number;

  constructor(options: DecisionTreeOptions<DecisionTreeClassifierParams>) {
    super();
    this.params = resolveParams(DECISION_TREE_CLASSIFIER_DEFAULTS, options);
    this.seed = options.seed;
    validateGrowthParams(this.params);
    validateSplitter(this.params.splitter);
    validateCriterion(this.params.criterion);
    validateSeed(this.seed);
  }

  protected get savedParams(): object {
    return this.params;
  }

  protected settings(): EnsembleSettings & { readonly criterion: ClassificationCriterion } {
    return { ...settingsOf(this.params, this.seed), criterion: this.params.criterion };
  }

  static fromJSON(state: JsonObject): DecisionTreeClassifier {
    const saved = readTreeState(state, 'classification');
    const params = paramsFromJson(DECISION_TREE_CLASSIFIER_DEFAULTS, saved.params);
    const model = asBadModelFile(() => new DecisionTreeClassifier({ ...params, seed: saved.seed }));
    model.restore(saved);
    return model;
  }
}

export class DecisionTreeRegressor extends TreeRegressorModel {
  protected readonly modelType = DECISION_TREE_TYPE;
  readonly params: DecisionTreeRegressorParams;
  readonly seed: number;

  constructor(options: DecisionTreeOptions<DecisionTreeRegressorParams>) {
    super();
    this.params = resolveParams(DECISION_TREE_REGRESSOR_DEFAULTS, options);
    this.seed = options.seed;
    validateGrowthParams(this.params);
    validateSplitter(this.params.splitter);
    validateSeed(this.seed);
  }

  protected get savedParams(): object {
    return this.params;
  }

  protected settings(): EnsembleSettings {
    return settingsOf(this.params, this.seed);
  }

  static fromJSON(state: JsonObject): DecisionTreeRegressor {
    const saved = readTreeState(state, 'regression');
    const params = paramsFromJson(DECISION_TREE_REGRESSOR_DEFAULTS, saved.params);
    const model = asBadModelFile(() => new DecisionTreeRegressor({ ...params, seed: saved.seed }));
    model.restore(saved);
    return model;
  }
}

/** Loader for the registry: a saved "decision_tree" of either task. */
export function decisionTreeFromJSON(state: JsonObject): DecisionTreeClassifier | DecisionTreeRegressor {
  return savedTask(state) === 'classification' ? DecisionTreeClassifier.fromJSON(state) : DecisionTreeRegressor.fromJSON(state);
}
