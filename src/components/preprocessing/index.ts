/**
 * The preprocessing components: dataset-stage transformers (imputation, category coalescing),
 * encoders, rescalers and feature preprocessors, plus the class-balancing helper, and the loader
 * that rebuilds any of them from its saved form.
 */
import type { DatasetTransformer, Encoder, MatrixTransformer, SavedTransformer } from '../transformer.ts';
import { AutoMLError } from '../../util/errors.ts';
import { isJsonObject } from '../../util/json.ts';
import { CATEGORY_COALESCER_TYPE, CategoryCoalescer } from './category-coalescer.ts';
import { FEATURE_AGGLOMERATION_TYPE, FeatureAgglomeration } from './feature-agglomeration.ts';
import { IMPUTER_TYPE, Imputer } from './imputer.ts';
import { MINMAX_SCALER_TYPE, MinMaxScaler } from './minmax-scaler.ts';
import { NO_RESCALING_TYPE, NoRescaling } from './no-rescaling.ts';
import { NYSTROEM_TYPE, Nystroem } from './nystroem.ts';
import { ONE_HOT_ENCODER_TYPE, OneHotEncoder } from './one-hot-encoder.ts';
import { ORDINAL_ENCODER_TYPE, OrdinalEncoder } from './ordinal-encoder.ts';
import { PCA_TYPE, Pca } from './pca.ts';
import { POLYNOMIAL_FEATURES_TYPE, PolynomialFeatures } from './polynomial-features.ts';
import { POWER_TRANSFORMER_TYPE, PowerTransformer } from './power-transformer.ts';
import { QUANTILE_TRANSFORMER_TYPE, QuantileTransformer } from './quantile-transformer.ts';
import { RANDOM_FOURIER_FEATURES_TYPE, RandomFourierFeatures } from './random-fourier-features.ts';
import { ROBUST_SCALER_TYPE, RobustScaler } from './robust-scaler.ts';
import { SELECT_PERCENTILE_TYPE, SelectPercentile } from './select-percentile.ts';
import { STANDARD_SCALER_TYPE, StandardScaler } from './standard-scaler.ts';

export * from './balancing.ts';
export * from './category-coalescer.ts';
export * from './feature-agglomeration.ts';
export * from './imputer.ts';
export * from './minmax-scaler.ts';
export * from './no-rescaling.ts';
export * from './nystroem.ts';
export * from './one-hot-encoder.ts';
export * from './ordinal-encoder.ts';
export * from './pca.ts';
export * from './polynomial-features.ts';
export * from './power-transformer.ts';
export * from './quantile-transformer.ts';
export * from './random-fourier-features.ts';
export * from './robust-scaler.ts';
export * from './select-percentile.ts';
export * from './standard-scaler.ts';
export { AFFINITIES, LINKAGES, type Affinity, type Linkage } from './hierarchical-clustering.ts';
export { NYSTROEM_KERNELS, type KernelName, type KernelSpec } from './kernels.ts';

export type Transformer = DatasetTransformer | Encoder | MatrixTransformer;

/** Loader of each saved transformer type. */
const LOADERS: Readonly<Record<string, (state: unknown) => Transformer>> = {
  [IMPUTER_TYPE]: (state) => Imputer.fromJSON(state),
  [CATEGORY_COALESCER_TYPE]: (state) => CategoryCoalescer.fromJSON(state),
  [ONE_HOT_ENCODER_TYPE]: (state) => OneHotEncoder.fromJSON(state),
  [ORDINAL_ENCODER_TYPE]: (state) => OrdinalEncoder.fromJSON(state),
  [NO_RESCALING_TYPE]: (state) => NoRescaling.fromJSON(state),
  [STANDARD_SCALER_TYPE]: (state) => StandardScaler.fromJSON(state),
  [MINMAX_SCALER_TYPE]: (state) => MinMaxScaler.fromJSON(state),
  [ROBUST_SCALER_TYPE]: (state) => RobustScaler.fromJSON(state),
  [QUANTILE_TRANSFORMER_TYPE]: (state) => QuantileTransformer.fromJSON(state),
  [POWER_TRANSFORMER_TYPE]: (state) => PowerTransformer.fromJSON(state),
  [PCA_TYPE]: (state) => Pca.fromJSON(state),
  [SELECT_PERCENTILE_TYPE]: (state) => SelectPercentile.fromJSON(state),
  [POLYNOMIAL_FEATURES_TYPE]: (state) => PolynomialFeatures.fromJSON(state),
  [NYSTROEM_TYPE]: (state) => Nystroem.fromJSON(state),
  [RANDOM_FOURIER_FEATURES_TYPE]: (state) => RandomFourierFeatures.fromJSON(state),
  [FEATURE_AGGLOMERATION_TYPE]: (state) => FeatureAgglomeration.fromJSON(state),
};

/** Every transformer type loadTransformer knows. */
export const TRANSFORMER_TYPES: readonly string[] = Object.keys(LOADERS);

/** Rebuilds a fitted transformer from its saved form; BAD_MODEL_FILE for anything malformed. */
export function loadTransformer(saved: SavedTransformer): Transformer {
  const candidate: unknown = saved;
  if (!isJsonObject(candidate) || typeof candidate['type'] !== 'string') {
    throw new AutoMLError('BAD_MODEL_FILE', 'saved transformer has no "type"');
  }
  const type = candidate['type'];
  const loader = Object.hasOwn(LOADERS, type) ? LOADERS[type] : undefined;
  if (loader === undefined) {
    throw new AutoMLError('BAD_MODEL_FILE', `unknown transformer type "${type}"`, {
      hint: `known types: ${TRANSFORMER_TYPES.join(', ')}`,
    });
  }
  return loader(candidate['state']);
}

/** loadTransformer for a step that must be a dataset-stage transformer. */
export function loadDatasetTransformer(saved: SavedTransformer): DatasetTransformer {
  const step = loadTransformer(saved);
  if (step.stage !== 'dataset') throw wrongStage(saved.type, 'dataset');
  return step;
}

/** loadTransformer for a step that must be an encoder. */
export function loadEncoder(saved: SavedTransformer): Encoder {
  const step = loadTransformer(saved);
  if (step.stage !== 'encode') throw wrongStage(saved.type, 'encode');
  return step;
}

/** loadTransformer for a step that must be a matrix transformer. */
export function loadMatrixTransformer(saved: SavedTransformer): MatrixTransformer {
  const step = loadTransformer(saved);
  if (step.stage !== 'matrix') throw wrongStage(saved.type, 'matrix');
  return step;
}

function wrongStage(type: string, stage: string): AutoMLError {
  return new AutoMLError('BAD_MODEL_FILE', `transformer "${type}" cannot serve as a ${stage}-stage step`);
}
