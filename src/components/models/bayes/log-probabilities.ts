/**
 * Log-space helpers for the generative classifiers (naive Bayes, discriminant analysis), which
 * score each class by log prior + log likelihood. Likelihoods of many features underflow in
 * linear space, so scores stay in logs until the final log-sum-exp normalisation.
 */
import type { ProbabilityMatrix } from '../../matrix.ts';

/**
 * log(class weight / total weight). A class absent from training gets -Infinity, so it is never
 * predicted, rather than an invented prior.
 */
export function logClassPriors(classTotals: Float64Array): Float64Array {
  let total = 0;
  for (let k = 0; k < classTotals.length; k++) total += classTotals[k]!;
  return classTotals.map((weight) => (weight > 0 ? Math.log(weight / total) : -Infinity));
}

/** Normalised exp of log priors: the fallback row for probabilitiesFromLogScores. */
export function priorProbabilities(logPriors: Float64Array): Float64Array {
  const max = logPriors.reduce((a, b) => Math.max(a, b), -Infinity);
  const weights = logPriors.map((value) => Math.exp(value - max));
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((value) => value / sum);
}

/**
 * Turns row-major log scores into probabilities in place (softmax by log-sum-exp) and wraps
 * them as a ProbabilityMatrix. A row whose scores give no finite maximum or contain NaN (every
 * class -Infinity, or an overflow for a query far outside the training data) gets `fallback`,
 * the prior probabilities, instead of NaN.
 */
export function probabilitiesFromLogScores(
  scores: Float64Array,
  nRows: number,
  nClasses: number,
  fallback: Float64Array,
): ProbabilityMatrix {
  for (let i = 0; i < nRows; i++) {
    const offset = i * nClasses;
    let max = -Infinity;
    let hasNaN = false;
    for (let k = 0; k < nClasses; k++) {
      const score = scores[offset + k]!;
      if (Number.isNaN(score)) hasNaN = true;
      else if (score > max) max = score;
    }
    if (hasNaN || !Number.isFinite(max)) {
      scores.set(fallback, offset);
      continue;
    }
    let sum = 0;
    for (let k = 0; k < nClasses; k++) {
      const weight = Math.exp(scores[offset + k]! - max);
      scores[offset + k] = weight;
      sum += weight;
    }
    for (let k = 0; k < nClasses; k++) scores[offset + k]! /= sum;
  }
  return { nRows, nClasses, data: scores };
}
