import { test } from 'node:test';
import assert from 'node:assert/strict';
import { accuracy, balancedAccuracy, logLoss, rocAuc } from '../../src/metrics/classification.ts';

const proba = (rows: number[][]) => ({ nRows: rows.length, nClasses: rows[0]!.length, data: Float64Array.from(rows.flat()) });

test('accuracy and balanced accuracy on a hand-checked example', () => {
  const yTrue = Int32Array.from([0, 0, 0, 0, 1, 1]);
  const yPred = Int32Array.from([0, 0, 0, 1, 1, 0]);
  assert.equal(accuracy(yTrue, yPred), 4 / 6);
  // recall class 0 = 3/4, class 1 = 1/2
  assert.equal(balancedAccuracy(yTrue, yPred, 2), (0.75 + 0.5) / 2);
});

test('weights count rows more or less', () => {
  const yTrue = Int32Array.from([0, 1]);
  const yPred = Int32Array.from([0, 0]);
  assert.equal(accuracy(yTrue, yPred, Float64Array.from([3, 1])), 0.75);
});

test('log loss matches the closed form and stays finite on a confident mistake', () => {
  const yTrue = Int32Array.from([0, 1]);
  const value = logLoss(yTrue, proba([[0.8, 0.2], [0.4, 0.6]]));
  assert.ok(Math.abs(value - -(Math.log(0.8) + Math.log(0.6)) / 2) < 1e-12);
  const wrong = logLoss(Int32Array.from([1]), proba([[1, 0]]));
  assert.ok(Number.isFinite(wrong) && wrong > 30);
});

test('ROC AUC: perfect, inverted, tied and multiclass one-vs-rest', () => {
  const yTrue = Int32Array.from([0, 0, 1, 1]);
  assert.equal(rocAuc(yTrue, proba([[0.9, 0.1], [0.6, 0.4], [0.35, 0.65], [0.2, 0.8]])), 1);
  assert.equal(rocAuc(yTrue, proba([[0.1, 0.9], [0.2, 0.8], [0.7, 0.3], [0.8, 0.2]])), 0);
  assert.equal(rocAuc(yTrue, proba([[0.5, 0.5], [0.5, 0.5], [0.5, 0.5], [0.5, 0.5]])), 0.5);
  // classic example: scores 0.1 0.4 0.35 0.8 for labels 0 0 1 1 → 0.75
  assert.equal(rocAuc(yTrue, proba([[0.9, 0.1], [0.6, 0.4], [0.65, 0.35], [0.2, 0.8]])), 0.75);
  const three = Int32Array.from([0, 1, 2]);
  assert.equal(rocAuc(three, proba([[0.8, 0.1, 0.1], [0.1, 0.8, 0.1], [0.1, 0.1, 0.8]])), 1);
});
