/**
 * The surrogate model: a random forest regressor over imputed configuration vectors, whose
 * across-tree mean and variance stand for the predicted (transformed) cost and its uncertainty.
 */
import { RandomForestRegressor } from '../../components/models/tree/index.ts';
import type { FeatureMatrix } from '../../components/matrix.ts';
import type { SmacSettings } from './defaults.ts';

export interface Prediction {
  readonly mean: Float64Array;
  readonly variance: Float64Array;
}

export class Surrogate {
  private readonly forest: RandomForestRegressor;
  /** Lowest predicted mean over the training rows: the incumbent value EI improves upon. */
  readonly incumbentValue: number;

  /** Fits the forest on `x` (imputed vectors) and `y` (transformed costs). */
  constructor(x: FeatureMatrix, y: Float64Array, settings: SmacSettings, seed: number) {
    this.forest = new RandomForestRegressor({
      seed,
      n_estimators: settings.n_trees,
      bootstrap: settings.bootstrap,
      max_features: settings.max_features,
      min_samples_split: settings.min_samples_split,
      min_samples_leaf: settings.min_samples_leaf,
      max_depth: settings.max_depth,
    });
    this.forest.fit(x, y);
    // The incumbent is judged by the model rather than by its single observation: with the
    // same scale on both sides of the EI comparison, one lucky noisy trial cannot set a bar
    // the model can never predict itself clearing.
    const { mean } = this.forest.predictMeanVariance(x);
    let lowest = Infinity;
    for (let i = 0; i < mean.length; i++) if (mean[i]! < lowest) lowest = mean[i]!;
    this.incumbentValue = lowest;
  }

  predict(x: FeatureMatrix): Prediction {
    return this.forest.predictMeanVariance(x);
  }
}
