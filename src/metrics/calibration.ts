/**
 * How well class probabilities match observed frequencies: the Brier score, reliability bins and
 * the expected calibration error (ECE). Pure functions over class codes and row-major
 * probabilities; weights default to 1 per row.
 */
import { argmaxRows, type ProbabilityMatrix } from '../components/matrix.ts';

/** Equal-width bins over [0, 1] for the ECE and the reliability diagram (as in Guo et al., 2017). */
export const CALIBRATION_BINS = 15;

function weightAt(weights: Float64Array | undefined, i: number): number {
  return weights === undefined ? 1 : weights[i]!;
}

/**
 * Multiclass Brier score: the mean over rows of Σ_k (p_k − 1[y = k])², between 0 (certain and
 * right) and 2 (certain and wrong). On two classes this is twice the one-column form
 * (p₁ − y)² that scikit-learn's brier_score_loss reports.
 */
export function brierScore(yTrue: Int32Array, proba: ProbabilityMatrix, weights?: Float64Array): number {
  const { nClasses, data } = proba;
  let sum = 0;
  let total = 0;
  for (let i = 0; i < yTrue.length; i++) {
    let rowSum = 0;
    for (let k = 0; k < nClasses; k++) {
      const diff = data[i * nClasses + k]! - (yTrue[i] === k ? 1 : 0);
      rowSum += diff * diff;
    }
    const w = weightAt(weights, i);
    sum += w * rowSum;
    total += w;
  }
  return total > 0 ? sum / total : 0;
}

/** One non-empty bin of predicted probabilities: their mean and how often the event happened. */
export interface ReliabilityBin {
  /** Bin edges [lower, upper); the last bin also holds 1. */
  readonly lower: number;
  readonly upper: number;
  /** Rows (total weight) in the bin. */
  readonly count: number;
  readonly meanPredicted: number;
  readonly observed: number;
}

/**
 * Groups rows by their predicted probability of an event into `nBins` equal-width bins over
 * [0, 1] and compares, per bin, the mean prediction with the observed frequency of the event
 * (`happened[i]` is 1 or 0). Empty bins are left out. Non-finite predictions are skipped.
 */
export function reliabilityBins(
  predicted: Float64Array,
  happened: Uint8Array,
  nBins: number = CALIBRATION_BINS,
  weights?: Float64Array,
): ReliabilityBin[] {
  const count = new Float64Array(nBins);
  const predictedSum = new Float64Array(nBins);
  const eventSum = new Float64Array(nBins);
  for (let i = 0; i < predicted.length; i++) {
    const p = predicted[i]!;
    if (!Number.isFinite(p)) continue;
    const bin = Math.min(nBins - 1, Math.max(0, Math.floor(p * nBins)));
    const w = weightAt(weights, i);
    count[bin]! += w;
    predictedSum[bin]! += w * p;
    eventSum[bin]! += w * happened[i]!;
  }
  const bins: ReliabilityBin[] = [];
  for (let b = 0; b < nBins; b++) {
    if (!(count[b]! > 0)) continue;
    bins.push({ lower: b / nBins, upper: (b + 1) / nBins, count: count[b]!, meanPredicted: predictedSum[b]! / count[b]!, observed: eventSum[b]! / count[b]! });
  }
  return bins;
}

/** Top-label view: each row's largest probability, and whether that class was the true one. */
export function topLabelReliability(yTrue: Int32Array, proba: ProbabilityMatrix, nBins: number = CALIBRATION_BINS, weights?: Float64Array): ReliabilityBin[] {
  const { nRows, nClasses, data } = proba;
  const predictedClass = argmaxRows(proba);
  const confidence = new Float64Array(nRows);
  const correct = new Uint8Array(nRows);
  for (let i = 0; i < nRows; i++) {
    confidence[i] = data[i * nClasses + predictedClass[i]!]!;
    correct[i] = predictedClass[i] === yTrue[i] ? 1 : 0;
  }
  return reliabilityBins(confidence, correct, nBins, weights);
}

/** One class's view: its predicted probability, and whether the row belongs to it. */
export function classReliability(yTrue: Int32Array, proba: ProbabilityMatrix, k: number, nBins: number = CALIBRATION_BINS, weights?: Float64Array): ReliabilityBin[] {
  const { nRows, nClasses, data } = proba;
  const predicted = new Float64Array(nRows);
  const isClass = new Uint8Array(nRows);
  for (let i = 0; i < nRows; i++) {
    predicted[i] = data[i * nClasses + k]!;
    isClass[i] = yTrue[i] === k ? 1 : 0;
  }
  return reliabilityBins(predicted, isClass, nBins, weights);
}

/** Σ over bins of (bin weight / total weight) · |observed − mean predicted|. */
export function calibrationGap(bins: readonly ReliabilityBin[]): number {
  const total = bins.reduce((sum, bin) => sum + bin.count, 0);
  if (!(total > 0)) return 0;
  return bins.reduce((sum, bin) => sum + (bin.count / total) * Math.abs(bin.observed - bin.meanPredicted), 0);
}

/**
 * Top-label expected calibration error: how far, on average over rows, the confidence of the
 * predicted class is from the accuracy of the rows with that confidence (equal-width bins).
 */
export function expectedCalibrationError(yTrue: Int32Array, proba: ProbabilityMatrix, nBins: number = CALIBRATION_BINS, weights?: Float64Array): number {
  return calibrationGap(topLabelReliability(yTrue, proba, nBins, weights));
}

/** The calibration metrics `evaluate` and the bench report beside the task's scorers. */
export function calibrationMetrics(yTrue: Int32Array, proba: ProbabilityMatrix): { brier: number; ece: number } {
  return { brier: brierScore(yTrue, proba), ece: expectedCalibrationError(yTrue, proba) };
}
