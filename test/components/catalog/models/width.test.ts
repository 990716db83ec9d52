/**
 * Width-relative hyperparameters (a forest's max_features exponent, a tree's depth factor) are
 * resolved from the width the model receives, after encoding and feature preprocessing, not from
 * the raw column count the search space was built for.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RANDOM_FOREST_CLASSIFIER, EXTRA_TREES_REGRESSOR } from '../../../../src/components/catalog/models/forests.ts';
import { DECISION_TREE_CLASSIFIER } from '../../../../src/components/catalog/models/decision-tree.ts';
import type { ComponentContext } from '../../../../src/components/component.ts';
import { growthLimits, type TreeGrowthParams } from '../../../../src/components/models/tree/params.ts';

/** Three raw columns, one of them categorical with 30 levels: one-hot makes them 32 wide. */
const RAW: ComponentContext = { task: 'binary', nRows: 200, nFeatures: 3, nNumeric: 2, nCategorical: 1, nEncoded: 33 };
const ENCODED_WIDTH = 32;

function paramsOf(model: unknown): TreeGrowthParams {
  return (model as { params: TreeGrowthParams }).params;
}

test('max_features = 0.5 gives floor(√d) features per split of the encoded width, whatever the raw count', () => {
  const config = { max_features: 0.5, min_samples_split: 2, min_samples_leaf: 1, bootstrap: true, criterion: 'gini' };
  const forest = RANDOM_FOREST_CLASSIFIER.create(config, 0, RAW);
  assert.equal(growthLimits(paramsOf(forest), ENCODED_WIDTH).featuresPerSplit, 5);
  assert.equal(growthLimits(paramsOf(forest), 3).featuresPerSplit, 1);
  const regressor = EXTRA_TREES_REGRESSOR.create({ ...config, max_features: 1 }, 0, { ...RAW, task: 'regression' });
  assert.equal(growthLimits(paramsOf(regressor), 250).featuresPerSplit, 250);
  assert.equal(growthLimits(paramsOf(forest), 0).featuresPerSplit, 0);
});

test('a decision tree depth factor scales with the width received', () => {
  const tree = DECISION_TREE_CLASSIFIER.create({ max_depth_factor: 0.5, min_samples_split: 2, min_samples_leaf: 1, criterion: 'gini' }, 0, RAW);
  assert.equal(growthLimits(paramsOf(tree), ENCODED_WIDTH).maxDepth, 16);
  assert.equal(growthLimits(paramsOf(tree), 3).maxDepth, 2);
  assert.equal(growthLimits(paramsOf(tree), 1).maxDepth, 1, 'at least one level');
});
