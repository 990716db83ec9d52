/**
 * Contracts of the preprocessing stages. A pipeline is
 *   impute (Dataset → Dataset) → encode (Dataset → FeatureMatrix) → rescale / feature
 *   preprocessing (FeatureMatrix → FeatureMatrix) → model.
 * Every transformer is fitted on training rows only and then applied unchanged to any rows,
 * including rows with categories or missing values never seen in training.
 */
import type { Dataset } from '../data/dataset.ts';
import type { FeatureMatrix } from './matrix.ts';
import type { JsonObject } from '../util/json.ts';

export interface SavedTransformer {
  /** Registered transformer type, e.g. "standard_scaler". */
  readonly type: string;
  readonly state: JsonObject;
}

/** Supervision some transformers use (class counts for balancing, F-test for selection). */
export type FitTarget =
  | { readonly kind: 'classification'; readonly codes: Int32Array; readonly nClasses: number }
  | { readonly kind: 'regression'; readonly values: Float64Array };

/** Works on the typed mixed-type dataset (imputers, categorical coalescing). */
export interface DatasetTransformer {
  readonly stage: 'dataset';
  fit(data: Dataset, target?: FitTarget): void;
  transform(data: Dataset): Dataset;
  toJSON(): SavedTransformer;
}

/** Turns the mixed-type dataset into the numeric matrix (one-hot / ordinal encoding). */
export interface Encoder {
  readonly stage: 'encode';
  fit(data: Dataset, target?: FitTarget): void;
  transform(data: Dataset): FeatureMatrix;
  toJSON(): SavedTransformer;
}

/** Numeric matrix to numeric matrix (scalers, PCA, feature selection, polynomial features...). */
export interface MatrixTransformer {
  readonly stage: 'matrix';
  fit(x: FeatureMatrix, target?: FitTarget): void;
  transform(x: FeatureMatrix): FeatureMatrix;
  toJSON(): SavedTransformer;
}
