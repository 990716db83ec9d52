/** Sample weights: zero weight removes a row, integer weight acts like repetition, class weights shift predictions. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { argmaxRows } from '../../../../src/components/matrix.ts';
import type { FeatureMatrix } from '../../../../src/components/matrix.ts';
import {
  DecisionTreeClassifier,
  DecisionTreeRegressor,
  ExtraTreesClassifier,
  RandomForestClassifier,
  RandomForestRegressor,
} from '../../../../src/components/models/tree/index.ts';
import { Rng } from '../../../../src/util/rng.ts';
import { syntheticClassification, syntheticRegression } from './synthetic.ts';

function pickRows(x: FeatureMatrix, rows: readonly number[]): FeatureMatrix {
  return { nRows: rows.length, columns: x.columns.map((c) => Float64Array.from(rows, (r) => c[r]!)) };
}

test('a zero-weight row is ignored: the tree equals the tree fitted without it', () => {
  const data = syntheticClassification(300, 5, 3, 31);
  const weights = new Float64Array(300).fill(1);
  const kept: number[] = [];
  for (let i = 0; i < 300; i++) {
    if (i % 4 === 0) weights[i] = 0;
    else kept.push(i);
  }
  // Scramble the ignored rows' labels: they must make no difference.
  const y = data.y.map((k, i) => (i % 4 === 0 ? (k + 1) % 3 : k));
  const weighted = new DecisionTreeClassifier({ seed: 3 });
  weighted.fit(data.x, y, 3, weights);
  const subset = new DecisionTreeClassifier({ seed: 3 });
  subset.fit(pickRows(data.x, kept), Int32Array.from(kept, (r) => y[r]!), 3);
  assert.deepEqual(weighted.toJSON(), subset.toJSON());

  const reg = syntheticRegression(300, 5, 32);
  const regWeighted = new DecisionTreeRegressor({ seed: 3 });
  regWeighted.fit(reg.x, reg.y.map((v, i) => (i % 4 === 0 ? 1e6 : v)), weights);
  const regSubset = new DecisionTreeRegressor({ seed: 3 });
  regSubset.fit(pickRows(reg.x, kept), Float64Array.from(kept, (r) => reg.y[r]!));
  assert.deepEqual(regWeighted.predict(reg.x), regSubset.predict(reg.x));
});

test('in a forest, a class carried only by zero-weight rows gets probability 0', () => {
  const data = syntheticClassification(300, 5, 2, 33);
  const y = Int32Array.from(data.y);
  const weights = new Float64Array(300).fill(1);
  for (let i = 0; i < 300; i += 10) {
    y[i] = 2;
    weights[i] = 0;
  }
  for (const model of [new RandomForestClassifier({ seed: 1, n_estimators: 20 }), new ExtraTreesClassifier({ seed: 1, n_estimators: 20 })]) {
    model.fit(data.x, y, 3, weights);
    const proba = model.predictProba(data.x);
    for (let i = 0; i < proba.nRows; i++) assert.equal(proba.data[i * 3 + 2], 0);
  }
});

test('an integer weight acts like repeating the row (single tree, exact bins)', () => {
  const rng = new Rng(34);
  const n = 60;
  const columns = [0, 1, 2].map(() => Float64Array.from({ length: n }, () => rng.int(20)));
  const y = Int32Array.from({ length: n }, (_, i) => (columns[0]![i]! + columns[1]![i]! + rng.int(8) > 22 ? 1 : 0));
  const weights = Float64Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 2 : 1));
  const repeated: number[] = [];
  for (let i = 0; i < n; i++) {
    repeated.push(i);
    if (weights[i] === 2) repeated.push(i);
  }
  const x: FeatureMatrix = { nRows: n, columns };
  const weighted = new DecisionTreeClassifier({ seed: 8 });
  weighted.fit(x, y, 2, weights);
  const duplicated = new DecisionTreeClassifier({ seed: 8 });
  duplicated.fit(pickRows(x, repeated), Int32Array.from(repeated, (r) => y[r]!), 2);
  const grid = pickRows(x, Array.from({ length: n }, (_, i) => i));
  assert.deepEqual(weighted.predictProba(grid).data, duplicated.predictProba(grid).data);
});

test('class weighting raises the minority class recall', () => {
  const data = syntheticClassification(2000, 6, 2, 35);
  // Keep a tenth of class 1 to make it a minority.
  const rows: number[] = [];
  for (let i = 0; i < data.x.nRows; i++) if (data.y[i] === 0 || i % 10 === 0) rows.push(i);
  const x = pickRows(data.x, rows);
  const y = Int32Array.from(rows, (r) => data.y[r]!);
  let minority = 0;
  for (const k of y) minority += k;
  const balance = Float64Array.from(y, (k) => (k === 1 ? (y.length - minority) / minority : 1));
  const test = syntheticClassification(2000, 6, 2, 36);
  const recall = (model: RandomForestClassifier): number => {
    const predicted = argmaxRows(model.predictProba(test.x));
    let hits = 0;
    let total = 0;
    for (let i = 0; i < test.y.length; i++) {
      if (test.y[i] !== 1) continue;
      total++;
      if (predicted[i] === 1) hits++;
    }
    return hits / total;
  };
  // Leaves of at least 10 rows keep a mix of classes, where the weights decide the majority.
  const plain = new RandomForestClassifier({ seed: 2, n_estimators: 30, min_samples_leaf: 10 });
  plain.fit(x, y, 2);
  const weighted = new RandomForestClassifier({ seed: 2, n_estimators: 30, min_samples_leaf: 10 });
  weighted.fit(x, y, 2, balance);
  const before = recall(plain);
  const after = recall(weighted);
  assert.ok(after > before + 0.05, `minority recall ${before} → ${after}`);
});

test('regression weights pull the prediction towards heavy rows', () => {
  // Two rows with the same features: the leaf mean is their weighted mean.
  const x: FeatureMatrix = { nRows: 2, columns: [new Float64Array([1, 1])] };
  const model = new RandomForestRegressor({ seed: 0, n_estimators: 1, bootstrap: false });
  model.fit(x, new Float64Array([0, 10]), new Float64Array([1, 3]));
  assert.equal(model.predict(x)[0], 7.5);
});
