/**
 * Quantile transformation: each feature mapped through its training empirical CDF (interpolated
 * between `n_quantiles` evenly spaced quantiles) to a uniform [0, 1] value, optionally pushed
 * through the normal quantile function. Monotone, robust to outliers, and values beyond the
 * training range saturate at the ends. Missing values (NaN) are ignored when fitting and pass through.
 */
import type { FeatureMatrix } from '../matrix.ts';
import type { FitTarget, MatrixTransformer, SavedTransformer } from '../transformer.ts';
import { encodeFloats } from '../../util/json.ts';
import { FieldReader } from './fields.ts';
import { checkMatrix, checkNotEmpty, notFitted } from './guards.ts';
import { normalQuantile } from './normal-quantile.ts';
import { quantileOfSorted, sortedObserved } from './stats.ts';

export const QUANTILE_TRANSFORMER_TYPE = 'quantile_transformer';

export const QUANTILE_OUTPUTS = ['uniform', 'normal'] as const;
export type QuantileOutput = (typeof QUANTILE_OUTPUTS)[number];

export type QuantileTransformerParams = {
  /** Number of reference quantiles (capped at the number of observed training values). */
  readonly n_quantiles: number;
  readonly output_distribution: QuantileOutput;
};

export const QUANTILE_TRANSFORMER_DEFAULTS: QuantileTransformerParams = { n_quantiles: 1000, output_distribution: 'uniform' };

/** Uniform values are clipped this far inside (0, 1) before the normal quantile, keeping it finite. */
const NORMAL_CLIP = 1e-7;

function readParams(reader: FieldReader): QuantileTransformerParams {
  return {
    n_quantiles: reader.number('n_quantiles', { integer: true, min: 2, max: 100_000 }),
    output_distribution: reader.choice('output_distribution', QUANTILE_OUTPUTS),
  };
}

export class QuantileTransformer implements MatrixTransformer {
  readonly stage = 'matrix';
  readonly params: QuantileTransformerParams;
  /** Per feature: non-decreasing training quantiles at levels k / (K − 1), k = 0..K−1. */
  private quantiles: Float64Array[] | undefined;

  constructor(params: Partial<QuantileTransformerParams> = {}) {
    this.params = readParams(FieldReader.ofParams(QUANTILE_TRANSFORMER_TYPE, QUANTILE_TRANSFORMER_DEFAULTS, params));
  }

  fit(x: FeatureMatrix, _target?: FitTarget): void {
    checkNotEmpty(QUANTILE_TRANSFORMER_TYPE, x.nRows);
    checkMatrix(QUANTILE_TRANSFORMER_TYPE, x);
    this.quantiles = x.columns.map((column) => {
      const sorted = sortedObserved(column);
      if (sorted.length === 0) return new Float64Array(2);
      const count = Math.max(2, Math.min(this.params.n_quantiles, sorted.length));
      const levels = new Float64Array(count);
      for (let k = 0; k < count; k++) {
        // Running maximum: interpolation rounding must never make the quantiles decrease.
        levels[k] = Math.max(quantileOfSorted(sorted, k / (count - 1)), k > 0 ? levels[k - 1]! : -Infinity);
      }
      return levels;
    });
  }

  transform(x: FeatureMatrix): FeatureMatrix {
    const quantiles = this.quantiles ?? notFitted(QUANTILE_TRANSFORMER_TYPE);
    checkMatrix(QUANTILE_TRANSFORMER_TYPE, x, quantiles.length);
    const normal = this.params.output_distribution === 'normal';
    const columns = x.columns.map((column, j) => {
      const levels = quantiles[j]!;
      const out = new Float64Array(column.length);
      for (let i = 0; i < out.length; i++) {
        const u = empiricalCdf(levels, column[i]!);
        out[i] = normal && !Number.isNaN(u) ? normalQuantile(Math.min(Math.max(u, NORMAL_CLIP), 1 - NORMAL_CLIP)) : u;
      }
      return out;
    });
    return { nRows: x.nRows, columns };
  }

  toJSON(): SavedTransformer {
    const quantiles = this.quantiles ?? notFitted(QUANTILE_TRANSFORMER_TYPE);
    return {
      type: QUANTILE_TRANSFORMER_TYPE,
      state: { params: { ...this.params }, quantiles: quantiles.map((levels) => encodeFloats(levels)) },
    };
  }

  static fromJSON(state: unknown): QuantileTransformer {
    const reader: FieldReader = FieldReader.ofState(QUANTILE_TRANSFORMER_TYPE, state);
    const step = new QuantileTransformer(readParams(reader.child('params')));
    const quantiles = reader.finiteFloatLists('quantiles');
    quantiles.forEach((levels, j) => {
      if (levels.length < 2 || levels.some((v, k) => k > 0 && v < levels[k - 1]!)) {
        reader.fail(`quantiles of feature ${j} must be at least two non-decreasing numbers`);
      }
    });
    step.quantiles = quantiles;
    return step;
  }
}

/**
 * Interpolated CDF value of `value` given quantiles at evenly spaced levels. Runs of equal
 * quantiles (ties in the training data) map to the middle of their level range, which is the
 * average of interpolating from below and from above.
 */
function empiricalCdf(levels: Float64Array, value: number): number {
  if (Number.isNaN(value)) return NaN;
  const last = levels.length - 1;
  if (value < levels[0]!) return 0;
  if (value > levels[last]!) return 1;
  const firstNotBelow = lowerBound(levels, value);
  const firstAbove = upperBound(levels, value);
  const fromBelow =
    firstAbove > last
      ? 1
      : (firstAbove - 1 + (value - levels[firstAbove - 1]!) / (levels[firstAbove]! - levels[firstAbove - 1]!)) / last;
  const fromAbove =
    levels[firstNotBelow] === value
      ? firstNotBelow / last
      : (firstNotBelow - (levels[firstNotBelow]! - value) / (levels[firstNotBelow]! - levels[firstNotBelow - 1]!)) / last;
  return 0.5 * (fromBelow + fromAbove);
}

/** First index whose value is >= target. */
function lowerBound(sorted: Float64Array, target: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]! < target) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** First index whose value is > target. */
function upperBound(sorted: Float64Array, target: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]! <= target) low = mid + 1;
    else high = mid;
  }
  return low;
}
