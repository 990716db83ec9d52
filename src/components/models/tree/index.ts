/** Tree models: CART decision trees, random forests and extremely randomised trees. */
export {
  DECISION_TREE_CLASSIFIER_DEFAULTS,
  DECISION_TREE_REGRESSOR_DEFAULTS,
  DECISION_TREE_TYPE,
  DecisionTreeClassifier,
  DecisionTreeRegressor,
  decisionTreeFromJSON,
} from './decision-tree.ts';
export type { DecisionTreeClassifierParams, DecisionTreeOptions, DecisionTreeRegressorParams } from './decision-tree.ts';
export {
  RANDOM_FOREST_CLASSIFIER_DEFAULTS,
  RANDOM_FOREST_REGRESSOR_DEFAULTS,
  RANDOM_FOREST_TYPE,
  RandomForestClassifier,
  RandomForestRegressor,
  randomForestFromJSON,
} from './random-forest.ts';
export type { RandomForestClassifierParams, RandomForestRegressorParams } from './random-forest.ts';
export {
  EXTRA_TREES_CLASSIFIER_DEFAULTS,
  EXTRA_TREES_REGRESSOR_DEFAULTS,
  EXTRA_TREES_TYPE,
  ExtraTreesClassifier,
  ExtraTreesRegressor,
  extraTreesFromJSON,
} from './extra-trees.ts';
export type { ExtraTreesClassifierParams, ExtraTreesRegressorParams } from './extra-trees.ts';
export { ForestClassifier, ForestRegressor } from './forest.ts';
export type { ForestClassifierParams, ForestOptions, ForestRegressorParams } from './forest.ts';
export { TREE_GROWTH_DEFAULTS } from './params.ts';
export type { ClassificationCriterion, MaxFeatures, Splitter, TreeGrowthParams } from './params.ts';
export { FlatTree } from './flat-tree.ts';
export { TreeClassifierModel, TreeRegressorModel } from './tree-model.ts';
