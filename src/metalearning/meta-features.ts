/**
 * Meta-features: numbers that describe a dataset (training rows only), so that datasets can be
 * compared and a new one can borrow the configurations that won on its nearest neighbours.
 *
 * Every feature is defined for both task kinds; class-based ones are NaN for regression and the
 * regression-target ones NaN for classification (a base holds one task kind, so a NaN column is
 * NaN for every entry and the distance skips it). Time is bounded: shape statistics look at most
 * at STATISTICS_ROWS rows, landmarkers at LANDMARK_ROWS rows, drawn with the seeded generator.
 */
import type { LabelledDataset } from '../data/dataset.ts';
import { Rng } from '../util/rng.ts';
import { landmarkMatrix } from './landmark-matrix.ts';
import { crossValidatedScore, decisionStump, gaussianNaiveBayes, oneNearestNeighbour, type LandmarkTarget } from './landmarkers.ts';
import { shapeOf, summarise } from './moments.ts';

export const STATISTICS_ROWS = 50_000;
export const LANDMARK_ROWS = 1_000;
export const LANDMARK_FOLDS = 5;

/** Name → what it measures. The order is the column order of the metadata CSV files. */
export const META_FEATURES = {
  n_instances: 'training rows',
  log_n_instances: 'natural log of n_instances',
  n_features: 'feature columns (target excluded, dropped columns excluded)',
  log_n_features: 'natural log of n_features',
  n_classes: 'distinct classes of the target (NaN for regression)',
  n_numeric_features: 'numeric feature columns',
  n_categorical_features: 'categorical feature columns',
  numeric_fraction: 'n_numeric_features / n_features',
  categorical_fraction: 'n_categorical_features / n_features',
  n_missing_values: 'missing feature cells',
  missing_value_fraction: 'n_missing_values / (n_instances × n_features)',
  n_instances_with_missing: 'rows with at least one missing feature cell',
  instances_with_missing_fraction: 'n_instances_with_missing / n_instances',
  n_features_with_missing: 'feature columns with at least one missing cell',
  features_with_missing_fraction: 'n_features_with_missing / n_features',
  dimensionality: 'n_features / n_instances',
  log_dimensionality: 'natural log of dimensionality',
  inverse_dimensionality: 'n_instances / n_features',
  log_inverse_dimensionality: 'natural log of inverse_dimensionality',
  class_probability_min: 'smallest class frequency (NaN for regression)',
  class_probability_max: 'largest class frequency (NaN for regression)',
  class_probability_mean: 'mean class frequency, 1 / n_classes (NaN for regression)',
  class_probability_std: 'population standard deviation of the class frequencies (NaN for regression)',
  class_entropy: 'entropy of the class distribution in bits (NaN for regression)',
  skewness_min: 'smallest skewness over numeric columns (0 without numeric columns; a constant column has skewness 0)',
  skewness_max: 'largest skewness over numeric columns',
  skewness_mean: 'mean skewness over numeric columns',
  skewness_std: 'standard deviation of the skewness over numeric columns',
  kurtosis_min: 'smallest excess kurtosis over numeric columns (0 without numeric columns or for a constant column)',
  kurtosis_max: 'largest excess kurtosis over numeric columns',
  kurtosis_mean: 'mean excess kurtosis over numeric columns',
  kurtosis_std: 'standard deviation of the excess kurtosis over numeric columns',
  target_skewness: 'skewness of the regression target (NaN for classification)',
  target_kurtosis: 'excess kurtosis of the regression target (NaN for classification)',
  landmark_1nn: '1-nearest-neighbour accuracy (R² for regression), 5-fold CV on ≤ 1000 rows, standardised features, one-hot categoricals',
  landmark_decision_stump: 'accuracy (R² for regression) of the best single-column split, same folds',
  landmark_naive_bayes: 'Gaussian naive Bayes accuracy, same folds (NaN for regression)',
} as const;

export type MetaFeatureName = keyof typeof META_FEATURES;
export const META_FEATURE_NAMES = Object.keys(META_FEATURES) as MetaFeatureName[];
export type MetaFeatures = Record<MetaFeatureName, number>;

/** The meta-features of a labelled training set; `seed` drives the subsamples and the folds. */
export function computeMetaFeatures(data: LabelledDataset, seed: number): MetaFeatures {
  const { features, target } = data;
  const n = features.nRows;
  const p = features.columns.length;
  const rng = new Rng(seed);
  const out = {} as MetaFeatures;

  out.n_instances = n;
  out.log_n_instances = Math.log(n);
  out.n_features = p;
  out.log_n_features = Math.log(p);
  const nCategorical = features.columns.filter((c) => c.kind === 'categorical').length;
  out.n_numeric_features = p - nCategorical;
  out.n_categorical_features = nCategorical;
  out.numeric_fraction = p === 0 ? 0 : (p - nCategorical) / p;
  out.categorical_fraction = p === 0 ? 0 : nCategorical / p;

  const rowHasMissing = new Uint8Array(n);
  let missing = 0;
  let columnsWithMissing = 0;
  for (const column of features.columns) {
    let inColumn = 0;
    for (let i = 0; i < n; i++) {
      const isMissing = column.kind === 'numeric' ? Number.isNaN(column.values[i]!) : column.codes[i]! < 0;
      if (isMissing) {
        inColumn++;
        rowHasMissing[i] = 1;
      }
    }
    missing += inColumn;
    if (inColumn > 0) columnsWithMissing++;
  }
  const rowsWithMissing = rowHasMissing.reduce((a, b) => a + b, 0);
  out.n_missing_values = missing;
  out.missing_value_fraction = n * p === 0 ? 0 : missing / (n * p);
  out.n_instances_with_missing = rowsWithMissing;
  out.instances_with_missing_fraction = n === 0 ? 0 : rowsWithMissing / n;
  out.n_features_with_missing = columnsWithMissing;
  out.features_with_missing_fraction = p === 0 ? 0 : columnsWithMissing / p;

  out.dimensionality = p / n;
  out.log_dimensionality = Math.log(p / n);
  out.inverse_dimensionality = n / p;
  out.log_inverse_dimensionality = Math.log(n / p);

  if (target.kind === 'classification') {
    const k = target.classes.length;
    const counts = new Float64Array(k);
    for (const code of target.codes) counts[code]!++;
    const probabilities = Array.from(counts, (c) => c / n);
    const stats = summarise(probabilities);
    out.n_classes = k;
    out.class_probability_min = stats.min;
    out.class_probability_max = stats.max;
    out.class_probability_mean = stats.mean;
    out.class_probability_std = stats.std;
    out.class_entropy = -probabilities.reduce((sum, q) => sum + (q > 0 ? q * Math.log2(q) : 0), 0);
    out.target_skewness = NaN;
    out.target_kurtosis = NaN;
  } else {
    out.n_classes = NaN;
    out.class_probability_min = NaN;
    out.class_probability_max = NaN;
    out.class_probability_mean = NaN;
    out.class_probability_std = NaN;
    out.class_entropy = NaN;
    const shape = shapeOf(target.values);
    out.target_skewness = shape.skewness;
    out.target_kurtosis = shape.kurtosis;
  }

  const statisticRows = subsample(n, STATISTICS_ROWS, rng);
  const skews: number[] = [];
  const kurtoses: number[] = [];
  for (const column of features.columns) {
    if (column.kind !== 'numeric') continue;
    const values = statisticRows === null ? column.values : Float64Array.from(statisticRows, (i) => column.values[i]!);
    const shape = shapeOf(values);
    skews.push(shape.skewness);
    kurtoses.push(shape.kurtosis);
  }
  const skew = summarise(skews);
  const kurtosis = summarise(kurtoses);
  out.skewness_min = skew.min;
  out.skewness_max = skew.max;
  out.skewness_mean = skew.mean;
  out.skewness_std = skew.std;
  out.kurtosis_min = kurtosis.min;
  out.kurtosis_max = kurtosis.max;
  out.kurtosis_mean = kurtosis.mean;
  out.kurtosis_std = kurtosis.std;

  const landmarkRows = subsample(n, LANDMARK_ROWS, rng) ?? Int32Array.from({ length: n }, (_, i) => i);
  const matrix = landmarkMatrix(features, landmarkRows);
  const landmarkTarget: LandmarkTarget =
    target.kind === 'classification'
      ? { kind: 'classification', codes: Int32Array.from(landmarkRows, (i) => target.codes[i]!), nClasses: target.classes.length }
      : { kind: 'regression', values: Float64Array.from(landmarkRows, (i) => target.values[i]!) };
  const nFolds = Math.min(LANDMARK_FOLDS, landmarkRows.length);
  const folds = foldAssignment(landmarkRows.length, nFolds, rng);
  out.landmark_1nn = crossValidatedScore(matrix, landmarkTarget, folds, nFolds, oneNearestNeighbour);
  out.landmark_decision_stump = crossValidatedScore(matrix, landmarkTarget, folds, nFolds, decisionStump);
  out.landmark_naive_bayes = target.kind === 'regression' ? NaN : crossValidatedScore(matrix, landmarkTarget, folds, nFolds, gaussianNaiveBayes);

  // One fixed key order whatever the assignment order above.
  return Object.fromEntries(META_FEATURE_NAMES.map((name) => [name, out[name]])) as MetaFeatures;
}

/** `limit` distinct row indices in increasing order, or null when every row fits. */
function subsample(n: number, limit: number, rng: Rng): Int32Array | null {
  if (n <= limit) return null;
  return rng.permutation(n).subarray(0, limit).sort();
}

/** Row i goes to fold (position of i in a seeded permutation) mod k: folds differ in size by at most one. */
export function foldAssignment(n: number, k: number, rng: Rng): Int32Array {
  const order = rng.permutation(n);
  const folds = new Int32Array(n);
  for (let position = 0; position < n; position++) folds[order[position]!] = position % k;
  return folds;
}
