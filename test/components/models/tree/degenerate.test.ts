/** Degenerate and invalid input: clear errors, or a single-leaf tree; never a hang. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FeatureMatrix } from '../../../../src/components/matrix.ts';
import type { Classifier } from '../../../../src/components/model.ts';
import {
  DecisionTreeClassifier,
  DecisionTreeRegressor,
  ExtraTreesClassifier,
  ExtraTreesRegressor,
  RandomForestClassifier,
  RandomForestRegressor,
} from '../../../../src/components/models/tree/index.ts';
import type { TreeRegressorModel } from '../../../../src/components/models/tree/index.ts';
import { AutoMLError } from '../../../../src/util/errors.ts';

function isCode(code: string): (error: unknown) => boolean {
  return (error) => error instanceof AutoMLError && error.code === code;
}

function matrix(...columns: number[][]): FeatureMatrix {
  return { nRows: columns[0]?.length ?? 0, columns: columns.map((c) => Float64Array.from(c)) };
}

const classifiers: [string, () => Classifier][] = [
  ['DecisionTreeClassifier', () => new DecisionTreeClassifier({ seed: 0 })],
  ['RandomForestClassifier', () => new RandomForestClassifier({ seed: 0, n_estimators: 5 })],
  ['ExtraTreesClassifier', () => new ExtraTreesClassifier({ seed: 0, n_estimators: 5 })],
];
const regressors: [string, () => TreeRegressorModel][] = [
  ['DecisionTreeRegressor', () => new DecisionTreeRegressor({ seed: 0 })],
  ['RandomForestRegressor', () => new RandomForestRegressor({ seed: 0, n_estimators: 5 })],
  ['ExtraTreesRegressor', () => new ExtraTreesRegressor({ seed: 0, n_estimators: 5 })],
];

for (const [name, make] of classifiers) {
  test(`${name}: degenerate and invalid input`, () => {
    assert.throws(() => make().fit(matrix([]), new Int32Array(0), 2), isCode('DEGENERATE_INPUT'));
    assert.throws(() => make().fit(matrix([1, NaN, 3]), new Int32Array([0, 1, 0]), 2), isCode('DEGENERATE_INPUT'));
    assert.throws(() => make().fit(matrix([1, Infinity, 3]), new Int32Array([0, 1, 0]), 2), isCode('DEGENERATE_INPUT'));
    assert.throws(() => make().fit(matrix([1, 2]), new Int32Array([0, 2]), 2), isCode('BAD_INPUT'));
    assert.throws(() => make().fit(matrix([1, 2]), new Int32Array([0]), 2), isCode('BAD_INPUT'));
    assert.throws(() => make().fit(matrix([1, 2]), new Int32Array([0, 1]), 2, new Float64Array([1, -1])), isCode('BAD_INPUT'));
    assert.throws(() => make().fit(matrix([1, 2]), new Int32Array([0, 1]), 2, new Float64Array([0, 0])), isCode('DEGENERATE_INPUT'));

    // One row: a single leaf predicting that row's class.
    const one = make();
    one.fit(matrix([5], [7]), new Int32Array([1]), 3);
    assert.deepEqual(Array.from(one.predictProba(matrix([0, 9], [1, 2])).data), [0, 1, 0, 0, 1, 0]);

    // Constant features: a single leaf holding the class frequencies.
    const constant = make();
    constant.fit(matrix([2, 2, 2, 2], [1, 1, 1, 1]), new Int32Array([0, 1, 1, 1]), 2);
    const proba = constant.predictProba(matrix([2, 100], [1, -3]));
    for (let i = 0; i < 2; i++) {
      assert.ok(Math.abs(proba.data[2 * i]! - 0.25) < 0.26 && proba.data[2 * i]! + proba.data[2 * i + 1]! === 1);
    }

    // No features at all still fits a leaf.
    const none = make();
    none.fit({ nRows: 3, columns: [] }, new Int32Array([0, 0, 1]), 2);
    assert.equal(none.predictProba({ nRows: 2, columns: [] }).nRows, 2);

    // Prediction input is checked too; infinities are fine there, NaN is not.
    const fitted = make();
    fitted.fit(matrix([1, 2, 3, 4], [4, 3, 2, 1]), new Int32Array([0, 0, 1, 1]), 2);
    assert.throws(() => fitted.predictProba(matrix([1, NaN], [1, 1])), isCode('DEGENERATE_INPUT'));
    assert.throws(() => fitted.predictProba(matrix([1, 2])), isCode('BAD_INPUT'));
    assert.equal(fitted.predictProba(matrix([-Infinity, Infinity], [0, 0])).nRows, 2);
  });
}

for (const [name, make] of regressors) {
  test(`${name}: degenerate and invalid input`, () => {
    assert.throws(() => make().fit(matrix([]), new Float64Array(0)), isCode('DEGENERATE_INPUT'));
    assert.throws(() => make().fit(matrix([1, NaN]), new Float64Array([1, 2])), isCode('DEGENERATE_INPUT'));
    assert.throws(() => make().fit(matrix([1, 2]), new Float64Array([1, NaN])), isCode('DEGENERATE_INPUT'));

    const one = make();
    one.fit(matrix([5]), new Float64Array([3.5]));
    assert.deepEqual(Array.from(one.predict(matrix([0, 9]))), [3.5, 3.5]);

    const constant = make();
    constant.fit(matrix([2, 2, 2], [0, 0, 0]), new Float64Array([1, 2, 3]));
    for (const tree of constant.trees) assert.equal(tree.nodeCount, 1);

    // Identical rows with different targets: no split is possible, no hang.
    const clash = make();
    clash.fit(matrix([1, 1, 1, 1]), new Float64Array([0, 1, 0, 1]));
    assert.equal(clash.predict(matrix([1])).length, 1);
  });
}

test('illegal hyperparameters are refused with ILLEGAL_VALUE', () => {
  const illegal = isCode('ILLEGAL_VALUE');
  assert.throws(() => new RandomForestClassifier({ seed: 0, n_estimators: 0 }), illegal);
  assert.throws(() => new RandomForestClassifier({ seed: 0, max_features: 0 }), illegal);
  assert.throws(() => new RandomForestClassifier({ seed: 0, max_features: 1.5 }), illegal);
  assert.throws(() => new RandomForestRegressor({ seed: 0, min_samples_split: 1 }), illegal);
  assert.throws(() => new ExtraTreesRegressor({ seed: 0, min_samples_leaf: 0 }), illegal);
  assert.throws(() => new DecisionTreeClassifier({ seed: 0, max_depth: 0 }), illegal);
  assert.throws(() => new DecisionTreeClassifier({ seed: 0, max_leaf_nodes: 1 }), illegal);
  assert.throws(() => new DecisionTreeRegressor({ seed: 0, min_weight_fraction_leaf: 0.6 }), illegal);
  assert.throws(() => new DecisionTreeRegressor({ seed: 0, min_impurity_decrease: -1 }), illegal);
  assert.throws(() => new DecisionTreeClassifier({ seed: 0.5 }), illegal);
});
