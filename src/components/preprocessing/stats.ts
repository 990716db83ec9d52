/** Column statistics shared by the imputer and the scalers. */

/** The observed (non-NaN) values of a column, sorted ascending. */
export function sortedObserved(values: Float64Array): Float64Array {
  let count = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i]!)) count++;
  const out = new Float64Array(count);
  let k = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isNaN(v)) out[k++] = v;
  }
  return out.sort();
}

/**
 * Quantile `p` in [0, 1] of ascending values by linear interpolation between the two nearest
 * order statistics (position p·(n−1)), the usual definition for percentiles. NaN when empty.
 */
export function quantileOfSorted(sorted: Float64Array, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const position = p * (n - 1);
  const lower = Math.floor(position);
  const upper = Math.min(lower + 1, n - 1);
  const fraction = position - lower;
  const a = sorted[lower]!;
  const b = sorted[upper]!;
  // Written so that equal neighbours give exactly that value, whatever the fraction.
  return fraction === 0 || a === b ? a : a + (b - a) * fraction;
}

/** Arithmetic mean of the observed values; NaN when none. */
export function observedMean(values: Float64Array): number {
  let sum = 0;
  let count = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isNaN(v)) {
      sum += v;
      count++;
    }
  }
  return count === 0 ? NaN : sum / count;
}

/**
 * Population standard deviation of the observed values around a known mean (two-pass, so that a
 * constant column gives exactly 0 rather than a rounding residue); 0 when nothing is observed.
 */
export function observedStd(values: Float64Array, mean: number): number {
  let sum = 0;
  let count = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) continue;
    const d = v - mean;
    sum += d * d;
    count++;
  }
  return count === 0 ? 0 : Math.sqrt(sum / count);
}

/**
 * Scale to divide by, with a degenerate (zero or rounding-level) spread replaced by 1 so that a
 * constant column is only shifted, never blown up or turned into NaN.
 */
export function safeScale(spread: number): number {
  return Number.isFinite(spread) && spread > 10 * Number.EPSILON ? spread : 1;
}
