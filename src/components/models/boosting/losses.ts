/**
 * The losses boosting minimises, each giving its starting scores, the per-row gradients and
 * hessians of the current raw scores (Newton boosting), and a mean loss for early stopping.
 *
 * Raw scores are row-major with `nOutputs` values per row. Targets are Float64Array for every
 * loss: class index (0/1 for binary) for classification, the value for regression. Sample
 * weights multiply both gradients and hessians.
 */

export interface BoostingLoss {
  /** Scores per row: 1 for regression and binary, the number of classes for multiclass. */
  readonly nOutputs: number;
  /** Constant starting scores (the prior), one per output. */
  initialScores(y: Float64Array, weights: Float64Array | null): Float64Array;
  /** Writes gradient[k][row] and hessian[k][row] of the loss at `raw`. */
  gradients(raw: Float64Array, y: Float64Array, weights: Float64Array | null, gradient: Float64Array[], hessian: Float64Array[]): void;
  /** Weighted mean loss of `raw` against `y`. */
  meanLoss(raw: Float64Array, y: Float64Array, weights: Float64Array | null): number;
}

/** Priors are kept away from 0 and 1 so that their log-odds stay finite. */
const PROBABILITY_CLIP = 1e-12;

export const squaredError: BoostingLoss = {
  nOutputs: 1,
  initialScores(y, weights) {
    let sum = 0;
    let total = 0;
    for (let i = 0; i < y.length; i++) {
      const w = weights === null ? 1 : weights[i]!;
      sum += w * y[i]!;
      total += w;
    }
    return Float64Array.of(total > 0 ? sum / total : 0);
  },
  gradients(raw, y, weights, gradient, hessian) {
    const g = gradient[0]!;
    const h = hessian[0]!;
    if (weights === null) {
      for (let i = 0; i < y.length; i++) g[i] = raw[i]! - y[i]!;
      h.fill(1, 0, y.length);
    } else {
      for (let i = 0; i < y.length; i++) {
        const w = weights[i]!;
        g[i] = w * (raw[i]! - y[i]!);
        h[i] = w;
      }
    }
  },
  meanLoss(raw, y, weights) {
    let sum = 0;
    let total = 0;
    for (let i = 0; i < y.length; i++) {
      const w = weights === null ? 1 : weights[i]!;
      const d = raw[i]! - y[i]!;
      sum += w * d * d;
      total += w;
    }
    return total > 0 ? sum / total : 0;
  },
};

export const binaryLogLoss: BoostingLoss = {
  nOutputs: 1,
  initialScores(y, weights) {
    const p = clip(classPriors(y, weights, 2)[1]!);
    return Float64Array.of(Math.log(p / (1 - p)));
  },
  gradients(raw, y, weights, gradient, hessian) {
    const g = gradient[0]!;
    const h = hessian[0]!;
    for (let i = 0; i < y.length; i++) {
      const p = sigmoid(raw[i]!);
      const w = weights === null ? 1 : weights[i]!;
      g[i] = w * (p - y[i]!);
      h[i] = w * p * (1 - p);
    }
  },
  meanLoss(raw, y, weights) {
    let sum = 0;
    let total = 0;
    for (let i = 0; i < y.length; i++) {
      const w = weights === null ? 1 : weights[i]!;
      const r = raw[i]!;
      // log(1 + e^r) - y r, written to stay finite for large |r|
      sum += w * ((r > 0 ? r + Math.log1p(Math.exp(-r)) : Math.log1p(Math.exp(r))) - y[i]! * r);
      total += w;
    }
    return total > 0 ? sum / total : 0;
  },
};

/** Softmax cross-entropy with one score (and one tree per round) per class. */
export function multinomialLogLoss(nClasses: number): BoostingLoss {
  const probabilities = new Float64Array(nClasses);
  return {
    nOutputs: nClasses,
    initialScores(y, weights) {
      const priors = classPriors(y, weights, nClasses);
      const out = new Float64Array(nClasses);
      for (let k = 0; k < nClasses; k++) out[k] = Math.log(clip(priors[k]!));
      return out;
    },
    gradients(raw, y, weights, gradient, hessian) {
      for (let i = 0; i < y.length; i++) {
        softmaxInto(raw, i * nClasses, nClasses, probabilities);
        const w = weights === null ? 1 : weights[i]!;
        const label = y[i]!;
        for (let k = 0; k < nClasses; k++) {
          const p = probabilities[k]!;
          gradient[k]![i] = w * (p - (label === k ? 1 : 0));
          hessian[k]![i] = w * p * (1 - p);
        }
      }
    },
    meanLoss(raw, y, weights) {
      let sum = 0;
      let total = 0;
      for (let i = 0; i < y.length; i++) {
        const w = weights === null ? 1 : weights[i]!;
        const base = i * nClasses;
        let max = -Infinity;
        for (let k = 0; k < nClasses; k++) max = Math.max(max, raw[base + k]!);
        let expSum = 0;
        for (let k = 0; k < nClasses; k++) expSum += Math.exp(raw[base + k]! - max);
        sum += w * (max + Math.log(expSum) - raw[base + y[i]!]!);
        total += w;
      }
      return total > 0 ? sum / total : 0;
    },
  };
}

/** Weighted share of each class. */
export function classPriors(y: Float64Array, weights: Float64Array | null, nClasses: number): Float64Array {
  const priors = new Float64Array(nClasses);
  let total = 0;
  for (let i = 0; i < y.length; i++) {
    const w = weights === null ? 1 : weights[i]!;
    priors[y[i]!] += w;
    total += w;
  }
  if (total > 0) for (let k = 0; k < nClasses; k++) priors[k] /= total;
  return priors;
}

export function sigmoid(r: number): number {
  return 1 / (1 + Math.exp(-r));
}

/** Softmax of raw[offset .. offset+n) into out[0 .. n). */
export function softmaxInto(raw: Float64Array, offset: number, n: number, out: Float64Array, outOffset = 0): void {
  let max = -Infinity;
  for (let k = 0; k < n; k++) max = Math.max(max, raw[offset + k]!);
  let sum = 0;
  for (let k = 0; k < n; k++) {
    const e = Math.exp(raw[offset + k]! - max);
    out[outOffset + k] = e;
    sum += e;
  }
  for (let k = 0; k < n; k++) out[outOffset + k] /= sum;
}

function clip(p: number): number {
  return Math.min(1 - PROBABILITY_CLIP, Math.max(PROBABILITY_CLIP, p));
}
