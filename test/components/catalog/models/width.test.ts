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
import { growthLimits, paramsFromJson, type TreeGrowthParams } from '../../../../src/components/models/tree/params.ts';
import { readTreeState } from '../../../../src/components/models/tree/saved-state.ts';
import { RANDOM_FOREST_CLASSIFIER_DEFAULTS, RandomForestClassifier } from '../../../../src/components/models/tree/random-forest.ts';
import type { JsonObject } from '../../../../src/util/json.ts';
import { buildSearchSpace, componentContextFor, instantiatePipeline } from '../../../../src/components/registry.ts';
import { buildTrainingData } from '../../../../src/data/build.ts';
import { toRawTable } from '../../../../src/data/tabular-input.ts';
import { Rng } from '../../../../src/util/rng.ts';

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

/** 200 rows: two numeric columns and a 30-level categorical, so one-hot widens 3 columns to 30+. */
function wideningRows(): Record<string, number | string>[] {
  const rng = new Rng(4);
  return Array.from({ length: 200 }, (_, i) => {
    const a = rng.next();
    return { a, b: rng.next(), level: `L${i % 30}`, class: a + (i % 30) / 60 > 0.75 ? 'yes' : 'no' };
  });
}

/** The saved forest of a fitted pipeline: its params and the width it was fitted on. */
function fittedForest(preprocessor: string, extra: Record<string, number | string | boolean> = {}) {
  const labelled = buildTrainingData(toRawTable(wideningRows()), { target: 'class' });
  const context = componentContextFor(labelled.features, labelled.task);
  const space = buildSearchSpace(context, { classifier: ['random_forest'] });
  const config = { ...space.defaultConfiguration(), 'encoding:__choice__': 'one_hot', 'feature_preprocessor:__choice__': preprocessor, ...extra };
  const { pipeline } = instantiatePipeline(config, context, 1);
  pipeline.fit(labelled.features, labelled.target);
  // Read back as a saved model is: the params the forest was built with and the width it received.
  const saved = readTreeState(pipeline.toJSON().model.state, 'classification');
  return { rawWidth: context.nFeatures, params: paramsFromJson(RANDOM_FOREST_CLASSIFIER_DEFAULTS, saved.params), nFeatures: saved.nFeatures };
}

test('in a pipeline, the forest takes √d features per split of the one-hot width, not of the raw columns', () => {
  const forest = fittedForest('no_preprocessing');
  assert.equal(forest.rawWidth, 3);
  assert.ok(forest.nFeatures >= 32, `one-hot width ${forest.nFeatures}`);
  assert.equal(growthLimits(forest.params, forest.nFeatures).featuresPerSplit, Math.floor(Math.sqrt(forest.nFeatures)));
});

test('in a pipeline, the forest takes √d features per split of the width after polynomial expansion', () => {
  const forest = fittedForest('polynomial', { 'feature_preprocessor:polynomial:degree': 2, 'feature_preprocessor:polynomial:interaction_only': false });
  assert.ok(forest.nFeatures > 100, `polynomial width ${forest.nFeatures}`);
  assert.equal(growthLimits(forest.params, forest.nFeatures).featuresPerSplit, Math.floor(Math.sqrt(forest.nFeatures)));
});

test('a forest saved before the exponent existed (a resolved fraction) loads and predicts as saved', () => {
  const rng = new Rng(6);
  const columns = Array.from({ length: 9 }, () => Float64Array.from({ length: 120 }, () => rng.next()));
  const x = { nRows: 120, columns };
  const y = Int32Array.from({ length: 120 }, (_, i) => (columns[0]![i]! + columns[1]![i]! > 1 ? 1 : 0));
  const forest = new RandomForestClassifier({ n_estimators: 5, max_features: 3 / 9, seed: 2 });
  forest.fit(x, y, 2);
  const saved = forest.toJSON();
  const state = saved.state as JsonObject;
  const { max_features_exponent: _exponent, max_depth_factor: _factor, ...olderParams } = state['params'] as JsonObject;
  const older = { ...state, params: olderParams };
  const loaded = RandomForestClassifier.fromJSON(JSON.parse(JSON.stringify(older)) as JsonObject);
  assert.deepEqual(loaded.predictProba(x), forest.predictProba(x));
  const params = paramsFromJson(RANDOM_FOREST_CLASSIFIER_DEFAULTS, olderParams);
  assert.equal(params.max_features_exponent, null);
  assert.equal(growthLimits(params, 9).featuresPerSplit, 3);
});
