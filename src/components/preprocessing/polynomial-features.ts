/**
 * Polynomial feature expansion: all monomials of the input features up to `degree` (only products
 * of distinct features when `interaction_only`), in graded lexicographic order: x0, x1, …,
 * x0², x0x1, …, then degree 3. Each monomial is its parent monomial times one feature, so the
 * transform costs one multiplication per output value.
 *
 * The output width grows like d^degree; past POLYNOMIAL_MAX_FEATURES columns fitting throws
 * DEGENERATE_INPUT, which the search records as a failed trial instead of running out of memory.
 */
import type { FeatureMatrix } from '../matrix.ts';
import type { FitTarget, MatrixTransformer, SavedTransformer } from '../transformer.ts';
import { AutoMLError } from '../../util/errors.ts';
import { FieldReader } from './fields.ts';
import { checkMatrix, checkNotEmpty, notFitted } from './guards.ts';

export const POLYNOMIAL_FEATURES_TYPE = 'polynomial_features';

/** Largest output width fitting accepts. */
export const POLYNOMIAL_MAX_FEATURES = 5000;

export type PolynomialFeaturesParams = {
  /** Highest total degree of a monomial (search values 2..3). */
  readonly degree: number;
  /** Only products of distinct features (no x², x³). */
  readonly interaction_only: boolean;
  /** Prepend a constant column of ones. */
  readonly include_bias: boolean;
};

export const POLYNOMIAL_FEATURES_DEFAULTS: PolynomialFeaturesParams = { degree: 2, interaction_only: false, include_bias: false };

function readParams(reader: FieldReader): PolynomialFeaturesParams {
  return {
    degree: reader.number('degree', { integer: true, min: 1, max: 4 }),
    interaction_only: reader.boolean('interaction_only'),
    include_bias: reader.boolean('include_bias'),
  };
}

/** A monomial as (parent monomial index or −1 for a single feature, feature index). */
interface Monomial {
  readonly parent: number;
  readonly feature: number;
}

export class PolynomialFeatures implements MatrixTransformer {
  readonly stage = 'matrix';
  readonly params: PolynomialFeaturesParams;
  private fitted: { readonly width: number; readonly monomials: readonly Monomial[] } | undefined;

  constructor(params: Partial<PolynomialFeaturesParams> = {}) {
    this.params = readParams(FieldReader.ofParams(POLYNOMIAL_FEATURES_TYPE, POLYNOMIAL_FEATURES_DEFAULTS, params));
  }

  /** Number of output features for `width` inputs under these parameters. */
  outputWidth(width: number): number {
    const { degree, interaction_only, include_bias } = this.params;
    let total = include_bias ? 1 : 0;
    let count = 1;
    for (let k = 1; k <= degree; k++) {
      // C(d + k − 1, k) monomials of degree k with repetition, C(d, k) without.
      count = interaction_only ? (count * (width - k + 1)) / k : (count * (width + k - 1)) / k;
      total += Math.round(count);
    }
    return total;
  }

  fit(x: FeatureMatrix, _target?: FitTarget): void {
    checkNotEmpty(POLYNOMIAL_FEATURES_TYPE, x.nRows);
    checkMatrix(POLYNOMIAL_FEATURES_TYPE, x);
    const width = x.columns.length;
    this.fitted = { width, monomials: this.monomials(width) };
  }

  transform(x: FeatureMatrix): FeatureMatrix {
    const { width, monomials } = this.fitted ?? notFitted(POLYNOMIAL_FEATURES_TYPE);
    checkMatrix(POLYNOMIAL_FEATURES_TYPE, x, width);
    const products: Float64Array[] = [];
    for (const { parent, feature } of monomials) {
      const column = x.columns[feature]!;
      if (parent < 0) {
        products.push(column.slice());
        continue;
      }
      const base = products[parent]!;
      const out = new Float64Array(x.nRows);
      for (let i = 0; i < out.length; i++) out[i] = base[i]! * column[i]!;
      products.push(out);
    }
    const columns = this.params.include_bias ? [new Float64Array(x.nRows).fill(1), ...products] : products;
    return { nRows: x.nRows, columns };
  }

  toJSON(): SavedTransformer {
    const { width } = this.fitted ?? notFitted(POLYNOMIAL_FEATURES_TYPE);
    return { type: POLYNOMIAL_FEATURES_TYPE, state: { params: { ...this.params }, width } };
  }

  static fromJSON(state: unknown): PolynomialFeatures {
    const reader: FieldReader = FieldReader.ofState(POLYNOMIAL_FEATURES_TYPE, state);
    const step = new PolynomialFeatures(readParams(reader.child('params')));
    const width = reader.number('width', { integer: true, min: 0 });
    if (step.outputWidth(width) > POLYNOMIAL_MAX_FEATURES) reader.fail(`width ${width} exceeds the output limit`);
    step.fitted = { width, monomials: step.monomials(width) };
    return step;
  }

  /** The monomials in output order (the bias column, if any, is not among them). */
  private monomials(width: number): Monomial[] {
    const expected = this.outputWidth(width);
    if (expected > POLYNOMIAL_MAX_FEATURES) {
      throw new AutoMLError(
        'DEGENERATE_INPUT',
        `${POLYNOMIAL_FEATURES_TYPE}: degree ${this.params.degree} on ${width} features would produce ${expected} ` +
          `features, more than the limit of ${POLYNOMIAL_MAX_FEATURES}`,
      );
    }
    const monomials: Monomial[] = [];
    /** Last feature of each monomial, to extend only with features at or after it. */
    const lastFeature: number[] = [];
    let previous: number[] = [];
    for (let f = 0; f < width; f++) {
      previous.push(monomials.length);
      monomials.push({ parent: -1, feature: f });
      lastFeature.push(f);
    }
    for (let k = 2; k <= this.params.degree; k++) {
      const current: number[] = [];
      for (const parent of previous) {
        const start = lastFeature[parent]! + (this.params.interaction_only ? 1 : 0);
        for (let f = start; f < width; f++) {
          current.push(monomials.length);
          monomials.push({ parent, feature: f });
          lastFeature.push(f);
        }
      }
      previous = current;
    }
    return monomials;
  }
}
