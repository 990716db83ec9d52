/** Every learning algorithm the search may choose, per task family. */
import type { ComponentSpec } from '../component.ts';
import type { Model } from '../model.ts';
import { EXTRA_TREES_CLASSIFIER, EXTRA_TREES_REGRESSOR, RANDOM_FOREST_CLASSIFIER, RANDOM_FOREST_REGRESSOR } from './models/forests.ts';
import { DECISION_TREE_CLASSIFIER, DECISION_TREE_REGRESSOR } from './models/decision-tree.ts';
import { GRADIENT_BOOSTING_CLASSIFIER, GRADIENT_BOOSTING_REGRESSOR } from './models/gradient-boosting.ts';
import { LINEAR_REGRESSION, LOGISTIC_REGRESSION } from './models/linear.ts';
import { K_NEAREST_NEIGHBORS_CLASSIFIER, K_NEAREST_NEIGHBORS_REGRESSOR } from './models/k-nearest-neighbors.ts';
import { BERNOULLI_NB, GAUSSIAN_NB, MULTINOMIAL_NB } from './models/naive-bayes.ts';
import { LDA, QDA } from './models/discriminant.ts';
import { MLP_CLASSIFIER, MLP_REGRESSOR } from './models/mlp.ts';
import { XGBOOST_CLASSIFIER, XGBOOST_REGRESSOR } from './models/xgboost.ts';
import { SVM_CLASSIFIER, SVM_REGRESSOR } from './models/svm.ts';

export const CLASSIFIER_COMPONENTS: readonly ComponentSpec<Model>[] = [
  RANDOM_FOREST_CLASSIFIER,
  EXTRA_TREES_CLASSIFIER,
  GRADIENT_BOOSTING_CLASSIFIER,
  DECISION_TREE_CLASSIFIER,
  LOGISTIC_REGRESSION,
  K_NEAREST_NEIGHBORS_CLASSIFIER,
  GAUSSIAN_NB,
  MULTINOMIAL_NB,
  BERNOULLI_NB,
  LDA,
  QDA,
  MLP_CLASSIFIER,
  XGBOOST_CLASSIFIER,
  SVM_CLASSIFIER,
];

export const REGRESSOR_COMPONENTS: readonly ComponentSpec<Model>[] = [
  RANDOM_FOREST_REGRESSOR,
  EXTRA_TREES_REGRESSOR,
  GRADIENT_BOOSTING_REGRESSOR,
  DECISION_TREE_REGRESSOR,
  LINEAR_REGRESSION,
  K_NEAREST_NEIGHBORS_REGRESSOR,
  MLP_REGRESSOR,
  XGBOOST_REGRESSOR,
  SVM_REGRESSOR,
];
