/**
 * Temperature scaling of the final model's class probabilities: p_k ← p_k^β / Σ_j p_j^β with one
 * exponent β = 1/T fitted to the validation rows' out-of-sample predictions by log loss.
 *
 * Why: ensemble selection weighs members by the run's metric, which for balanced accuracy or
 * accuracy ignores calibration, and many members are badly calibrated on their own (forests and
 * bagged trees hedge towards the middle, neighbours and naive Bayes are overconfident). One
 * exponent fixes the overall sharpness. It is a monotone map of each row's probabilities, so the
 * predicted class never changes, nor (with two classes) the ranking of rows: every label metric
 * and ROC AUC stay as they were; only the probabilities' log loss can move.
 *
 * The validation log loss of β is convex (a log-sum-exp of β-scaled log probabilities minus a
 * term linear in β), so a golden-section search on [β_min, β_max] finds its minimum. β stays 1
 * unless the gain is worth a parameter: see MIN_GAIN.
 */
import type { ProbabilityMatrix } from '../components/matrix.ts';
import { floorProbabilities } from '../export/combine.ts';

/** Range of the exponent: T from 1/20 (sharpening 20 times) to 20 (flattening). */
const BETA_MIN = 0.05;
const BETA_MAX = 20;
/** Golden-section steps: the bracket shrinks by 0.618 per step, to ~1e-8 of its width. */
const SEARCH_STEPS = 40;
/**
 * Smallest drop in mean validation log loss (nats per row) for which β ≠ 1 is kept: below it the
 * model is left as selected, so a calibrated ensemble is not nudged by noise.
 */
const MIN_GAIN = 1e-3;

export interface TemperatureFit {
  /** T = 1/β; 1 when scaling did not pay. */
  readonly temperature: number;
  /** Mean validation log loss before and after scaling. */
  readonly logLossBefore: number;
  readonly logLossAfter: number;
}

/** Scales each row's probabilities by the exponent 1/temperature, then floors them; in place. */
export function applyTemperature(proba: ProbabilityMatrix, temperature: number): void {
  if (temperature === 1) return;
  const beta = 1 / temperature;
  const { nRows, nClasses, data } = proba;
  for (let i = 0; i < nRows; i++) {
    const at = i * nClasses;
    // Scaled in log space relative to the row's largest entry, so no power underflows to 0 for all classes.
    let top = -Infinity;
    for (let k = 0; k < nClasses; k++) top = Math.max(top, Math.log(data[at + k]!));
    let sum = 0;
    for (let k = 0; k < nClasses; k++) {
      const scaled = Math.exp(beta * (Math.log(data[at + k]!) - top));
      data[at + k] = scaled;
      sum += scaled;
    }
    for (let k = 0; k < nClasses; k++) data[at + k]! /= sum;
  }
  floorProbabilities(proba);
}

/** Mean log loss of `proba` scaled by exponent beta (then floored) against the class codes. */
function scaledLogLoss(proba: ProbabilityMatrix, codes: Int32Array, beta: number): number {
  const scaled: ProbabilityMatrix = { ...proba, data: Float64Array.from(proba.data) };
  applyTemperature(scaled, 1 / beta);
  let total = 0;
  for (let i = 0; i < scaled.nRows; i++) total -= Math.log(scaled.data[i * scaled.nClasses + codes[i]!]!);
  return total / scaled.nRows;
}

/** The temperature that minimises the validation log loss of `proba` (floored probabilities). */
export function fitTemperature(proba: ProbabilityMatrix, codes: Int32Array): TemperatureFit {
  const before = scaledLogLoss(proba, codes, 1);
  const ratio = (Math.sqrt(5) - 1) / 2;
  let low = BETA_MIN;
  let high = BETA_MAX;
  let left = high - ratio * (high - low);
  let right = low + ratio * (high - low);
  let leftLoss = scaledLogLoss(proba, codes, left);
  let rightLoss = scaledLogLoss(proba, codes, right);
  for (let step = 0; step < SEARCH_STEPS; step++) {
    if (leftLoss <= rightLoss) {
      high = right;
      right = left;
      rightLoss = leftLoss;
      left = high - ratio * (high - low);
      leftLoss = scaledLogLoss(proba, codes, left);
    } else {
      low = left;
      left = right;
      leftLoss = rightLoss;
      right = low + ratio * (high - low);
      rightLoss = scaledLogLoss(proba, codes, right);
    }
  }
  const beta = (low + high) / 2;
  const after = scaledLogLoss(proba, codes, beta);
  if (!(before - after >= MIN_GAIN)) return { temperature: 1, logLossBefore: before, logLossAfter: before };
  return { temperature: 1 / beta, logLossBefore: before, logLossAfter: after };
}
