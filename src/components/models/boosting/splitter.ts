/**
 * Split search on a node's gradient histogram, and the regularised leaf value.
 *
 * With gradient sum G and hessian sum H, the best leaf value is -T(G) / (H + lambda), where T
 * soft-thresholds G by the L1 penalty alpha, and the loss it removes is proportional to
 * T(G)^2 / (H + lambda). A split's gain is what the two children remove minus what the parent
 * removes on its own.
 */
import { HISTOGRAM_STRIDE, type HistogramLayout } from './histogram.ts';

export interface SplitRules {
  readonly minSamplesLeaf: number;
  readonly minChildWeight: number;
  readonly l1: number;
  readonly l2: number;
}

/** Best split found for a node; mutable so that one object per node is reused. */
export interface SplitCandidate {
  feature: number;
  /** Rows with bin code <= bin go left. */
  bin: number;
  gain: number;
  leftGradient: number;
  leftHessian: number;
  leftCount: number;
}

/**
 * Gains this small relative to the children's scores are rounding noise (e.g. a constant
 * target gives identical gradients, where every split has gain 0 up to rounding).
 */
const RELATIVE_GAIN_FLOOR = 1e-10;

export function emptySplit(): SplitCandidate {
  return { feature: -1, bin: 0, gain: 0, leftGradient: 0, leftHessian: 0, leftCount: 0 };
}

function thresholdL1(gradient: number, l1: number): number {
  if (l1 === 0) return gradient;
  if (gradient > l1) return gradient - l1;
  if (gradient < -l1) return gradient + l1;
  return 0;
}

/** Loss reduction of a leaf, up to a constant factor. */
export function leafScore(gradient: number, hessian: number, rules: SplitRules): number {
  const denominator = hessian + rules.l2;
  if (!(denominator > 0)) return 0;
  const t = thresholdL1(gradient, rules.l1);
  return (t * t) / denominator;
}

/** Regularised Newton step of a leaf (before the learning rate). */
export function leafValue(gradient: number, hessian: number, rules: SplitRules): number {
  const denominator = hessian + rules.l2;
  if (!(denominator > 0)) return 0;
  const t = thresholdL1(gradient, rules.l1);
  return t === 0 ? 0 : -t / denominator; // never -0: it would not survive a JSON round trip
}

/**
 * Scans every listed feature's bins for the split with the largest gain that respects the
 * leaf-size rules. Writes it into `out` and returns true, or returns false if none gains.
 */
export function findBestSplit(
  histogram: Float64Array,
  layout: HistogramLayout,
  features: Int32Array,
  sumGradient: number,
  sumHessian: number,
  count: number,
  rules: SplitRules,
  out: SplitCandidate,
): boolean {
  const { minSamplesLeaf, minChildWeight, l1, l2 } = rules;
  const parentScore = leafScore(sumGradient, sumHessian, rules);
  let bestChildScores = parentScore;
  let found = false;
  for (let j = 0; j < features.length; j++) {
    const f = features[j]!;
    const nBins = layout.nBins[f]!;
    if (nBins < 2) continue;
    const base = layout.offsets[f]! * HISTOGRAM_STRIDE;
    const stop = base + (nBins - 1) * HISTOGRAM_STRIDE;
    let leftGradient = 0;
    let leftHessian = 0;
    let leftCount = 0;
    // the hot loop of split search: scores written out, the L1-free case without soft-thresholding
    for (let at = base; at < stop; at += HISTOGRAM_STRIDE) {
      const binCount = histogram[at + 2]!;
      // an empty bin repeats the previous split, which cannot be strictly better
      if (binCount === 0) continue;
      leftGradient += histogram[at]!;
      leftHessian += histogram[at + 1]!;
      leftCount += binCount;
      if (leftCount < minSamplesLeaf || leftHessian < minChildWeight) continue;
      if (count - leftCount < minSamplesLeaf) break;
      const rightHessian = sumHessian - leftHessian;
      if (rightHessian < minChildWeight) continue;
      const leftDenominator = leftHessian + l2;
      const rightDenominator = rightHessian + l2;
      if (!(leftDenominator > 0 && rightDenominator > 0)) continue;
      let tl = leftGradient;
      let tr = sumGradient - leftGradient;
      if (l1 !== 0) {
        tl = thresholdL1(tl, l1);
        tr = thresholdL1(tr, l1);
      }
      // children scores tl²/dl + tr²/dr compared as one fraction: no division in the hot loop
      const numerator = tl * tl * rightDenominator + tr * tr * leftDenominator;
      const denominator = leftDenominator * rightDenominator;
      if (numerator > bestChildScores * denominator) {
        bestChildScores = numerator / denominator;
        found = true;
        out.feature = f;
        out.bin = (at - base) / HISTOGRAM_STRIDE;
        out.leftGradient = leftGradient;
        out.leftHessian = leftHessian;
        out.leftCount = leftCount;
      }
    }
  }
  if (!found) return false;
  out.gain = bestChildScores - parentScore;
  return out.gain > RELATIVE_GAIN_FLOOR * bestChildScores;
}
