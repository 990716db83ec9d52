/** Synthetic binary and multiclass probabilities with a known miscalibration, for the calibrator tests. */
import type { ProbabilityMatrix } from '../../../src/components/matrix.ts';
import { Rng } from '../../../src/util/rng.ts';

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/**
 * Rows whose true log-odds s are uniform on [−4, 4] and whose label is drawn with P(1) = σ(s); the
 * reported probability is σ(slope · s + shift), so slope 1 and shift 0 are calibrated.
 */
export function binaryRows(nRows: number, slope: number, shift: number, seed: number): { proba: ProbabilityMatrix; codes: Int32Array } {
  const rng = new Rng(seed);
  const data = new Float64Array(nRows * 2);
  const codes = new Int32Array(nRows);
  for (let i = 0; i < nRows; i++) {
    const s = rng.uniform(-4, 4);
    codes[i] = rng.next() < sigmoid(s) ? 1 : 0;
    const p = sigmoid(slope * s + shift);
    data[2 * i] = 1 - p;
    data[2 * i + 1] = p;
  }
  return { proba: { nRows, nClasses: 2, data }, codes };
}

/** Multiclass rows drawn from softmax(scores), reported as softmax(sharpness · scores). */
export function multiclassRows(nRows: number, nClasses: number, sharpness: number, seed: number): { proba: ProbabilityMatrix; codes: Int32Array } {
  const rng = new Rng(seed);
  const data = new Float64Array(nRows * nClasses);
  const codes = new Int32Array(nRows);
  const scores = new Float64Array(nClasses);
  for (let i = 0; i < nRows; i++) {
    for (let k = 0; k < nClasses; k++) scores[k] = rng.normal() * 1.5;
    const truth = Array.from(scores, Math.exp);
    codes[i] = rng.weightedIndex(truth);
    const reported = Array.from(scores, (s) => Math.exp(sharpness * s));
    const total = reported.reduce((a, b) => a + b, 0);
    reported.forEach((value, k) => (data[i * nClasses + k] = value / total));
  }
  return { proba: { nRows, nClasses, data }, codes };
}

/** Mean log loss of (a copy of) `proba` after `transform`, against `codes`. */
export function meanLogLoss(proba: ProbabilityMatrix, codes: Int32Array, transform?: (p: ProbabilityMatrix) => void): number {
  const copy: ProbabilityMatrix = { ...proba, data: Float64Array.from(proba.data) };
  transform?.(copy);
  let total = 0;
  for (let i = 0; i < copy.nRows; i++) total -= Math.log(Math.max(copy.data[i * copy.nClasses + codes[i]!]!, 1e-15));
  return total / copy.nRows;
}

export function copyOf(proba: ProbabilityMatrix): ProbabilityMatrix {
  return { ...proba, data: Float64Array.from(proba.data) };
}
