/**
 * Shape statistics of one numeric sample, missing values (NaN) left out. Population (biased)
 * moments: skewness m3 / m2^1.5 and excess kurtosis m4 / m2² − 3, so a normal sample gives about
 * 0 for both. A constant or empty sample has no shape: both are 0 rather than NaN, so that such a
 * column neither breaks nor dominates the summary over columns.
 */
export interface Shape {
  readonly skewness: number;
  readonly kurtosis: number;
}

export function shapeOf(values: ArrayLike<number>): Shape {
  let n = 0;
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) continue;
    n++;
    sum += v;
  }
  if (n === 0) return { skewness: 0, kurtosis: 0 };
  const mean = sum / n;
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) continue;
    const d = v - mean;
    const d2 = d * d;
    m2 += d2;
    m3 += d2 * d;
    m4 += d2 * d2;
  }
  m2 /= n;
  m3 /= n;
  m4 /= n;
  // Relative threshold: a column whose spread is rounding noise around its mean is constant.
  if (!(m2 > 1e-24 * Math.max(1, mean * mean))) return { skewness: 0, kurtosis: 0 };
  return { skewness: m3 / m2 ** 1.5, kurtosis: m4 / (m2 * m2) - 3 };
}

/** min, max, mean and population standard deviation; all 0 for an empty list. */
export function summarise(values: readonly number[]): { min: number; max: number; mean: number; std: number } {
  if (values.length === 0) return { min: 0, max: 0, mean: 0, std: 0 };
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
    sum += v;
  }
  const mean = sum / values.length;
  let squares = 0;
  for (const v of values) squares += (v - mean) * (v - mean);
  return { min, max, mean, std: Math.sqrt(squares / values.length) };
}
