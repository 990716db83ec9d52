/**
 * Isotonic regression of class indicators on predicted probabilities (pool-adjacent-violators):
 * the non-decreasing map of p_k that fits the rows' outcomes best in squared error, which is also
 * the best monotone map in log loss. Binary tasks fit one map on p1; multiclass fits one per class
 * (one-vs-rest) and renormalises each row.
 *
 * It can bend probabilities any monotone way, so it needs many rows not to fit their noise: it is
 * only offered from ISOTONIC_MIN_ROWS validation rows. Multiclass renormalisation and flat steps
 * can reorder classes within a row, so unlike a temperature it may change the predicted label.
 */
import type { ProbabilityMatrix } from '../../components/matrix.ts';
import { floorProbabilities, PROBABILITY_FLOOR } from '../../export/combine.ts';
import type { Calibrator, CalibratorFitter, IsotonicCurve } from './types.ts';

/**
 * Fewest validation rows isotonic regression is offered for. Each curve has a step per pooled
 * block; with fewer rows the steps follow a handful of rows each and, judged on the other half,
 * they lost to a temperature on the benchmark's small sets (see README, "Calibrated probabilities").
 */
export const ISOTONIC_MIN_ROWS = 1000;

/** Pooled blocks of (x ascending, 0/1 outcome) pairs: each block's x range and mean outcome. */
export function poolAdjacentViolators(x: Float64Array, y: Float64Array): IsotonicCurve {
  const order = Array.from(x.keys()).sort((i, j) => x[i]! - x[j]!);
  const low: number[] = [];
  const high: number[] = [];
  const sum: number[] = [];
  const count: number[] = [];
  for (const i of order) {
    if (sum.length > 0 && x[i]! === high.at(-1)!) {
      // Equal predictions must get one value: a tie joins the block it continues.
      sum[sum.length - 1]! += y[i]!;
      count[count.length - 1]! += 1;
    } else {
      low.push(x[i]!);
      high.push(x[i]!);
      sum.push(y[i]!);
      count.push(1);
    }
    // Merge while the last block's mean falls below the one before it.
    while (sum.length > 1 && sum.at(-1)! / count.at(-1)! <= sum.at(-2)! / count.at(-2)!) {
      const n = sum.length;
      sum[n - 2]! += sum[n - 1]!;
      count[n - 2]! += count[n - 1]!;
      high[n - 2] = high[n - 1]!;
      sum.pop();
      count.pop();
      low.pop();
      high.pop();
    }
  }
  const knotsX: number[] = [];
  const knotsY: number[] = [];
  for (let blockIndex = 0; blockIndex < sum.length; blockIndex++) {
    const value = Math.min(Math.max(sum[blockIndex]! / count[blockIndex]!, PROBABILITY_FLOOR), 1 - PROBABILITY_FLOOR);
    knotsX.push(low[blockIndex]!);
    knotsY.push(value);
    if (high[blockIndex]! > low[blockIndex]!) {
      knotsX.push(high[blockIndex]!);
      knotsY.push(value);
    }
  }
  return { x: knotsX, y: knotsY };
}

/** The curve at p: flat beyond the end knots, linear between neighbouring knots. */
export function curveAt(curve: IsotonicCurve, p: number): number {
  const { x, y } = curve;
  if (p <= x[0]!) return y[0]!;
  if (p >= x[x.length - 1]!) return y[y.length - 1]!;
  let lo = 0;
  let hi = x.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (x[mid]! <= p) lo = mid;
    else hi = mid;
  }
  const span = x[hi]! - x[lo]!;
  return span > 0 ? y[lo]! + ((p - x[lo]!) / span) * (y[hi]! - y[lo]!) : y[hi]!;
}

export function isotonicCalibrator(curves: readonly IsotonicCurve[]): Calibrator {
  return {
    method: 'isotonic',
    apply(proba: ProbabilityMatrix): void {
      const { nRows, nClasses, data } = proba;
      for (let i = 0; i < nRows; i++) {
        const at = i * nClasses;
        if (curves.length === 1) {
          const p1 = curveAt(curves[0]!, data[at + nClasses - 1]!);
          data[at] = 1 - p1;
          data[at + 1] = p1;
          continue;
        }
        let sum = 0;
        for (let k = 0; k < nClasses; k++) {
          data[at + k] = Math.max(curveAt(curves[k]!, data[at + k]!), PROBABILITY_FLOOR);
          sum += data[at + k]!;
        }
        for (let k = 0; k < nClasses; k++) data[at + k]! /= sum;
      }
      floorProbabilities(proba);
    },
    toJSON: () => ({ method: 'isotonic', curves: curves.map((c) => ({ x: [...c.x], y: [...c.y] })) }),
    describe: () => `${curves.length} curve(s), ${curves.reduce((n, c) => n + c.x.length, 0)} knots`,
  };
}

export const isotonicFitter: CalibratorFitter = {
  method: 'isotonic',
  applicable: (nRows) => nRows >= ISOTONIC_MIN_ROWS,
  fit(proba, codes) {
    const { nRows, nClasses, data } = proba;
    const classes = nClasses === 2 ? [1] : Array.from({ length: nClasses }, (_, k) => k);
    const curves = classes.map((k) =>
      poolAdjacentViolators(
        Float64Array.from({ length: nRows }, (_, i) => data[i * nClasses + k]!),
        Float64Array.from(codes, (code) => (code === k ? 1 : 0)),
      ),
    );
    return isotonicCalibrator(curves);
  },
};
