import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HistGradientBoostingClassifier, loadGradientBoosting } from '../../../../src/components/models/boosting/index.ts';
import { HIST_GRADIENT_BOOSTING_DEFAULTS } from '../../../../src/components/models/boosting/params.ts';
import { argmaxRows, type ProbabilityMatrix } from '../../../../src/components/matrix.ts';
import type { JsonObject } from '../../../../src/util/json.ts';
import { classesOf, sliceRows, syntheticProblem } from './synthetic.ts';

const problem = syntheticProblem(1500, 6, 11);
const binary = classesOf(problem.target, 2);
const fourClasses = classesOf(problem.target, 4);

function assertRowsSumToOne(proba: ProbabilityMatrix): void {
  for (let row = 0; row < proba.nRows; row++) {
    let sum = 0;
    for (let k = 0; k < proba.nClasses; k++) {
      const p = proba.data[row * proba.nClasses + k]!;
      assert.ok(p >= 0 && p <= 1);
      sum += p;
    }
    assert.ok(Math.abs(sum - 1) < 1e-12, `row ${row} sums to ${sum}`);
  }
}

function roundTrip(model: HistGradientBoostingClassifier): HistGradientBoostingClassifier {
  const saved = JSON.parse(JSON.stringify(model.toJSON())) as { type: string; state: JsonObject };
  assert.equal(saved.type, 'gradient_boosting');
  return HistGradientBoostingClassifier.fromJSON(saved.state);
}

test('defaults are the documented ones', () => {
  const model = new HistGradientBoostingClassifier();
  assert.deepEqual(model.params, HIST_GRADIENT_BOOSTING_DEFAULTS);
  assert.equal(model.params.learning_rate, 0.1);
  assert.equal(model.params.max_iter, 100);
  assert.equal(model.params.max_leaf_nodes, 31);
  assert.equal(model.params.min_samples_leaf, 20);
  assert.equal(model.params.max_bins, 255);
  assert.equal(model.params.early_stopping, 'auto');
});

test('binary and multiclass probabilities are valid and rows sum to 1', () => {
  for (const [labels, nClasses] of [[binary, 2], [fourClasses, 4]] as const) {
    const model = new HistGradientBoostingClassifier({ max_iter: 30 });
    model.fit(problem.x, labels, nClasses);
    const proba = model.predictProba(problem.x);
    assert.equal(proba.nClasses, nClasses);
    assertRowsSumToOne(proba);
    assert.equal(model.nIterations, 30);
  }
});

test('learns a held-out nonlinear boundary', () => {
  const model = new HistGradientBoostingClassifier();
  model.fit(sliceRows(problem.x, 0, 1000), binary.slice(0, 1000), 2);
  const predicted = argmaxRows(model.predictProba(sliceRows(problem.x, 1000, 1500)));
  let correct = 0;
  for (let i = 0; i < 500; i++) if (predicted[i] === binary[1000 + i]) correct++;
  assert.ok(correct / 500 > 0.85, `accuracy ${correct / 500}`);
});

test('JSON round trip predicts identically (binary and multiclass)', () => {
  for (const [labels, nClasses] of [[binary, 2], [fourClasses, 4]] as const) {
    const model = new HistGradientBoostingClassifier({ max_iter: 25, subsample: 0.8, colsample_bytree: 0.7 });
    model.fit(problem.x, labels, nClasses);
    const loaded = roundTrip(model);
    assert.deepEqual(loaded.predictProba(problem.x).data, model.predictProba(problem.x).data);
    assert.equal(loaded.nIterations, model.nIterations);
    assert.deepEqual(loaded.params, model.params);
    assert.ok(loadGradientBoosting(model.toJSON().state) instanceof HistGradientBoostingClassifier);
  }
});

test('same seed gives identical models; another seed differs when sampling', () => {
  const params = { max_iter: 20, subsample: 0.7, colsample_bytree: 0.5 };
  const fitted = (seed: number): Float64Array => {
    const model = new HistGradientBoostingClassifier({ ...params, seed });
    model.fit(problem.x, fourClasses, 4);
    return model.predictProba(problem.x).data;
  };
  assert.deepEqual(fitted(5), fitted(5));
  assert.notDeepEqual(fitted(5), fitted(6));
});

test('uniform weights of 2 change nothing; weighting a class raises its probability', () => {
  const plain = new HistGradientBoostingClassifier({ max_iter: 20 });
  plain.fit(problem.x, binary, 2);
  const doubled = new HistGradientBoostingClassifier({ max_iter: 20 });
  doubled.fit(problem.x, binary, 2, new Float64Array(problem.x.nRows).fill(2));
  assert.deepEqual(doubled.predictProba(problem.x).data, plain.predictProba(problem.x).data);

  const favoured = new HistGradientBoostingClassifier({ max_iter: 20 });
  favoured.fit(problem.x, binary, 2, Float64Array.from(binary, (label) => (label === 1 ? 5 : 1)));
  const meanClassOne = (proba: ProbabilityMatrix): number => {
    let sum = 0;
    for (let row = 0; row < proba.nRows; row++) sum += proba.data[row * 2 + 1]!;
    return sum / proba.nRows;
  };
  assert.ok(meanClassOne(favoured.predictProba(problem.x)) > meanClassOne(plain.predictProba(problem.x)) + 0.1);
});

test('rows with zero weight are ignored', () => {
  // the first half says class 1 everywhere, but carries no weight
  const labels = Int32Array.from(binary, (label, row) => (row < 750 ? 1 : label));
  const weights = Float64Array.from(labels, (_, row) => (row < 750 ? 0 : 1));
  const model = new HistGradientBoostingClassifier({ max_iter: 30 });
  model.fit(problem.x, labels, 2, weights);
  const predicted = argmaxRows(model.predictProba(problem.x));
  let agree = 0;
  for (let row = 0; row < 750; row++) if (predicted[row] === binary[row]) agree++;
  assert.ok(agree / 750 > 0.8, `agreement with the true labels ${agree / 750}`);
});
