/**
 * Temperature scaling of the final model's class probabilities: p_k ← p_k^β / Σ_j p_j^β with one
 * exponent β = 1/T fitted by log loss to out-of-sample predictions (cross-fitted, see calibration.ts).
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
 * unless the gain is worth a parameter and beyond noise: see MIN_GAIN and NOISE_Z.
 */
import type { ProbabilityMatrix } from '../components/matrix.ts';
import { floorProbabilities } from '../export/combine.ts';

/**
 * Range of the exponent: T from 1/MAX_SHARPENING to 20 (flattening). Flattening only moves
 * probabilities towards uniform and is fitted as far as the rows ask; sharpening is bounded
 * because the predictions it is fitted to come from models trained on fewer rows than the
 * deployed ones (a holdout's or a fold's training part), which are more confident already, so a
 * fitted sharpening overshoots on them. Twice the log-odds is the bound: it leaves room for the
 * flattening that averaging ensemble members causes (an equal mix of two members that disagree
 * halves the log-odds of the confident one), while the runaway T = 0.16 seen before (β ≈ 6) is ruled out.
 */
export const MAX_SHARPENING = 2;
const BETA_MIN = 0.05;
const BETA_MAX = MAX_SHARPENING;
/** Golden-section steps: the bracket shrinks by 0.618 per step, to ~1e-8 of its width. */
const SEARCH_STEPS = 40;
/**
 * Smallest drop in mean validation log loss (nats per row) for which β ≠ 1 is kept: below it the
 * model is left as selected, so a calibrated ensemble is not nudged by noise.
 */
export const MIN_GAIN = 1e-3;
/**
 * The gain must also exceed NOISE_Z standard errors of the per-row log-loss differences: a
 * one-parameter fit on a few hundred rows improves its own rows by chance, and one that does not
 * clearly help there would be as likely to hurt new rows.
 */
export const NOISE_Z = 2;

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

/** Per-row log loss of `proba` scaled by exponent beta (then floored) against the class codes. */
function rowLogLosses(proba: ProbabilityMatrix, codes: Int32Array, beta: number): Float64Array {
  const scaled: ProbabilityMatrix = { ...proba, data: Float64Array.from(proba.data) };
  if (beta === 1) floorProbabilities(scaled);
  else applyTemperature(scaled, 1 / beta);
  return Float64Array.from({ length: scaled.nRows }, (_, i) => -Math.log(scaled.data[i * scaled.nClasses + codes[i]!]!));
}

function scaledLogLoss(proba: ProbabilityMatrix, codes: Int32Array, beta: number): number {
  const losses = rowLogLosses(proba, codes, beta);
  return losses.reduce((a, b) => a + b, 0) / Math.max(losses.length, 1);
}

/** Mean and standard error of the per-row drop in log loss from exponent 1 to beta. */
function gainOf(proba: ProbabilityMatrix, codes: Int32Array, beta: number): { mean: number; standardError: number } {
  const before = rowLogLosses(proba, codes, 1);
  const after = rowLogLosses(proba, codes, beta);
  const n = before.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += before[i]! - after[i]!;
  mean /= n;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (before[i]! - after[i]! - mean) ** 2;
  return { mean, standardError: n > 1 ? Math.sqrt(squares / (n - 1) / n) : Infinity };
}

/** The exponent β = 1/T in [BETA_MIN, MAX_SHARPENING] that minimises the log loss of `proba`, with no noise check. */
export function fitExponent(proba: ProbabilityMatrix, codes: Int32Array): number {
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
  return (low + high) / 2;
}

/** The temperature that minimises the validation log loss of `proba` (floored probabilities). */
export function fitTemperature(proba: ProbabilityMatrix, codes: Int32Array): TemperatureFit {
  const before = scaledLogLoss(proba, codes, 1);
  const beta = fitExponent(proba, codes);
  const after = scaledLogLoss(proba, codes, beta);
  const gain = gainOf(proba, codes, beta);
  if (!(gain.mean >= MIN_GAIN && gain.mean > NOISE_Z * gain.standardError)) return { temperature: 1, logLossBefore: before, logLossAfter: before };
  return { temperature: 1 / beta, logLossBefore: before, logLossAfter: after };
}
