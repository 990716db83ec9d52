import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HistGradientBoostingClassifier, HistGradientBoostingRegressor } from '../../../../src/components/models/boosting/index.ts';
import type { FeatureMatrix } from '../../../../src/components/matrix.ts';
import type { ErrorCode } from '../../../../src/util/errors.ts';
import { isAutoMLError } from '../../../../src/util/errors.ts';

function throwsCode(run: () => unknown, code: ErrorCode): void {
  assert.throws(run, (error: unknown) => isAutoMLError(error) && error.code === code);
}

const matrix = (...columns: number[][]): FeatureMatrix => ({
  nRows: columns[0]?.length ?? 0,
  columns: columns.map((column) => Float64Array.from(column)),
});

test('0 rows is DEGENERATE_INPUT', () => {
  const empty: FeatureMatrix = { nRows: 0, columns: [new Float64Array(0)] };
  throwsCode(() => new HistGradientBoostingClassifier().fit(empty, new Int32Array(0), 2), 'DEGENERATE_INPUT');
  throwsCode(() => new HistGradientBoostingRegressor().fit(empty, new Float64Array(0)), 'DEGENERATE_INPUT');
});

test('NaN in x is DEGENERATE_INPUT, at fit and at predict', () => {
  const x = matrix([1, 2, NaN, 4]);
  throwsCode(() => new HistGradientBoostingClassifier().fit(x, Int32Array.from([0, 1, 0, 1]), 2), 'DEGENERATE_INPUT');
  throwsCode(() => new HistGradientBoostingRegressor().fit(x, Float64Array.from([1, 2, 3, 4])), 'DEGENERATE_INPUT');
  const model = new HistGradientBoostingRegressor();
  model.fit(matrix([1, 2, 3, 4]), Float64Array.from([1, 2, 3, 4]));
  throwsCode(() => model.predict(x), 'DEGENERATE_INPUT');
});

test('one row predicts the prior', () => {
  const classifier = new HistGradientBoostingClassifier();
  classifier.fit(matrix([3], [7]), Int32Array.from([1]), 3);
  const proba = classifier.predictProba(matrix([0, 9], [1, 1]));
  assert.ok(proba.data[1]! > 0.999 && proba.data[4]! > 0.999);
  assert.equal(classifier.nIterations, 0);

  const regressor = new HistGradientBoostingRegressor({ early_stopping: true });
  regressor.fit(matrix([3]), Float64Array.from([42]));
  assert.deepEqual([...regressor.predict(matrix([0, 100]))], [42, 42]);
});

test('constant features predict the prior without boosting', () => {
  const x = matrix(new Array<number>(200).fill(5), new Array<number>(200).fill(-1));
  const labels = Int32Array.from({ length: 200 }, (_, i) => (i % 4 === 0 ? 1 : 0));
  const classifier = new HistGradientBoostingClassifier();
  classifier.fit(x, labels, 2);
  assert.equal(classifier.nIterations, 0);
  assert.ok(Math.abs(classifier.predictProba(x).data[1]! - 0.25) < 1e-12);

  const regressor = new HistGradientBoostingRegressor();
  regressor.fit(x, Float64Array.from({ length: 200 }, (_, i) => i));
  assert.equal(regressor.nIterations, 0);
  assert.ok(Math.abs(regressor.predict(x)[0]! - 99.5) < 1e-9);
});

test('constant target: no trees, the constant is predicted', () => {
  const x = matrix(Array.from({ length: 300 }, (_, i) => i % 17), Array.from({ length: 300 }, (_, i) => (i * 7) % 13));
  const regressor = new HistGradientBoostingRegressor();
  regressor.fit(x, new Float64Array(300).fill(0.1));
  assert.equal(regressor.nIterations, 0);
  for (const value of regressor.predict(x)) assert.ok(Math.abs(value - 0.1) < 1e-12);
});

test('only one class present among several predicts that class', () => {
  const x = matrix(Array.from({ length: 100 }, (_, i) => i));
  for (const nClasses of [2, 5]) {
    const classifier = new HistGradientBoostingClassifier();
    classifier.fit(x, new Int32Array(100).fill(1), nClasses);
    assert.equal(classifier.nIterations, 0);
    const proba = classifier.predictProba(x);
    for (let row = 0; row < 100; row++) assert.ok(proba.data[row * nClasses + 1]! > 0.999);
  }
});

test('a single possible class gives probability 1', () => {
  const classifier = new HistGradientBoostingClassifier();
  classifier.fit(matrix([1, 2, 3]), new Int32Array(3), 1);
  assert.deepEqual([...classifier.predictProba(matrix([5])).data], [1]);
  const loaded = HistGradientBoostingClassifier.fromJSON(JSON.parse(JSON.stringify(classifier.toJSON().state)));
  assert.deepEqual([...loaded.predictProba(matrix([5])).data], [1]);
});

test('bad shapes, labels and weights are BAD_INPUT; unfitted use is NOT_FITTED', () => {
  const x = matrix([1, 2, 3, 4]);
  throwsCode(() => new HistGradientBoostingClassifier().fit(x, Int32Array.from([0, 1, 2, 0]), 2), 'BAD_INPUT');
  throwsCode(() => new HistGradientBoostingClassifier().fit(x, Int32Array.from([0, 1]), 2), 'BAD_INPUT');
  throwsCode(() => new HistGradientBoostingRegressor().fit(x, Float64Array.from([1, 2, 3, 4]), Float64Array.from([1, -1, 1, 1])), 'BAD_INPUT');
  throwsCode(() => new HistGradientBoostingRegressor().fit(x, Float64Array.from([1, 2, 3, 4]), new Float64Array(4)), 'DEGENERATE_INPUT');
  throwsCode(() => new HistGradientBoostingRegressor().fit(x, Float64Array.from([1, 2, Infinity, 4])), 'DEGENERATE_INPUT');
  const model = new HistGradientBoostingRegressor();
  throwsCode(() => model.predict(x), 'NOT_FITTED');
  model.fit(x, Float64Array.from([1, 2, 3, 4]));
  throwsCode(() => model.predict(matrix([1], [2])), 'BAD_INPUT');
});

test('out-of-range hyperparameters are ILLEGAL_VALUE', () => {
  throwsCode(() => new HistGradientBoostingClassifier({ max_bins: 256 }), 'ILLEGAL_VALUE');
  throwsCode(() => new HistGradientBoostingClassifier({ learning_rate: 0 }), 'ILLEGAL_VALUE');
  throwsCode(() => new HistGradientBoostingClassifier({ subsample: 1.5 }), 'ILLEGAL_VALUE');
  throwsCode(() => new HistGradientBoostingClassifier({ max_leaf_nodes: 1 }), 'ILLEGAL_VALUE');
  throwsCode(() => new HistGradientBoostingRegressor({ max_iter: 2.5 }), 'ILLEGAL_VALUE');
});
