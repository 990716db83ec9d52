/**
 * XGBoost on real datasets with each engine: floors relative to a linear model on the same split,
 * an interaction no linear model can learn, probabilities that sum to 1,
 * the engine recorded in the saved state, and save → load → identical predictions.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { argmaxRows } from '../../../../src/components/matrix.ts';
import { loadSavedModel } from '../../../../src/components/model-loaders.ts';
import { XgboostClassifier, XgboostRegressor, prepareXgboost, xgboostEngineStatus } from '../../../../src/components/models/xgboost/index.ts';
import { loadNumericSplit } from '../../../helpers/numeric-split.ts';
import { Rng } from '../../../../src/util/rng.ts';
import { linearClassificationFloor, linearRegressionFloor } from '../../../helpers/linear-baseline.ts';
import { balancedAccuracy, rSquared } from '../../../helpers/scores.ts';
import { assertValidProbabilities } from '../neighbors/assertions.ts';

const status = await xgboostEngineStatus();
const nativeMissing = status.engines[0]!.available ? false : `native XGBoost unavailable: ${status.engines[0]!.detail}`;

const CLASSIFICATION_DATASETS = ['breast_cancer', 'iris', 'glass'] as const;

/**
 * Label sign(x1)·sign(x2) of uniform points in [−1, 1]², plus a third, pure-noise feature: the
 * Bayes error is 0, and no linear model (nor a model that ignores x1 or x2) beats chance.
 */
function xorData(n: number, seed: number): { x: { nRows: number; columns: Float64Array[] }; y: Int32Array } {
  const rng = new Rng(seed);
  const columns = [0, 1, 2].map(() => Float64Array.from({ length: n }, () => rng.next() * 2 - 1));
  const y = Int32Array.from({ length: n }, (_, i) => (columns[0]![i]! * columns[1]![i]! > 0 ? 1 : 0));
  return { x: { nRows: n, columns }, y };
}

for (const engine of ['native', 'wasm'] as const) {
  test(`${engine} engine: learns an interaction of known shape`, { skip: engine === 'native' ? nativeMissing : false }, async () => {
    await prepareXgboost(engine);
    const train = xorData(400, 21);
    const test = xorData(400, 22);
    const model = new XgboostClassifier({ engine, seed: 0, n_estimators: 60 });
    model.fit(train.x, train.y, 2);
    const score = balancedAccuracy(test.y, argmaxRows(model.predictProba(test.x)), 2);
    assert.ok(score >= 0.9, `${engine} XOR: balanced accuracy ${score}`);
  });

  test(`${engine} engine: classification earns most of a linear model's lift over chance, probabilities, round trip`, { skip: engine === 'native' ? nativeMissing : false }, async () => {
    await prepareXgboost(engine);
    for (const name of CLASSIFICATION_DATASETS) {
      const split = loadNumericSplit(name);
      const { floor, linear } = linearClassificationFloor(loadNumericSplit(name, { standardise: true }));
      const nClasses = split.classes.length;
      const model = new XgboostClassifier({ engine, seed: 0, n_estimators: 60 });
      model.fit(split.train.x, split.train.labels, nClasses);
      assert.equal(model.engine?.name, engine);
      const proba = model.predictProba(split.test.x);
      assertValidProbabilities(proba, split.test.x.nRows, nClasses);
      const score = balancedAccuracy(split.test.labels, argmaxRows(proba), nClasses);
      assert.ok(score >= floor, `${engine} ${name}: balanced accuracy ${score} < ${floor} (linear model ${linear})`);
      const saved = JSON.parse(JSON.stringify(model.toJSON()));
      assert.equal(saved.state.engine.name, engine);
      assert.deepEqual(loadSavedModel(saved).task === 'classification' && (loadSavedModel(saved) as XgboostClassifier).predictProba(split.test.x), proba);
    }
  });

  test(`${engine} engine: regression explains most of what a linear model explains, and round trip`, { skip: engine === 'native' ? nativeMissing : false }, async () => {
    await prepareXgboost(engine);
    const split = loadNumericSplit('diabetes');
    const model = new XgboostRegressor({ engine, seed: 0, n_estimators: 150, eta: 0.03, max_depth: 2, min_child_weight: 5, subsample: 0.8 });
    model.fit(split.train.x, split.train.target);
    const predicted = model.predict(split.test.x);
    const r2 = rSquared(split.test.target, predicted);
    const { floor, linear } = linearRegressionFloor(loadNumericSplit('diabetes', { standardise: true }));
    assert.ok(r2 >= floor, `${engine} diabetes: R² ${r2} < ${floor} (linear model ${linear})`);
    const loaded = loadSavedModel(JSON.parse(JSON.stringify(model.toJSON())));
    assert.ok(loaded.task === 'regression');
    assert.deepEqual(loaded.predict(split.test.x), predicted);
  });
}
