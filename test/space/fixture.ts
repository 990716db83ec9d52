/**
 * A realistic full AutoML search space (modelled on a classification pipeline: imputation,
 * rescaling, categorical handling, a feature-preprocessor choice and a classifier choice over 15
 * algorithms), built the way the component registry builds spaces: one small sub-space per
 * component, hung under a `__choice__` node with `addSubspace`. Used by the tests and the benchmark.
 */
import {
  AndConjunction, CategoricalHyperparameter as Cat, ConfigurationSpace, ConstantHyperparameter as Const,
  EqualsCondition as Eq, FloatHyperparameter as Float, ForbiddenAnd, ForbiddenEquals, ForbiddenIn,
  GreaterThanCondition, InCondition as In, IntegerHyperparameter as Int, LessThanCondition, OrConjunction, OrdinalHyperparameter,
} from '../../src/space/index.ts';
import type { Condition, Forbidden, Hyperparameter } from '../../src/space/index.ts';

function component(hps: Hyperparameter[], conditions: Condition[] = [], forbiddens: Forbidden[] = []): ConfigurationSpace {
  return new ConfigurationSpace().addHyperparameters(hps).addConditions(conditions).addForbiddens(forbiddens);
}

const GAMMA = { lower: 3.0517578125e-5, upper: 8 };
const bool = (name: string, fallback: boolean): Cat => new Cat(name, [true, false], { default: fallback });

function rescalers(): Record<string, ConfigurationSpace> {
  return {
    minmax: component([]),
    none: component([]),
    normalize: component([]),
    quantile_transformer: component([
      new Int('n_quantiles', 10, 2000, { default: 1000 }),
      new Cat('output_distribution', ['normal', 'uniform']),
    ]),
    robust_scaler: component([
      new Float('q_min', 0.001, 0.3, { default: 0.25 }),
      new Float('q_max', 0.7, 0.999, { default: 0.75 }),
    ]),
    standardize: component([]),
  };
}

function featurePreprocessors(): Record<string, ConfigurationSpace> {
  return {
    no_preprocessing: component([]),
    extra_trees_preproc: component([
      new Cat('criterion', ['gini', 'entropy']),
      new Float('max_features', 0, 1, { default: 0.5 }),
      new Int('min_samples_split', 2, 20, { default: 2 }),
      new Int('min_samples_leaf', 1, 20, { default: 1 }),
      bool('bootstrap', false),
      new Const('n_estimators', 100),
    ]),
    fast_ica: component(
      [new Cat('algorithm', ['parallel', 'deflation']), bool('whiten', false), new Cat('fun', ['logcosh', 'exp', 'cube']),
        new Int('n_components', 10, 2000, { default: 100 })],
      [new Eq('n_components', 'whiten', true)],
    ),
    feature_agglomeration: component(
      [new Int('n_clusters', 2, 400, { default: 25 }), new Cat('affinity', ['euclidean', 'manhattan', 'cosine']),
        new Cat('linkage', ['ward', 'complete', 'average']), new Cat('pooling_func', ['mean', 'median', 'max'])],
      [],
      [new ForbiddenAnd(new ForbiddenIn('affinity', ['manhattan', 'cosine']), new ForbiddenEquals('linkage', 'ward'))],
    ),
    kernel_pca: component(
      [new Int('n_components', 10, 2000, { default: 100 }), new Cat('kernel', ['poly', 'rbf', 'sigmoid', 'cosine'], { default: 'rbf' }),
        new Float('gamma', GAMMA.lower, GAMMA.upper, { log: true, default: 0.01 }), new Int('degree', 2, 5, { default: 3 }),
        new Float('coef0', -1, 1, { default: 0 })],
      [new In('gamma', 'kernel', ['poly', 'rbf']), new Eq('degree', 'kernel', 'poly'), new In('coef0', 'kernel', ['poly', 'sigmoid'])],
    ),
    kitchen_sinks: component([
      new Float('gamma', GAMMA.lower, GAMMA.upper, { log: true, default: 1 }),
      new Int('n_components', 50, 10000, { log: true, default: 100 }),
    ]),
    nystroem_sampler: component(
      [new Cat('kernel', ['poly', 'rbf', 'sigmoid', 'cosine'], { default: 'rbf' }), new Int('n_components', 50, 10000, { log: true, default: 100 }),
        new Float('gamma', GAMMA.lower, GAMMA.upper, { log: true, default: 0.1 }), new Int('degree', 2, 5, { default: 3 }),
        new Float('coef0', -1, 1, { default: 0 })],
      [new In('gamma', 'kernel', ['poly', 'rbf', 'sigmoid']), new Eq('degree', 'kernel', 'poly'),
        new OrConjunction(new Eq('coef0', 'kernel', 'poly'), new Eq('coef0', 'kernel', 'sigmoid'))],
    ),
    pca: component([new Float('keep_variance', 0.5, 0.9999, { default: 0.9999 }), bool('whiten', false)]),
    polynomial: component([new Int('degree', 2, 3, { default: 2 }), bool('interaction_only', false), bool('include_bias', true)]),
    select_percentile: component([
      new Float('percentile', 1, 99, { default: 50 }),
      new Cat('score_func', ['chi2', 'f_classif', 'mutual_info'], { default: 'chi2' }),
    ]),
    select_rates: component([
      new Float('alpha', 0.01, 0.5, { default: 0.1 }),
      new Cat('score_func', ['chi2', 'f_classif'], { default: 'chi2' }),
      new Cat('mode', ['fpr', 'fdr', 'fwe']),
    ]),
  };
}

function classifiers(): Record<string, ConfigurationSpace> {
  const tol = (fallback: number): Float => new Float('tol', 1e-5, 1e-1, { log: true, default: fallback });
  const C = (): Float => new Float('C', 0.03125, 32768, { log: true, default: 1 });
  return {
    adaboost: component([
      new Int('n_estimators', 50, 500, { default: 50 }), new Float('learning_rate', 0.01, 2, { log: true, default: 0.1 }),
      new Cat('algorithm', ['SAMME.R', 'SAMME']), new Int('max_depth', 1, 10, { default: 1 }),
    ]),
    bernoulli_nb: component([new Float('alpha', 1e-2, 100, { log: true, default: 1 }), bool('fit_prior', true)]),
    decision_tree: component([
      new Cat('criterion', ['gini', 'entropy']), new Float('max_depth_factor', 0, 2, { default: 0.5 }),
      new Int('min_samples_split', 2, 20, { default: 2 }), new Int('min_samples_leaf', 1, 20, { default: 1 }),
      new Const('max_leaf_nodes', 'None'),
    ]),
    extra_trees: component([
      new Cat('criterion', ['gini', 'entropy']), new Float('max_features', 0, 1, { default: 0.5 }),
      new Int('min_samples_split', 2, 20, { default: 2 }), new Int('min_samples_leaf', 1, 20, { default: 1 }), bool('bootstrap', false),
    ]),
    gaussian_nb: component([]),
    gradient_boosting: component(
      [new Float('learning_rate', 0.01, 1, { log: true, default: 0.1 }), new Int('min_samples_leaf', 1, 200, { log: true, default: 20 }),
        new Int('max_leaf_nodes', 3, 2047, { log: true, default: 31 }), new Float('l2_regularization', 1e-10, 1, { log: true, default: 1e-10 }),
        new Cat('early_stop', ['off', 'valid', 'train']), new Int('n_iter_no_change', 1, 20, { default: 10 }),
        new Float('validation_fraction', 0.01, 0.4, { default: 0.1 })],
      [new In('n_iter_no_change', 'early_stop', ['valid', 'train']), new Eq('validation_fraction', 'early_stop', 'valid')],
    ),
    k_nearest_neighbors: component([
      new Int('n_neighbors', 1, 100, { log: true, default: 1 }), new Cat('weights', ['uniform', 'distance']),
      new OrdinalHyperparameter('p', [1, 2], { default: 2 }),
    ]),
    lda: component(
      [new Cat('shrinkage', ['None', 'auto', 'manual']), new Float('shrinkage_factor', 0, 1, { default: 0.5 }), tol(1e-4)],
      [new Eq('shrinkage_factor', 'shrinkage', 'manual')],
    ),
    liblinear_svc: component(
      [new Cat('penalty', ['l1', 'l2'], { default: 'l2' }), new Cat('loss', ['hinge', 'squared_hinge'], { default: 'squared_hinge' }),
        new Const('dual', false), tol(1e-4), C(), new Const('multi_class', 'ovr')],
      [],
      [new ForbiddenAnd(new ForbiddenEquals('penalty', 'l1'), new ForbiddenEquals('loss', 'hinge'))],
    ),
    libsvm_svc: component(
      [C(), new Cat('kernel', ['rbf', 'poly', 'sigmoid'], { default: 'rbf' }), new Int('degree', 2, 5, { default: 3 }),
        new Float('gamma', GAMMA.lower, GAMMA.upper, { log: true, default: 0.1 }), new Float('coef0', -1, 1, { default: 0 }),
        bool('shrinking', true), tol(1e-3)],
      [new Eq('degree', 'kernel', 'poly'), new In('coef0', 'kernel', ['poly', 'sigmoid'])],
    ),
    mlp: component(
      [new Int('hidden_layer_depth', 1, 3, { default: 1 }), new Int('num_nodes_per_layer', 16, 264, { log: true, default: 32 }),
        new Cat('activation', ['tanh', 'relu'], { default: 'relu' }), new Float('alpha', 1e-7, 1e-1, { log: true, default: 1e-4 }),
        new Float('learning_rate_init', 1e-4, 0.5, { log: true, default: 1e-3 }), new Cat('early_stopping', ['valid', 'train']),
        new Const('validation_fraction', 0.1), new Float('layer_decay', 0.5, 1, { default: 1 }), new Const('solver', 'adam')],
      [new AndConjunction(new Eq('validation_fraction', 'early_stopping', 'valid'), new LessThanCondition('validation_fraction', 'hidden_layer_depth', 3)),
        new GreaterThanCondition('layer_decay', 'hidden_layer_depth', 1)],
    ),
    passive_aggressive: component([
      new Float('C', 1e-5, 10, { log: true, default: 1 }), tol(1e-4), new Cat('loss', ['hinge', 'squared_hinge']), bool('average', false),
    ]),
    qda: component([new Float('reg_param', 0, 1, { default: 0 })]),
    random_forest: component([
      new Cat('criterion', ['gini', 'entropy']), new Float('max_features', 0, 1, { default: 0.5 }),
      new Int('min_samples_split', 2, 20, { default: 2 }), new Int('min_samples_leaf', 1, 20, { default: 1 }),
      bool('bootstrap', true), new Const('max_depth', 'None'),
    ]),
    sgd: component(
      [new Cat('loss', ['hinge', 'log', 'modified_huber', 'squared_hinge', 'perceptron'], { default: 'log' }),
        new Cat('penalty', ['l1', 'l2', 'elasticnet'], { default: 'l2' }), new Float('alpha', 1e-7, 1e-1, { log: true, default: 1e-4 }),
        new Float('l1_ratio', 1e-9, 1, { log: true, default: 0.15 }), tol(1e-4),
        new Float('epsilon', 1e-5, 1e-1, { log: true, default: 1e-4 }),
        new Cat('learning_rate', ['optimal', 'invscaling', 'constant'], { default: 'invscaling' }),
        new Float('eta0', 1e-7, 1e-1, { log: true, default: 0.01 }), new Float('power_t', 1e-5, 1, { default: 0.5 }), bool('average', false)],
      [new Eq('l1_ratio', 'penalty', 'elasticnet'), new Eq('epsilon', 'loss', 'modified_huber'),
        new In('eta0', 'learning_rate', ['invscaling', 'constant']), new Eq('power_t', 'learning_rate', 'invscaling')],
    ),
  };
}

/** Adds a `${prefix}:__choice__` categorical over the components and hangs each one under it. */
function addChoice(space: ConfigurationSpace, prefix: string, components: Record<string, ConfigurationSpace>, fallback: string): void {
  const choice = `${prefix}:__choice__`;
  space.addHyperparameter(new Cat(choice, Object.keys(components), { default: fallback }));
  for (const [name, sub] of Object.entries(components)) space.addSubspace(`${prefix}:${name}`, sub, { name: choice, value: name });
}

export const DENSIFYING_PREPROCESSORS = ['kernel_pca', 'kitchen_sinks', 'nystroem_sampler'];
export const TREE_CLASSIFIERS = ['adaboost', 'decision_tree', 'extra_trees', 'gradient_boosting', 'random_forest'];

export function buildAutoMLSpace(): ConfigurationSpace {
  const space = new ConfigurationSpace();
  space.addHyperparameter(new Cat('balancing:strategy', ['none', 'weighting']));
  space.addHyperparameter(new Cat('data_preprocessing:imputation:strategy', ['mean', 'median', 'most_frequent']));
  addChoice(space, 'data_preprocessing:rescaling', rescalers(), 'standardize');
  space.addHyperparameter(new Cat('data_preprocessing:categorical_encoding:__choice__', ['one_hot_encoding', 'no_encoding']));
  addChoice(space, 'data_preprocessing:category_coalescence', {
    minority_coalescer: component([new Float('minimum_fraction', 1e-4, 0.5, { log: true, default: 0.01 })]),
    no_coalescence: component([]),
  }, 'minority_coalescer');
  addChoice(space, 'feature_preprocessor', featurePreprocessors(), 'no_preprocessing');
  addChoice(space, 'classifier', classifiers(), 'random_forest');
  // Kernel approximations densify the data and make tree models far too slow.
  space.addForbidden(new ForbiddenAnd(
    new ForbiddenIn('feature_preprocessor:__choice__', DENSIFYING_PREPROCESSORS),
    new ForbiddenIn('classifier:__choice__', TREE_CLASSIFIERS),
  ));
  return space;
}
