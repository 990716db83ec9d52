import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  brierScore,
  calibrationGap,
  classReliability,
  expectedCalibrationError,
  reliabilityBins,
  topLabelReliability,
} from '../../src/metrics/calibration.ts';

const proba = (rows: number[][]) => ({ nRows: rows.length, nClasses: rows[0]!.length, data: Float64Array.from(rows.flat()) });
const close = (a: number, b: number, what: string) => assert.ok(Math.abs(a - b) < 1e-12, `${what}: ${a} ≠ ${b}`);

/** `n` rows predicting `p` for class 0 of two, `hits` of them truly class 0. */
function block(n: number, p: number, hits: number): { rows: number[][]; codes: number[] } {
  return { rows: Array.from({ length: n }, () => [p, 1 - p]), codes: Array.from({ length: n }, (_, i) => (i < hits ? 0 : 1)) };
}

test('Brier score: sum over classes of squared differences, averaged over rows', () => {
  // (0.3² + 0.2² + 0.1²) = 0.14 and (0.2² + 0.5² + 0.7²) = 0.78 → mean 0.46.
  close(brierScore(Int32Array.from([0, 2]), proba([[0.7, 0.2, 0.1], [0.2, 0.5, 0.3]])), 0.46, 'three classes');
  close(brierScore(Int32Array.from([1]), proba([[0.25, 0.75]])), 2 * 0.25 ** 2, 'binary: both columns count');
  assert.equal(brierScore(Int32Array.from([0, 1]), proba([[1, 0], [0, 1]])), 0, 'certain and right');
  assert.equal(brierScore(Int32Array.from([1]), proba([[1, 0]])), 2, 'certain and wrong');
  close(brierScore(Int32Array.from([0, 2]), proba([[0.7, 0.2, 0.1], [0.2, 0.5, 0.3]]), Float64Array.from([3, 1])), (3 * 0.14 + 0.78) / 4, 'weighted');
});

test('ECE is 0 when every confidence level is right as often as it claims', () => {
  const a = block(10, 0.8, 8); // confident in class 0 at 0.8, right 8 times of 10
  const b = block(4, 0.5, 2); // a coin flip, right half the time
  const c = block(5, 0.4, 2); // predicts class 1 at 0.6, right 3 times of 5
  const yTrue = Int32Array.from([...a.codes, ...b.codes, ...c.codes]);
  const p = proba([...a.rows, ...b.rows, ...c.rows]);
  close(expectedCalibrationError(yTrue, p), 0, 'calibrated');
  const bins = topLabelReliability(yTrue, p);
  assert.deepEqual(bins.map((bin) => bin.count), [4, 5, 10], 'three occupied bins, by confidence');
});

test('ECE weighs each bin’s gap by its share of the rows', () => {
  // 10 rows at confidence 0.9 right 6 times (gap 0.3), 10 rows at 0.6 right 6 times (gap 0).
  const a = block(10, 0.9, 6);
  const b = block(10, 0.6, 6);
  const yTrue = Int32Array.from([...a.codes, ...b.codes]);
  close(expectedCalibrationError(yTrue, proba([...a.rows, ...b.rows])), 0.15, 'half the rows off by 0.3');
  // A certain, always-wrong model is off by 1.
  close(expectedCalibrationError(Int32Array.from([1, 1]), proba([[1, 0], [1, 0]])), 1, 'certain and wrong');
});

test('reliability bins: equal width over [0, 1], 1 in the last bin, empty bins left out', () => {
  const bins = reliabilityBins(Float64Array.from([0, 0.05, 1, 0.95, NaN]), Uint8Array.from([0, 1, 1, 0, 1]), 10);
  assert.deepEqual(
    bins.map((b) => [b.lower, b.upper, b.count]),
    [[0, 0.1, 2], [0.9, 1, 2]],
  );
  close(bins[0]!.meanPredicted, 0.025, 'mean prediction');
  close(bins[0]!.observed, 0.5, 'observed frequency');
  close(calibrationGap(bins), 0.5 * Math.abs(0.5 - 0.025) + 0.5 * Math.abs(0.5 - 0.975), 'gap');
});

test('one class’s reliability reads its column against membership of that class', () => {
  const bins = classReliability(Int32Array.from([1, 0, 1, 1]), proba([[0.1, 0.9], [0.9, 0.1], [0.2, 0.8], [0.8, 0.2]]), 1, 2);
  assert.deepEqual(
    bins.map((b) => [b.count, b.observed]),
    [[2, 0.5], [2, 1]],
  );
});
