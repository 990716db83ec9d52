/**
 * Principal component analysis: projects the centred features onto the fewest leading
 * eigenvectors of the training covariance that explain at least `keep_variance` of its total
 * variance, optionally whitened (each component divided by its standard deviation).
 * Eigenvector signs are fixed (largest-magnitude entry positive) so a refit gives the same output.
 */
import type { FeatureMatrix } from '../matrix.ts';
import type { FitTarget, MatrixTransformer, SavedTransformer } from '../transformer.ts';
import { encodeFloats } from '../../util/json.ts';
import { FieldReader } from './fields.ts';
import { checkMatrix, checkNotEmpty, notFitted } from './guards.ts';
import { symmetricEigen } from './symmetric-eigen.ts';

export const PCA_TYPE = 'pca';

export type PcaParams = {
  /** Fraction of the total variance the kept components must explain (search range 0.5..0.9999). */
  readonly keep_variance: number;
  readonly whiten: boolean;
};

export const PCA_DEFAULTS: PcaParams = { keep_variance: 0.9999, whiten: false };

function readParams(reader: FieldReader): PcaParams {
  return { keep_variance: reader.number('keep_variance', { above: 0, max: 1 }), whiten: reader.boolean('whiten') };
}

interface PcaFit {
  readonly means: Float64Array;
  /** Row-major k×d: row c is the c-th principal axis. */
  readonly components: Float64Array;
  /** Divisor of each component's score: its standard deviation when whitening, else 1. */
  readonly scales: Float64Array;
  readonly explainedVarianceRatio: Float64Array;
}

export class Pca implements MatrixTransformer {
  readonly stage = 'matrix';
  readonly params: PcaParams;
  private fitted: PcaFit | undefined;

  constructor(params: Partial<PcaParams> = {}) {
    this.params = readParams(FieldReader.ofParams(PCA_TYPE, PCA_DEFAULTS, params));
  }

  get nComponents(): number {
    return (this.fitted ?? notFitted(PCA_TYPE)).scales.length;
  }

  /** Share of the total training variance explained by each kept component. */
  get explainedVarianceRatio(): Float64Array {
    return (this.fitted ?? notFitted(PCA_TYPE)).explainedVarianceRatio.slice();
  }

  fit(x: FeatureMatrix, _target?: FitTarget): void {
    checkNotEmpty(PCA_TYPE, x.nRows);
    checkMatrix(PCA_TYPE, x);
    const d = x.columns.length;
    const n = x.nRows;
    const means = new Float64Array(d);
    const centred = x.columns.map((column, j) => {
      let sum = 0;
      for (let i = 0; i < n; i++) sum += column[i]!;
      means[j] = sum / n;
      return column.map((v) => v - means[j]!);
    });
    // Sample covariance (n − 1), so whitened training scores have unit sample variance.
    const covariance = new Float64Array(d * d);
    const denominator = Math.max(n - 1, 1);
    for (let a = 0; a < d; a++) {
      const columnA = centred[a]!;
      for (let b = 0; b <= a; b++) {
        const columnB = centred[b]!;
        let sum = 0;
        for (let i = 0; i < n; i++) sum += columnA[i]! * columnB[i]!;
        covariance[a * d + b] = sum / denominator;
        covariance[b * d + a] = sum / denominator;
      }
    }
    const { values, vectors } = symmetricEigen(covariance, d);
    const variances = values.map((v) => Math.max(v, 0));
    const total = variances.reduce((s, v) => s + v, 0);
    const k = total > 0 ? componentsNeeded(variances, total, this.params.keep_variance) : Math.min(1, d);
    const components = vectors.slice(0, k * d);
    for (let c = 0; c < k; c++) fixSign(components.subarray(c * d, (c + 1) * d));
    const largest = variances[0] ?? 0;
    const scales = new Float64Array(k).fill(1);
    if (this.params.whiten) {
      // A direction with (numerically) no variance cannot be whitened; it stays unscaled.
      for (let c = 0; c < k; c++) if (variances[c]! > 1e-12 * largest) scales[c] = Math.sqrt(variances[c]!);
    }
    const explainedVarianceRatio = variances.slice(0, k).map((v) => (total > 0 ? v / total : 0));
    this.fitted = { means, components, scales, explainedVarianceRatio };
  }

  transform(x: FeatureMatrix): FeatureMatrix {
    const { means, components, scales } = this.fitted ?? notFitted(PCA_TYPE);
    const d = means.length;
    checkMatrix(PCA_TYPE, x, d);
    const columns = Array.from(scales, (scale, c) => {
      const out = new Float64Array(x.nRows);
      for (let j = 0; j < d; j++) {
        const weight = components[c * d + j]!;
        if (weight === 0) continue;
        const column = x.columns[j]!;
        const mean = means[j]!;
        for (let i = 0; i < out.length; i++) out[i] = out[i]! + weight * (column[i]! - mean);
      }
      for (let i = 0; i < out.length; i++) out[i] = out[i]! / scale;
      return out;
    });
    return { nRows: x.nRows, columns };
  }

  toJSON(): SavedTransformer {
    const fitted = this.fitted ?? notFitted(PCA_TYPE);
    return {
      type: PCA_TYPE,
      state: {
        params: { ...this.params },
        means: encodeFloats(fitted.means),
        components: encodeFloats(fitted.components),
        scales: encodeFloats(fitted.scales),
        explainedVarianceRatio: encodeFloats(fitted.explainedVarianceRatio),
      },
    };
  }

  static fromJSON(state: unknown): Pca {
    const reader: FieldReader = FieldReader.ofState(PCA_TYPE, state);
    const pca = new Pca(readParams(reader.child('params')));
    const means = reader.finiteFloats('means');
    const scales = reader.finiteFloats('scales');
    const components = reader.finiteFloats('components', scales.length * means.length);
    const explainedVarianceRatio = reader.finiteFloats('explainedVarianceRatio', scales.length);
    if (scales.some((s) => !(s > 0))) reader.fail('component scales must be positive');
    pca.fitted = { means, components, scales, explainedVarianceRatio };
    return pca;
  }
}

/** Smallest k whose leading variances reach `keep` of the total (at least 1). */
function componentsNeeded(variances: Float64Array, total: number, keep: number): number {
  let cumulative = 0;
  for (let k = 0; k < variances.length; k++) {
    cumulative += variances[k]!;
    if (cumulative / total >= keep) return k + 1;
  }
  return variances.length;
}

/** Flips the vector so its largest-magnitude entry (first one on ties) is positive. */
function fixSign(vector: Float64Array): void {
  let largest = 0;
  for (let j = 1; j < vector.length; j++) if (Math.abs(vector[j]!) > Math.abs(vector[largest]!)) largest = j;
  if (vector[largest]! < 0) for (let j = 0; j < vector.length; j++) vector[j] = -vector[j]!;
}
