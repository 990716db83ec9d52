/** Saving and loading: JSON text round trips predict identically; damaged state is refused. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FeatureMatrix } from '../../../../src/components/matrix.ts';
import type { Classifier, Regressor } from '../../../../src/components/model.ts';
import {
  DecisionTreeClassifier,
  DecisionTreeRegressor,
  ExtraTreesClassifier,
  ExtraTreesRegressor,
  RandomForestClassifier,
  RandomForestRegressor,
  decisionTreeFromJSON,
  extraTreesFromJSON,
  randomForestFromJSON,
} from '../../../../src/components/models/tree/index.ts';
import { AutoMLError } from '../../../../src/util/errors.ts';
import type { JsonObject } from '../../../../src/util/json.ts';
import { syntheticClassification, syntheticRegression } from './synthetic.ts';

const cls = syntheticClassification(400, 6, 3, 11);
const clsTest = syntheticClassification(300, 6, 3, 12);
const reg = syntheticRegression(400, 6, 13);
const regTest = syntheticRegression(300, 6, 14);

function throughText(state: JsonObject): JsonObject {
  return JSON.parse(JSON.stringify(state)) as JsonObject;
}

const classifiers: [string, () => Classifier, (state: JsonObject) => Classifier][] = [
  ['decision_tree', () => new DecisionTreeClassifier({ seed: 1, criterion: 'entropy' }), (s) => DecisionTreeClassifier.fromJSON(s)],
  ['random_forest', () => new RandomForestClassifier({ seed: 1, n_estimators: 15, max_depth: 8 }), (s) => RandomForestClassifier.fromJSON(s)],
  ['extra_trees', () => new ExtraTreesClassifier({ seed: 1, n_estimators: 15, max_leaf_nodes: 20 }), (s) => ExtraTreesClassifier.fromJSON(s)],
];

const regressors: [string, () => Regressor, (state: JsonObject) => Regressor][] = [
  ['decision_tree', () => new DecisionTreeRegressor({ seed: 1, splitter: 'random' }), (s) => DecisionTreeRegressor.fromJSON(s)],
  ['random_forest', () => new RandomForestRegressor({ seed: 1, n_estimators: 15, min_samples_leaf: 3 }), (s) => RandomForestRegressor.fromJSON(s)],
  ['extra_trees', () => new ExtraTreesRegressor({ seed: 1, n_estimators: 15 }), (s) => ExtraTreesRegressor.fromJSON(s)],
];

for (const [type, make, load] of classifiers) {
  test(`${type} classifier: save → JSON text → load predicts identically`, () => {
    const model = make();
    model.fit(cls.x, cls.y, 3);
    const saved = model.toJSON();
    assert.equal(saved.type, type);
    assert.equal(saved.state['task'], 'classification');
    const restored = load(throughText(saved.state));
    assert.deepEqual(restored.predictProba(clsTest.x).data, model.predictProba(clsTest.x).data);
    assert.deepEqual(restored.toJSON(), throughText(saved as unknown as JsonObject));
  });
}

for (const [type, make, load] of regressors) {
  test(`${type} regressor: save → JSON text → load predicts identically`, () => {
    const model = make();
    model.fit(reg.x, reg.y);
    const saved = model.toJSON();
    assert.equal(saved.type, type);
    assert.equal(saved.state['task'], 'regression');
    const restored = load(throughText(saved.state));
    assert.deepEqual(restored.predict(regTest.x), model.predict(regTest.x));
  });
}

test('the per-type loaders dispatch on the saved task', () => {
  const forest = new RandomForestRegressor({ seed: 2, n_estimators: 3 });
  forest.fit(reg.x, reg.y);
  assert.ok(randomForestFromJSON(throughText(forest.toJSON().state)) instanceof RandomForestRegressor);
  const extra = new ExtraTreesClassifier({ seed: 2, n_estimators: 3 });
  extra.fit(cls.x, cls.y, 3);
  assert.ok(extraTreesFromJSON(throughText(extra.toJSON().state)) instanceof ExtraTreesClassifier);
  const tree = new DecisionTreeClassifier({ seed: 2 });
  tree.fit(cls.x, cls.y, 3);
  assert.ok(decisionTreeFromJSON(throughText(tree.toJSON().state)) instanceof DecisionTreeClassifier);
  assert.throws(() => RandomForestClassifier.fromJSON(throughText(forest.toJSON().state)), isCode('BAD_MODEL_FILE'));
});

function isCode(code: string): (error: unknown) => boolean {
  return (error) => error instanceof AutoMLError && error.code === code;
}

test('damaged saved state is refused with BAD_MODEL_FILE, never loaded', () => {
  const model = new RandomForestClassifier({ seed: 3, n_estimators: 4 });
  model.fit(cls.x, cls.y, 3);
  const good = throughText(model.toJSON().state);
  const tree0 = (good['trees'] as JsonObject[])[0]!;
  const damaged: [string, (state: JsonObject) => void][] = [
    ['no trees', (s) => delete s['trees']],
    ['trees not an array', (s) => (s['trees'] = 'x')],
    ['tree count differs from n_estimators', (s) => (s['trees'] as JsonObject[]).pop()],
    ['feature out of range', (s) => (((s['trees'] as JsonObject[])[0]!['feature'] as number[])[0] = 99)],
    ['child pointing backwards (a cycle)', (s) => (((s['trees'] as JsonObject[])[0]!['left'] as number[])[0] = 0)],
    ['arrays of different length', (s) => (((s['trees'] as JsonObject[])[0]!['threshold'] as number[]).pop())],
    ['leaf value not a number', (s) => (((s['trees'] as JsonObject[])[0]!['leafValues'] as unknown[])[0] = 'a')],
    ['leaf distribution not summing to 1', (s) => (((s['trees'] as JsonObject[])[0]!['leafValues'] as number[])[0] = 5)],
    ['nFeatures missing', (s) => delete s['nFeatures']],
    ['nClasses negative', (s) => (s['nClasses'] = -1)],
    ['wrong task', (s) => (s['task'] = 'regression')],
    ['unknown task', (s) => (s['task'] = 'ranking')],
    ['illegal hyperparameter', (s) => ((s['params'] as JsonObject)['min_samples_leaf'] = 0)],
    ['params not an object', (s) => (s['params'] = 3)],
    ['seed not an integer', (s) => (s['seed'] = 0.5)],
  ];
  assert.ok(Array.isArray(tree0['feature']));
  for (const [what, damage] of damaged) {
    const state = throughText(good);
    damage(state);
    assert.throws(() => RandomForestClassifier.fromJSON(state), isCode('BAD_MODEL_FILE'), what);
  }
  const future = throughText(good);
  future['version'] = 99;
  assert.throws(() => RandomForestClassifier.fromJSON(future), isCode('MODEL_VERSION'));
});

test('an unfitted model cannot be saved or used', () => {
  const model = new RandomForestRegressor({ seed: 0 });
  const x: FeatureMatrix = { nRows: 1, columns: [new Float64Array(1)] };
  assert.throws(() => model.toJSON(), isCode('NOT_FITTED'));
  assert.throws(() => model.predict(x), isCode('NOT_FITTED'));
});
