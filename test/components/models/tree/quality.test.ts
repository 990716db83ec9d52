/**
 * Quality floors on real data, on the datasets' fixed 75/25 splits (and, for diabetes, seeded
 * 5-fold cross-validation; see the comment there). The floors sit a little under what
 * scikit-learn's forests reach with the same data and splits.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { argmaxRows } from '../../../../src/components/matrix.ts';
import type { FeatureMatrix } from '../../../../src/components/matrix.ts';
import {
  DecisionTreeClassifier,
  ExtraTreesClassifier,
  ExtraTreesRegressor,
  RandomForestClassifier,
  RandomForestRegressor,
} from '../../../../src/components/models/tree/index.ts';
import { Rng } from '../../../../src/util/rng.ts';
import { loadClassification, loadRegression } from './load.ts';
import { accuracy, balancedAccuracy, rSquared } from '../../../helpers/scores.ts';

test('RandomForestClassifier on breast_cancer: balanced accuracy >= 0.93', () => {
  const data = loadClassification('breast_cancer');
  const model = new RandomForestClassifier({ n_estimators: 100, seed: 0 });
  model.fit(data.train.x, data.train.y, data.classes.length);
  const score = balancedAccuracy(data.test.y, argmaxRows(model.predictProba(data.test.x)), data.classes.length);
  assert.ok(score >= 0.93, `balanced accuracy ${score}`);
});

test('ExtraTreesClassifier on breast_cancer: balanced accuracy >= 0.93', () => {
  const data = loadClassification('breast_cancer');
  const model = new ExtraTreesClassifier({ n_estimators: 100, seed: 0 });
  model.fit(data.train.x, data.train.y, data.classes.length);
  const score = balancedAccuracy(data.test.y, argmaxRows(model.predictProba(data.test.x)), data.classes.length);
  assert.ok(score >= 0.93, `balanced accuracy ${score}`);
});

test('RandomForestClassifier on digits: accuracy >= 0.95 (gini and entropy)', () => {
  const data = loadClassification('digits');
  for (const criterion of ['gini', 'entropy'] as const) {
    const model = new RandomForestClassifier({ n_estimators: 100, criterion, seed: 0 });
    model.fit(data.train.x, data.train.y, data.classes.length);
    const score = accuracy(data.test.y, argmaxRows(model.predictProba(data.test.x)));
    assert.ok(score >= 0.95, `${criterion}: accuracy ${score}`);
  }
});

test('a single decision tree on iris reaches accuracy >= 0.9', () => {
  const data = loadClassification('iris');
  const model = new DecisionTreeClassifier({ seed: 0 });
  model.fit(data.train.x, data.train.y, data.classes.length);
  const score = accuracy(data.test.y, argmaxRows(model.predictProba(data.test.x)));
  assert.ok(score >= 0.9, `accuracy ${score}`);
});

function concatRows(a: FeatureMatrix, b: FeatureMatrix): FeatureMatrix {
  return {
    nRows: a.nRows + b.nRows,
    columns: a.columns.map((column, j) => {
      const joined = new Float64Array(a.nRows + b.nRows);
      joined.set(column);
      joined.set(b.columns[j]!, a.nRows);
      return joined;
    }),
  };
}

function pickRows(x: FeatureMatrix, rows: readonly number[]): FeatureMatrix {
  return { nRows: rows.length, columns: x.columns.map((c) => Float64Array.from(rows, (r) => c[r]!)) };
}

/**
 * The diabetes split file's test quarter happens to be hard: on it scikit-learn's
 * RandomForestRegressor(100) scores R² 0.235–0.263 over five seeds, below even OLS (0.36), and
 * this forest scores the same (about 0.22–0.27). A 0.35 floor is only meaningful averaged over
 * folds, where both score about 0.43; so the floor is on 5-fold cross-validation of all rows
 * with a seeded fold assignment, and the split-file score is checked against a parity floor.
 */
test('RandomForestRegressor on diabetes: 5-fold mean R² >= 0.35, split-file R² >= 0.2', () => {
  const data = loadRegression('diabetes');
  const x = concatRows(data.train.x, data.test.x);
  const y = new Float64Array(x.nRows);
  y.set(data.train.y);
  y.set(data.test.y, data.train.y.length);
  const order = new Rng(7).permutation(x.nRows);
  const folds = 5;
  let sum = 0;
  for (let fold = 0; fold < folds; fold++) {
    const train: number[] = [];
    const held: number[] = [];
    order.forEach((row, i) => (i % folds === fold ? held : train).push(row));
    const model = new RandomForestRegressor({ n_estimators: 100, seed: fold });
    model.fit(pickRows(x, train), Float64Array.from(train, (r) => y[r]!));
    sum += rSquared(Float64Array.from(held, (r) => y[r]!), model.predict(pickRows(x, held)));
  }
  const meanR2 = sum / folds;
  assert.ok(meanR2 >= 0.35, `5-fold mean R² ${meanR2}`);

  const model = new RandomForestRegressor({ n_estimators: 100, seed: 0 });
  model.fit(data.train.x, data.train.y);
  const splitR2 = rSquared(data.test.y, model.predict(data.test.x));
  assert.ok(splitR2 >= 0.2, `split-file R² ${splitR2}`);
});

test('ExtraTreesRegressor on diabetes: split-file R² >= 0.2', () => {
  const data = loadRegression('diabetes');
  const model = new ExtraTreesRegressor({ n_estimators: 100, seed: 0 });
  model.fit(data.train.x, data.train.y);
  const score = rSquared(data.test.y, model.predict(data.test.x));
  assert.ok(score >= 0.2, `R² ${score}`);
});
