/**
 * Yeo–Johnson power transformation: each feature mapped through ψ(x, λ), with λ chosen by
 * maximum likelihood on the training rows so the result is as close to normal as a power map
 * allows, then standardised to mean 0 and standard deviation 1 on the training rows. Unlike
 * Box–Cox it accepts zero and negative values. Missing values (NaN) are ignored and pass through.
 */
import type { FeatureMatrix } from '../matrix.ts';
import type { FitTarget, MatrixTransformer, SavedTransformer } from '../transformer.ts';
import { encodeFloats } from '../../util/json.ts';
import { FieldReader } from './fields.ts';
import { checkMatrix, checkNotEmpty, notFitted } from './guards.ts';
import { observedMean, observedStd, safeScale } from './stats.ts';

export const POWER_TRANSFORMER_TYPE = 'power_transformer';

export type PowerTransformerParams = {
  /** Standardise after the power map (mean 0, std 1 on the training rows). */
  readonly standardize: boolean;
};

export const POWER_TRANSFORMER_DEFAULTS: PowerTransformerParams = { standardize: true };

/** λ is searched in this interval: wide enough for real skew, narrow enough to keep ψ finite. */
const LAMBDA_MIN = -5;
const LAMBDA_MAX = 5;
const GRID_STEP = 0.25;
const LAMBDA_TOLERANCE = 1e-6;

function readParams(reader: FieldReader): PowerTransformerParams {
  return { standardize: reader.boolean('standardize') };
}

interface PowerFit {
  readonly lambdas: Float64Array;
  readonly offsets: Float64Array;
  readonly scales: Float64Array;
}

export class PowerTransformer implements MatrixTransformer {
  readonly stage = 'matrix';
  readonly params: PowerTransformerParams;
  private fitted: PowerFit | undefined;

  constructor(params: Partial<PowerTransformerParams> = {}) {
    this.params = readParams(FieldReader.ofParams(POWER_TRANSFORMER_TYPE, POWER_TRANSFORMER_DEFAULTS, params));
  }

  /** The fitted λ of each feature. */
  get lambdas(): Float64Array {
    return (this.fitted ?? notFitted(POWER_TRANSFORMER_TYPE)).lambdas.slice();
  }

  fit(x: FeatureMatrix, _target?: FitTarget): void {
    checkNotEmpty(POWER_TRANSFORMER_TYPE, x.nRows);
    checkMatrix(POWER_TRANSFORMER_TYPE, x);
    const width = x.columns.length;
    const fitted: PowerFit = { lambdas: new Float64Array(width), offsets: new Float64Array(width), scales: new Float64Array(width) };
    x.columns.forEach((column, j) => {
      const observed = column.filter((v) => !Number.isNaN(v));
      const lambda = fitLambda(observed);
      const mapped = observed.map((v) => yeoJohnson(v, lambda));
      const mean = observedMean(mapped);
      const standardize = this.params.standardize && Number.isFinite(mean);
      fitted.lambdas[j] = lambda;
      fitted.offsets[j] = standardize ? mean : 0;
      fitted.scales[j] = standardize ? safeScale(observedStd(mapped, mean)) : 1;
    });
    this.fitted = fitted;
  }

  transform(x: FeatureMatrix): FeatureMatrix {
    const { lambdas, offsets, scales } = this.fitted ?? notFitted(POWER_TRANSFORMER_TYPE);
    checkMatrix(POWER_TRANSFORMER_TYPE, x, lambdas.length);
    const columns = x.columns.map((column, j) => {
      const lambda = lambdas[j]!;
      const offset = offsets[j]!;
      const scale = scales[j]!;
      const out = new Float64Array(column.length);
      for (let i = 0; i < out.length; i++) out[i] = (yeoJohnson(column[i]!, lambda) - offset) / scale;
      return out;
    });
    return { nRows: x.nRows, columns };
  }

  toJSON(): SavedTransformer {
    const { lambdas, offsets, scales } = this.fitted ?? notFitted(POWER_TRANSFORMER_TYPE);
    return {
      type: POWER_TRANSFORMER_TYPE,
      state: {
        params: { ...this.params },
        lambdas: encodeFloats(lambdas),
        offsets: encodeFloats(offsets),
        scales: encodeFloats(scales),
      },
    };
  }

  static fromJSON(state: unknown): PowerTransformer {
    const reader: FieldReader = FieldReader.ofState(POWER_TRANSFORMER_TYPE, state);
    const step = new PowerTransformer(readParams(reader.child('params')));
    const lambdas = reader.finiteFloats('lambdas');
    const offsets = reader.finiteFloats('offsets', lambdas.length);
    const scales = reader.finiteFloats('scales', lambdas.length);
    if (scales.some((scale) => scale === 0)) reader.fail('a scale is zero');
    step.fitted = { lambdas, offsets, scales };
    return step;
  }
}

/** ψ(x, λ): the Yeo–Johnson map, written with log1p/expm1 so that λ near 0 or 2 stays accurate. */
export function yeoJohnson(x: number, lambda: number): number {
  if (x >= 0) {
    const log = Math.log1p(x);
    return Math.abs(lambda) < 1e-12 ? log : Math.expm1(lambda * log) / lambda;
  }
  const log = Math.log1p(-x);
  const power = 2 - lambda;
  return Math.abs(power) < 1e-12 ? -log : -Math.expm1(power * log) / power;
}

/**
 * Negative profile log-likelihood of λ (up to constants): n/2 · log σ²(ψ) − (λ − 1) Σ sign(x) log(1 + |x|).
 * ψ is evaluated from the precomputed log(1 + |x|) (the part independent of λ), into `mapped`.
 * Infinite when the mapped values overflow or collapse, so such λ are never chosen.
 */
function negativeLogLikelihood(logs: Float64Array, negative: Uint8Array, lambda: number, jacobianSum: number, mapped: Float64Array): number {
  const n = logs.length;
  const positivePower = lambda;
  const negativePower = 2 - lambda;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const log = logs[i]!;
    let value: number;
    if (negative[i] === 0) value = Math.abs(positivePower) < 1e-12 ? log : Math.expm1(positivePower * log) / positivePower;
    else value = Math.abs(negativePower) < 1e-12 ? -log : -Math.expm1(negativePower * log) / negativePower;
    mapped[i] = value;
    sum += value;
  }
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (mapped[i]! - mean) ** 2;
  const variance = squares / n;
  if (!(variance > 0) || !Number.isFinite(variance)) return Infinity;
  return (n / 2) * Math.log(variance) - (lambda - 1) * jacobianSum;
}

/**
 * Maximum-likelihood λ: a coarse grid over [LAMBDA_MIN, LAMBDA_MAX] finds the basin (so a flat
 * or awkward likelihood cannot trap a local search), golden-section search refines inside it.
 * A column with fewer than two distinct values keeps λ = 1, the identity map.
 */
function fitLambda(values: Float64Array): number {
  if (values.length < 2 || values.every((v) => v === values[0])) return 1;
  const logs = values.map((v) => Math.log1p(Math.abs(v)));
  const negative = Uint8Array.from(values, (v) => (v < 0 ? 1 : 0));
  let jacobianSum = 0;
  for (let i = 0; i < values.length; i++) jacobianSum += negative[i] === 1 ? -logs[i]! : logs[i]!;
  const mapped = new Float64Array(values.length);
  const cost = (lambda: number): number => negativeLogLikelihood(logs, negative, lambda, jacobianSum, mapped);
  let best = 1;
  let bestCost = cost(1);
  for (let lambda = LAMBDA_MIN; lambda <= LAMBDA_MAX; lambda += GRID_STEP) {
    const value = cost(lambda);
    if (value < bestCost) {
      best = lambda;
      bestCost = value;
    }
  }
  if (!Number.isFinite(bestCost)) return 1;
  const ratio = (Math.sqrt(5) - 1) / 2;
  let low = Math.max(LAMBDA_MIN, best - GRID_STEP);
  let high = Math.min(LAMBDA_MAX, best + GRID_STEP);
  let left = high - ratio * (high - low);
  let right = low + ratio * (high - low);
  let leftCost = cost(left);
  let rightCost = cost(right);
  while (high - low > LAMBDA_TOLERANCE) {
    if (leftCost <= rightCost) {
      high = right;
      right = left;
      rightCost = leftCost;
      left = high - ratio * (high - low);
      leftCost = cost(left);
    } else {
      low = left;
      left = right;
      leftCost = rightCost;
      right = low + ratio * (high - low);
      rightCost = cost(right);
    }
  }
  const refined = (low + high) / 2;
  return cost(refined) <= bestCost ? refined : best;
}
