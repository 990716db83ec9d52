/**
 * Classification metrics on class codes and row-major probabilities. Pure functions over typed
 * arrays; weights default to 1 per row.
 */
import type { ProbabilityMatrix } from '../components/matrix.ts';

/** Probabilities are clipped here before the logarithm so one confident mistake stays finite. */
const LOG_LOSS_EPSILON = 1e-15;

function weightAt(weights: Float64Array | undefined, i: number): number {
  return weights === undefined ? 1 : weights[i]!;
}

export function accuracy(yTrue: Int32Array, yPred: Int32Array, weights?: Float64Array): number {
  let hit = 0;
  let total = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const w = weightAt(weights, i);
    total += w;
    if (yTrue[i] === yPred[i]) hit += w;
  }
  return total > 0 ? hit / total : 0;
}

/** Mean of per-class recall over the classes present in yTrue. */
export function balancedAccuracy(yTrue: Int32Array, yPred: Int32Array, nClasses: number, weights?: Float64Array): number {
  const support = new Float64Array(nClasses);
  const correct = new Float64Array(nClasses);
  for (let i = 0; i < yTrue.length; i++) {
    const w = weightAt(weights, i);
    const k = yTrue[i]!;
    support[k]! += w;
    if (yPred[i] === k) correct[k]! += w;
  }
  let sum = 0;
  let present = 0;
  for (let k = 0; k < nClasses; k++) {
    if (support[k]! > 0) {
      sum += correct[k]! / support[k]!;
      present++;
    }
  }
  return present > 0 ? sum / present : 0;
}

/** Mean negative log-likelihood of the true class (natural log), probabilities clipped. */
export function logLoss(yTrue: Int32Array, proba: ProbabilityMatrix, weights?: Float64Array): number {
  const { nClasses, data } = proba;
  let sum = 0;
  let total = 0;
  for (let i = 0; i < yTrue.length; i++) {
    // Renormalise after clipping, as a row may hold exact zeros.
    let rowSum = 0;
    for (let k = 0; k < nClasses; k++) rowSum += Math.min(Math.max(data[i * nClasses + k]!, LOG_LOSS_EPSILON), 1 - LOG_LOSS_EPSILON);
    const p = Math.min(Math.max(data[i * nClasses + yTrue[i]!]!, LOG_LOSS_EPSILON), 1 - LOG_LOSS_EPSILON) / rowSum;
    const w = weightAt(weights, i);
    sum -= w * Math.log(p);
    total += w;
  }
  return total > 0 ? sum / total : 0;
}

/**
 * Area under the ROC curve of scores for the positive rows, by the rank statistic with ties
 * counted half (equal to the trapezoidal area). Weighted: each pair counts w_pos · w_neg.
 */
export function binaryRocAuc(positive: Uint8Array, scores: Float64Array, weights?: Float64Array): number {
  const n = scores.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  let negativeWeightBelow = 0;
  let area = 0;
  let totalPositive = 0;
  let totalNegative = 0;
  let i = 0;
  while (i < n) {
    // A block of tied scores: positives in it beat all negatives below and half of the tied ones.
    let j = i;
    let blockPositive = 0;
    let blockNegative = 0;
    // `j === i` always takes the block's first row: a NaN score equals nothing, not even itself,
    // and would otherwise stop the scan from advancing.
    while (j < n && (j === i || scores[order[j]!] === scores[order[i]!])) {
      const row = order[j]!;
      const w = weightAt(weights, row);
      if (positive[row] === 1) blockPositive += w;
      else blockNegative += w;
      j++;
    }
    area += blockPositive * (negativeWeightBelow + blockNegative / 2);
    negativeWeightBelow += blockNegative;
    totalPositive += blockPositive;
    totalNegative += blockNegative;
    i = j;
  }
  if (totalPositive === 0 || totalNegative === 0) return NaN;
  return area / (totalPositive * totalNegative);
}

/** Binary: AUC of the positive class (code 1). Multiclass: unweighted mean of one-vs-rest AUCs. */
export function rocAuc(yTrue: Int32Array, proba: ProbabilityMatrix, weights?: Float64Array): number {
  const { nRows, nClasses, data } = proba;
  const classes = nClasses === 2 ? [1] : Array.from({ length: nClasses }, (_, k) => k);
  let sum = 0;
  let counted = 0;
  const positive = new Uint8Array(nRows);
  const scores = new Float64Array(nRows);
  for (const k of classes) {
    for (let i = 0; i < nRows; i++) {
      positive[i] = yTrue[i] === k ? 1 : 0;
      scores[i] = data[i * nClasses + k]!;
    }
    const auc = binaryRocAuc(positive, scores, weights);
    if (!Number.isNaN(auc)) {
      sum += auc;
      counted++;
    }
  }
  return counted > 0 ? sum / counted : NaN;
}
