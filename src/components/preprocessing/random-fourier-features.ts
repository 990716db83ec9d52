/**
 * Random Fourier features ("random kitchen sinks"): a randomised feature map whose inner products
 * approximate the RBF kernel exp(−γ‖x − y‖²), so a linear model on top behaves like a kernel
 * machine. φ_j(x) = sqrt(2/m) cos(w_jᵀx + b_j) with w_j ~ N(0, 2γ I) and b_j ~ U[0, 2π).
 * The draws depend only on the seed and the input width; they are saved explicitly so a loaded
 * model never depends on the generator's implementation.
 */
import type { FeatureMatrix } from '../matrix.ts';
import type { FitTarget, MatrixTransformer, SavedTransformer } from '../transformer.ts';
import { encodeFloats } from '../../util/json.ts';
import { Rng } from '../../util/rng.ts';
import { FieldReader } from './fields.ts';
import { checkMatrix, notFitted } from './guards.ts';

export const RANDOM_FOURIER_FEATURES_TYPE = 'random_fourier_features';

export type RandomFourierFeaturesParams = {
  /** Kernel width γ of exp(−γ‖x − y‖²) (search range 3e-5..8, log scale). */
  readonly gamma: number;
  /** Number of output features m (search range 50..10000, log scale). */
  readonly n_components: number;
  readonly seed: number;
};

export const RANDOM_FOURIER_FEATURES_DEFAULTS: RandomFourierFeaturesParams = { gamma: 1, n_components: 100, seed: 0 };

function readParams(reader: FieldReader): RandomFourierFeaturesParams {
  return {
    gamma: reader.number('gamma', { above: 0 }),
    n_components: reader.number('n_components', { integer: true, min: 1, max: 100_000 }),
    seed: reader.number('seed', { integer: true, min: 0, max: 0xffffffff }),
  };
}

interface FourierFit {
  readonly width: number;
  /** Row-major m×d: row j is the frequency vector w_j. */
  readonly frequencies: Float64Array;
  readonly phases: Float64Array;
}

export class RandomFourierFeatures implements MatrixTransformer {
  readonly stage = 'matrix';
  readonly params: RandomFourierFeaturesParams;
  private fitted: FourierFit | undefined;

  constructor(params: Partial<RandomFourierFeaturesParams> = {}) {
    this.params = readParams(FieldReader.ofParams(RANDOM_FOURIER_FEATURES_TYPE, RANDOM_FOURIER_FEATURES_DEFAULTS, params));
  }

  fit(x: FeatureMatrix, _target?: FitTarget): void {
    checkMatrix(RANDOM_FOURIER_FEATURES_TYPE, x);
    const width = x.columns.length;
    const m = this.params.n_components;
    const rng = new Rng(this.params.seed);
    const spread = Math.sqrt(2 * this.params.gamma);
    const frequencies = new Float64Array(m * width);
    for (let k = 0; k < frequencies.length; k++) frequencies[k] = spread * rng.normal();
    const phases = new Float64Array(m);
    for (let j = 0; j < m; j++) phases[j] = rng.uniform(0, 2 * Math.PI);
    this.fitted = { width, frequencies, phases };
  }

  transform(x: FeatureMatrix): FeatureMatrix {
    const { width, frequencies, phases } = this.fitted ?? notFitted(RANDOM_FOURIER_FEATURES_TYPE);
    checkMatrix(RANDOM_FOURIER_FEATURES_TYPE, x, width);
    const amplitude = Math.sqrt(2 / phases.length);
    const columns = Array.from(phases, (phase, j) => {
      const out = new Float64Array(x.nRows).fill(phase);
      for (let f = 0; f < width; f++) {
        const w = frequencies[j * width + f]!;
        const column = x.columns[f]!;
        for (let i = 0; i < out.length; i++) out[i] = out[i]! + w * column[i]!;
      }
      for (let i = 0; i < out.length; i++) out[i] = amplitude * Math.cos(out[i]!);
      return out;
    });
    return { nRows: x.nRows, columns };
  }

  toJSON(): SavedTransformer {
    const { width, frequencies, phases } = this.fitted ?? notFitted(RANDOM_FOURIER_FEATURES_TYPE);
    return {
      type: RANDOM_FOURIER_FEATURES_TYPE,
      state: { params: { ...this.params }, width, frequencies: encodeFloats(frequencies), phases: encodeFloats(phases) },
    };
  }

  static fromJSON(state: unknown): RandomFourierFeatures {
    const reader: FieldReader = FieldReader.ofState(RANDOM_FOURIER_FEATURES_TYPE, state);
    const step = new RandomFourierFeatures(readParams(reader.child('params')));
    const width = reader.number('width', { integer: true, min: 0 });
    const phases = reader.finiteFloats('phases', step.params.n_components);
    const frequencies = reader.finiteFloats('frequencies', phases.length * width);
    step.fitted = { width, frequencies, phases };
    return step;
  }
}
