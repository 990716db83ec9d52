/**
 * The contract every learning algorithm implements. Models see only the numeric, imputed,
 * column-major FeatureMatrix that preprocessing produces, never raw data.
 *
 * Saving: `toJSON()` returns the fitted state; each model class has a static `fromJSON(state)`
 * that rebuilds an instance predicting identically. The registry maps `type` to that loader,
 * so nothing in a saved file is ever evaluated as code.
 */
import type { FeatureMatrix, ProbabilityMatrix } from './matrix.ts';
import type { JsonObject } from '../util/json.ts';
import type { FitObserver } from './fit-observer.ts';

export interface SavedModel {
  /** Registered model type, e.g. "random_forest". */
  readonly type: string;
  readonly state: JsonObject;
}

export interface Classifier {
  readonly task: 'classification';
  /**
   * @param y class index per row in 0..nClasses-1
   * @param sampleWeight optional non-negative weight per row (class weighting is expressed this way)
   * @param observer checkpoints of an iterative learner (fit-observer.ts); other learners ignore it
   */
  fit(x: FeatureMatrix, y: Int32Array, nClasses: number, sampleWeight?: Float64Array, observer?: FitObserver): void;
  /** Row-major probabilities; every row sums to 1. */
  predictProba(x: FeatureMatrix): ProbabilityMatrix;
  toJSON(): SavedModel;
}

export interface Regressor {
  readonly task: 'regression';
  /** `observer`: as for Classifier.fit. */
  fit(x: FeatureMatrix, y: Float64Array, sampleWeight?: Float64Array, observer?: FitObserver): void;
  predict(x: FeatureMatrix): Float64Array;
  toJSON(): SavedModel;
}

export type Model = Classifier | Regressor;
