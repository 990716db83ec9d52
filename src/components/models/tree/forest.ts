/**
 * Forests of randomised trees (random forests and extremely randomised trees): parameters and
 * the shared classifier / regressor classes that random-forest.ts and extra-trees.ts specialise
 * with their defaults, splitter and saved type.
 */
import type { EnsembleSettings } from './fit-trees.ts';
import {
  resolveParams,
  validateBootstrap,
  validateCriterion,
  validateEstimatorCount,
  validateGrowthParams,
  validateSeed,
} from './params.ts';
import type { ClassificationCriterion, Splitter, TreeGrowthParams } from './params.ts';
import { TreeClassifierModel, TreeRegressorModel } from './tree-model.ts';

export interface ForestRegressorParams extends TreeGrowthParams {
  readonly n_estimators: number;
  /** Grow each tree on a bootstrap resample of the rows instead of on all of them. */
  readonly bootstrap: boolean;
}

export interface ForestClassifierParams extends ForestRegressorParams {
  readonly criterion: ClassificationCriterion;
}

/** Constructor argument: any params to override, plus the seed every tree's generator derives from. */
export type ForestOptions<P> = Partial<P> & { readonly seed: number };

function validateForest(params: ForestRegressorParams, seed: number): void {
  validateGrowthParams(params);
  validateEstimatorCount(params.n_estimators);
  validateBootstrap(params.bootstrap);
  validateSeed(seed);
}

export abstract class ForestClassifier extends TreeClassifierModel {
  readonly params: ForestClassifierParams;
  readonly seed: number;

  protected constructor(
    defaults: ForestClassifierParams,
    private readonly splitter: Splitter,
    options: ForestOptions<ForestClassifierParams>,
  ) {
    super();
    this.params = resolveParams(defaults, options);
    this.seed = options.seed;
    validateForest(this.params, this.seed);
    validateCriterion(this.params.criterion);
  }

  protected get savedParams(): object {
    return this.params;
  }

  protected settings(): EnsembleSettings & { readonly criterion: ClassificationCriterion } {
    const p = this.params;
    return { growth: p, splitter: this.splitter, nTrees: p.n_estimators, bootstrap: p.bootstrap, seed: this.seed, criterion: p.criterion };
  }
}

export abstract class ForestRegressor extends TreeRegressorModel {
  readonly params: ForestRegressorParams;
  readonly seed: number;

  protected constructor(
    defaults: ForestRegressorParams,
    private readonly splitter: Splitter,
    options: ForestOptions<ForestRegressorParams>,
  ) {
    super();
    this.params = resolveParams(defaults, options);
    this.seed = options.seed;
    validateForest(this.params, this.seed);
  }

  protected get savedParams(): object {
    return this.params;
  }

  protected settings(): EnsembleSettings {
    const p = this.params;
    return { growth: p, splitter: this.splitter, nTrees: p.n_estimators, bootstrap: p.bootstrap, seed: this.seed };
  }
}
