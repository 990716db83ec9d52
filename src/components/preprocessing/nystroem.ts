/**
 * Nyström kernel approximation: m training rows drawn at random serve as a basis, and each row x
 * maps to φ(x) = K_mm^(−1/2) k(x), where k(x) holds the kernel values between x and the basis
 * rows. Then φ(x)ᵀφ(y) approximates the kernel, so a linear model on top acts like a kernel machine.
 *
 * K_mm^(−1/2) comes from the eigen-decomposition of the basis kernel matrix; directions with
 * (numerically) zero eigenvalue are dropped rather than amplified, which keeps duplicate basis
 * rows and nearly flat kernels harmless. That decomposition is O(m³), so a basis larger than
 * NYSTROEM_MAX_BASIS rows throws DEGENERATE_INPUT (a failed trial, not a stalled search).
 * The saved state holds the basis rows; the normalisation is recomputed from them on loading,
 * by the same deterministic code, so the loaded transform is identical.
 */
import type { FeatureMatrix } from '../matrix.ts';
import type { FitTarget, MatrixTransformer, SavedTransformer } from '../transformer.ts';
import { encodeFloats } from '../../util/json.ts';
import { AutoMLError } from '../../util/errors.ts';
import { Rng } from '../../util/rng.ts';
import { FieldReader } from './fields.ts';
import { checkMatrix, checkNotEmpty, notFitted } from './guards.ts';
import { kernelColumns, NYSTROEM_KERNELS, type KernelSpec } from './kernels.ts';
import { symmetricEigen } from './symmetric-eigen.ts';

export const NYSTROEM_TYPE = 'nystroem';

/** Largest basis accepted: beyond it the O(m³) eigen-decomposition dominates any time budget. */
export const NYSTROEM_MAX_BASIS = 1000;

export type NystroemParams = KernelSpec & {
  /** Basis size m (search range 50..10000, log scale); capped at the number of training rows. */
  readonly n_components: number;
  readonly seed: number;
};

export const NYSTROEM_DEFAULTS: NystroemParams = { kernel: 'rbf', gamma: 0.1, degree: 3, coef0: 0, n_components: 100, seed: 0 };

function readParams(reader: FieldReader): NystroemParams {
  return {
    kernel: reader.choice('kernel', NYSTROEM_KERNELS),
    gamma: reader.number('gamma', { above: 0 }),
    degree: reader.number('degree', { integer: true, min: 1, max: 10 }),
    coef0: reader.number('coef0'),
    n_components: reader.number('n_components', { integer: true, min: 1, max: 100_000 }),
    seed: reader.number('seed', { integer: true, min: 0, max: 0xffffffff }),
  };
}

interface NystroemFit {
  readonly width: number;
  /** Row-major m×d basis rows. */
  readonly basis: Float64Array;
  /** Row-major symmetric m×m matrix K_mm^(−1/2). */
  readonly normalisation: Float64Array;
}

export class Nystroem implements MatrixTransformer {
  readonly stage = 'matrix';
  readonly params: NystroemParams;
  private fitted: NystroemFit | undefined;

  constructor(params: Partial<NystroemParams> = {}) {
    this.params = readParams(FieldReader.ofParams(NYSTROEM_TYPE, NYSTROEM_DEFAULTS, params));
  }

  fit(x: FeatureMatrix, _target?: FitTarget): void {
    checkNotEmpty(NYSTROEM_TYPE, x.nRows);
    checkMatrix(NYSTROEM_TYPE, x);
    const m = Math.min(this.params.n_components, x.nRows);
    if (m > NYSTROEM_MAX_BASIS) {
      throw new AutoMLError(
        'DEGENERATE_INPUT',
        `${NYSTROEM_TYPE}: a basis of ${m} rows exceeds the limit of ${NYSTROEM_MAX_BASIS} (its eigen-decomposition costs O(m³))`,
      );
    }
    const width = x.columns.length;
    if (width === 0) throw new AutoMLError('DEGENERATE_INPUT', `${NYSTROEM_TYPE}: no input features`);
    const rows = new Rng(this.params.seed).permutation(x.nRows).subarray(0, m);
    const basis = new Float64Array(m * width);
    rows.forEach((row, k) => {
      for (let f = 0; f < width; f++) basis[k * width + f] = x.columns[f]![row]!;
    });
    this.fitted = { width, basis, normalisation: this.normalisation(basis, width) };
  }

  transform(x: FeatureMatrix): FeatureMatrix {
    const { width, basis, normalisation } = this.fitted ?? notFitted(NYSTROEM_TYPE);
    checkMatrix(NYSTROEM_TYPE, x, width);
    const kernel = kernelColumns(this.params, x, basis);
    const m = kernel.length;
    const columns = Array.from({ length: m }, (_, c) => {
      const out = new Float64Array(x.nRows);
      for (let k = 0; k < m; k++) {
        const weight = normalisation[c * m + k]!;
        if (weight === 0) continue;
        const column = kernel[k]!;
        for (let i = 0; i < out.length; i++) out[i] = out[i]! + weight * column[i]!;
      }
      return out;
    });
    return { nRows: x.nRows, columns };
  }

  toJSON(): SavedTransformer {
    const { width, basis } = this.fitted ?? notFitted(NYSTROEM_TYPE);
    return { type: NYSTROEM_TYPE, state: { params: { ...this.params }, width, basis: encodeFloats(basis) } };
  }

  static fromJSON(state: unknown): Nystroem {
    const reader: FieldReader = FieldReader.ofState(NYSTROEM_TYPE, state);
    const step = new Nystroem(readParams(reader.child('params')));
    const width = reader.number('width', { integer: true, min: 1 });
    const basis = reader.finiteFloats('basis');
    const m = basis.length / width;
    if (!Number.isInteger(m) || m < 1 || m > Math.min(step.params.n_components, NYSTROEM_MAX_BASIS)) {
      reader.fail(`"basis" of ${basis.length} values does not hold whole rows of ${width} features`);
    }
    step.fitted = { width, basis, normalisation: step.normalisation(basis, width) };
    return step;
  }

  /** K_mm^(−1/2), keeping the sign of negative eigenvalues (indefinite kernels such as sigmoid). */
  private normalisation(basis: Float64Array, width: number): Float64Array {
    const m = basis.length / width;
    const columns = kernelColumns(this.params, rowsToMatrix(basis, m, width), basis);
    const kernel = new Float64Array(m * m);
    for (let a = 0; a < m; a++) {
      for (let b = 0; b < m; b++) {
        // Symmetrised so rounding differences between k(a, b) and k(b, a) cannot bother the solver.
        kernel[a * m + b] = 0.5 * (columns[b]![a]! + columns[a]![b]!);
      }
    }
    const { values, vectors } = symmetricEigen(kernel, m);
    let largest = 0;
    for (const value of values) largest = Math.max(largest, Math.abs(value));
    const tolerance = m * Number.EPSILON * largest;
    const out = new Float64Array(m * m);
    for (let k = 0; k < m; k++) {
      const value = values[k]!;
      if (!(Math.abs(value) > tolerance)) continue;
      const factor = Math.sign(value) / Math.sqrt(Math.abs(value));
      const vector = vectors.subarray(k * m, (k + 1) * m);
      for (let a = 0; a < m; a++) {
        const scaled = factor * vector[a]!;
        for (let b = 0; b < m; b++) out[a * m + b] = out[a * m + b]! + scaled * vector[b]!;
      }
    }
    return out;
  }
}

/** Column-major view of row-major rows, to feed the basis itself through the kernel. */
function rowsToMatrix(rows: Float64Array, nRows: number, width: number): FeatureMatrix {
  const columns = Array.from({ length: width }, (_, f) => {
    const column = new Float64Array(nRows);
    for (let i = 0; i < nRows; i++) column[i] = rows[i * width + f]!;
    return column;
  });
  return { nRows, columns };
}
