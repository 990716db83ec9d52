/**
 * Feature preprocessing slot: transformations of the scaled matrix before the model. Ranges follow
 * the usual AutoML practice (log scales for kernel widths and component counts); where a range
 * would make a transformer infeasible on a dataset, the component declares it does not apply.
 */
import type { ComponentContext, ComponentSpec } from '../component.ts';
import { booleanParam, numberParam, stringParam } from '../component.ts';
import type { MatrixTransformer } from '../transformer.ts';
import { ConstantHyperparameter, EqualsCondition, ForbiddenAnd, ForbiddenEquals, ForbiddenIn, InCondition } from '../../space/index.ts';
import { NoRescaling } from '../preprocessing/no-rescaling.ts';
import { Pca } from '../preprocessing/pca.ts';
import { SelectPercentile, type ScoreFunction } from '../preprocessing/select-percentile.ts';
import { PolynomialFeatures } from '../preprocessing/polynomial-features.ts';
import { Nystroem, NYSTROEM_MAX_BASIS, type NystroemParams } from '../preprocessing/nystroem.ts';
import { RandomFourierFeatures } from '../preprocessing/random-fourier-features.ts';
import { FeatureAgglomeration, type FeatureAgglomerationParams } from '../preprocessing/feature-agglomeration.ts';
import { categorical, emptySpace, float, integer } from './space-helpers.ts';

const both = ['classification', 'regression'] as const;

/** Degree-2 expansion of d inputs gives about d²/2 outputs: beyond this encoded width it is not worth it. */
const POLYNOMIAL_MAX_INPUTS = 60;
/** Degree 3 gives about d³/6 outputs: only narrow data stays under the expansion's column cap. */
const CUBIC_MAX_INPUTS = 25;

const noPreprocessing: ComponentSpec<MatrixTransformer> = {
  id: 'no_preprocessing',
  families: both,
  space: emptySpace,
  // The identity transformer: same behaviour as "no rescaling".
  create: () => new NoRescaling(),
};

const pca: ComponentSpec<MatrixTransformer> = {
  id: 'pca',
  families: both,
  space: () => emptySpace().addHyperparameters([float('keep_variance', 0.5, 0.9999, 0.9999), categorical('whiten', [false, true], false)]),
  create: (params) => new Pca({ keep_variance: numberParam(params, 'keep_variance'), whiten: booleanParam(params, 'whiten') }),
};

const selectPercentile: ComponentSpec<MatrixTransformer> = {
  id: 'select_percentile',
  families: both,
  space: (context: ComponentContext) =>
    emptySpace().addHyperparameters([
      float('percentile', 1, 99, 50),
      context.task === 'regression'
        ? categorical('score_func', ['f_regression', 'mutual_info'], 'f_regression')
        : categorical('score_func', ['f_classif', 'mutual_info'], 'f_classif'),
    ]),
  create: (params) =>
    new SelectPercentile({ percentile: numberParam(params, 'percentile'), score_func: stringParam(params, 'score_func') as ScoreFunction }),
};

const polynomial: ComponentSpec<MatrixTransformer> = {
  id: 'polynomial',
  families: both,
  appliesTo: (context) => context.nEncoded <= POLYNOMIAL_MAX_INPUTS,
  space: (context) =>
    emptySpace().addHyperparameters([
      context.nEncoded <= CUBIC_MAX_INPUTS ? integer('degree', 2, 3, 2) : new ConstantHyperparameter('degree', 2),
      categorical('interaction_only', [false, true], false),
    ]),
  create: (params) =>
    new PolynomialFeatures({ degree: numberParam(params, 'degree'), interaction_only: booleanParam(params, 'interaction_only'), include_bias: false }),
};

const nystroem: ComponentSpec<MatrixTransformer> = {
  id: 'nystroem',
  families: both,
  space: () =>
    emptySpace()
      .addHyperparameters([
        categorical('kernel', ['rbf', 'poly', 'sigmoid', 'cosine'], 'rbf'),
        float('gamma', 3.0517578125e-5, 8, 0.1, true),
        integer('n_components', 50, NYSTROEM_MAX_BASIS, 100, true),
        integer('degree', 2, 5, 3),
        float('coef0', -1, 1, 0),
      ])
      .addConditions([
        new InCondition('gamma', 'kernel', ['rbf', 'poly', 'sigmoid']),
        new EqualsCondition('degree', 'kernel', 'poly'),
        new InCondition('coef0', 'kernel', ['poly', 'sigmoid']),
      ]),
  create: (params, seed) =>
    new Nystroem({
      kernel: stringParam(params, 'kernel') as NystroemParams['kernel'],
      n_components: numberParam(params, 'n_components'),
      ...(params['gamma'] === undefined ? {} : { gamma: numberParam(params, 'gamma') }),
      ...(params['degree'] === undefined ? {} : { degree: numberParam(params, 'degree') }),
      ...(params['coef0'] === undefined ? {} : { coef0: numberParam(params, 'coef0') }),
      seed,
    }),
};

const randomFourier: ComponentSpec<MatrixTransformer> = {
  id: 'random_fourier',
  families: both,
  space: () => emptySpace().addHyperparameters([float('gamma', 3.0517578125e-5, 8, 1, true), integer('n_components', 50, 5000, 100, true)]),
  create: (params, seed) =>
    new RandomFourierFeatures({ gamma: numberParam(params, 'gamma'), n_components: numberParam(params, 'n_components'), seed }),
};

const featureAgglomeration: ComponentSpec<MatrixTransformer> = {
  id: 'feature_agglomeration',
  families: both,
  appliesTo: (context) => context.nFeatures >= 3,
  space: (context) =>
    emptySpace()
      .addHyperparameters([
        integer('n_clusters', 2, Math.max(3, Math.min(400, context.nFeatures - 1)), Math.min(25, Math.max(2, context.nFeatures - 1))),
        categorical('affinity', ['euclidean', 'manhattan', 'cosine'], 'euclidean'),
        categorical('linkage', ['ward', 'complete', 'average'], 'ward'),
        categorical('pooling_func', ['mean', 'median', 'max'], 'mean'),
      ])
      // Ward linkage is defined for euclidean distances only.
      .addForbidden(new ForbiddenAnd(new ForbiddenEquals('linkage', 'ward'), new ForbiddenIn('affinity', ['manhattan', 'cosine']))),
  create: (params) =>
    new FeatureAgglomeration({
      n_clusters: numberParam(params, 'n_clusters'),
      affinity: stringParam(params, 'affinity') as FeatureAgglomerationParams['affinity'],
      linkage: stringParam(params, 'linkage') as FeatureAgglomerationParams['linkage'],
      pooling_func: stringParam(params, 'pooling_func') as FeatureAgglomerationParams['pooling_func'],
    }),
};

export const FEATURE_PREPROCESSOR_COMPONENTS: readonly ComponentSpec<MatrixTransformer>[] = [
  noPreprocessing,
  pca,
  selectPercentile,
  polynomial,
  nystroem,
  randomFourier,
  featureAgglomeration,
];
