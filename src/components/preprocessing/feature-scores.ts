/**
 * Univariate relevance scores of each feature against the target, for feature selection.
 * Higher is more relevant; a feature that carries no usable information (constant, or a
 * degenerate sample) scores 0, and a perfectly separating one +Infinity.
 */
import type { FeatureMatrix } from '../matrix.ts';
import { quantileOfSorted } from './stats.ts';

/** One-way ANOVA F statistic of each feature across the classes. */
export function fClassif(x: FeatureMatrix, codes: Int32Array, nClasses: number): Float64Array {
  const n = x.nRows;
  const counts = new Float64Array(nClasses);
  for (let i = 0; i < n; i++) counts[codes[i]!]!++;
  const present = counts.reduce((k, count) => (count > 0 ? k + 1 : k), 0);
  const betweenDf = present - 1;
  const withinDf = n - present;
  const sums = new Float64Array(nClasses);
  return Float64Array.from(x.columns, (column) => {
    if (betweenDf < 1 || withinDf < 1 || isConstant(column)) return 0;
    sums.fill(0);
    let total = 0;
    for (let i = 0; i < n; i++) {
      sums[codes[i]!]! += column[i]!;
      total += column[i]!;
    }
    const mean = total / n;
    let between = 0;
    for (let c = 0; c < nClasses; c++) {
      if (counts[c]! > 0) between += counts[c]! * (sums[c]! / counts[c]! - mean) ** 2;
    }
    let within = 0;
    for (let i = 0; i < n; i++) within += (column[i]! - sums[codes[i]!]! / counts[codes[i]!]!) ** 2;
    return ratioScore(between / betweenDf, within / withinDf);
  });
}

/** F statistic of the univariate linear regression of the target on each feature. */
export function fRegression(x: FeatureMatrix, y: Float64Array): Float64Array {
  const n = x.nRows;
  let yMean = 0;
  for (let i = 0; i < n; i++) yMean += y[i]!;
  yMean /= n;
  let ySquares = 0;
  for (let i = 0; i < n; i++) ySquares += (y[i]! - yMean) ** 2;
  const constantTarget = isConstant(y);
  return Float64Array.from(x.columns, (column) => {
    if (n < 3 || constantTarget || isConstant(column)) return 0;
    let mean = 0;
    for (let i = 0; i < n; i++) mean += column[i]!;
    mean /= n;
    let cross = 0;
    let squares = 0;
    for (let i = 0; i < n; i++) {
      const d = column[i]! - mean;
      cross += d * (y[i]! - yMean);
      squares += d * d;
    }
    if (squares === 0) return 0;
    const r2 = Math.min((cross * cross) / (squares * ySquares), 1);
    return ratioScore(r2 * (n - 2), 1 - r2);
  });
}

/**
 * χ² statistic of each (non-negative) feature against the classes: the feature's total mass per
 * class compared with what the class frequencies predict. Negative values are clipped to 0.
 */
export function chi2(x: FeatureMatrix, codes: Int32Array, nClasses: number): Float64Array {
  const n = x.nRows;
  const counts = new Float64Array(nClasses);
  for (let i = 0; i < n; i++) counts[codes[i]!]!++;
  const observed = new Float64Array(nClasses);
  return Float64Array.from(x.columns, (column) => {
    observed.fill(0);
    let total = 0;
    for (let i = 0; i < n; i++) {
      const v = Math.max(column[i]!, 0);
      observed[codes[i]!]! += v;
      total += v;
    }
    let score = 0;
    for (let c = 0; c < nClasses; c++) {
      const expected = (total * counts[c]!) / n;
      if (expected > 0) score += (observed[c]! - expected) ** 2 / expected;
    }
    return Number.isFinite(score) ? score : 0;
  });
}

/**
 * Mutual information (nats) between each feature and the target, estimated from a contingency
 * table after equal-frequency binning of the feature (and of a regression target). A coarse but
 * fast estimate, adequate for ranking features.
 */
export function mutualInfo(x: FeatureMatrix, target: { codes: Int32Array; nClasses: number } | Float64Array): Float64Array {
  const n = x.nRows;
  const binCount = Math.min(10, Math.max(2, Math.floor(n / 20)));
  const targetBins = target instanceof Float64Array ? quantileBins(target, binCount) : { bins: target.codes, count: target.nClasses };
  return Float64Array.from(x.columns, (column) => {
    const featureBins = quantileBins(column, binCount);
    const joint = new Float64Array(featureBins.count * targetBins.count);
    const featureMarginal = new Float64Array(featureBins.count);
    const targetMarginal = new Float64Array(targetBins.count);
    for (let i = 0; i < n; i++) {
      const a = featureBins.bins[i]!;
      const b = targetBins.bins[i]!;
      joint[a * targetBins.count + b]!++;
      featureMarginal[a]!++;
      targetMarginal[b]!++;
    }
    let information = 0;
    for (let a = 0; a < featureBins.count; a++) {
      for (let b = 0; b < targetBins.count; b++) {
        const count = joint[a * targetBins.count + b]!;
        if (count > 0) information += (count / n) * Math.log((count * n) / (featureMarginal[a]! * targetMarginal[b]!));
      }
    }
    return Math.max(information, 0);
  });
}

/** Bin index of each value, cutting at the training quantiles (tied values share a bin). */
function quantileBins(values: Float64Array, binCount: number): { bins: Int32Array; count: number } {
  const sorted = values.slice().sort();
  const cuts: number[] = [];
  for (let b = 1; b < binCount; b++) {
    const cut = quantileOfSorted(sorted, b / binCount);
    if (cuts.length === 0 || cut > cuts[cuts.length - 1]!) cuts.push(cut);
  }
  const bins = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    let bin = 0;
    while (bin < cuts.length && values[i]! > cuts[bin]!) bin++;
    bins[i] = bin;
  }
  return { bins, count: cuts.length + 1 };
}

/**
 * Exactly constant columns are caught up front: their means carry rounding residue, which would
 * otherwise turn 0/0 into an arbitrary ratio of tiny numbers.
 */
function isConstant(column: Float64Array): boolean {
  for (let i = 1; i < column.length; i++) if (column[i] !== column[0]) return false;
  return true;
}

/** numerator / denominator with 0/0 → 0 and positive/0 → +Infinity. */
function ratioScore(numerator: number, denominator: number): number {
  if (denominator > 0) return numerator / denominator;
  return numerator > 0 ? Infinity : 0;
}
