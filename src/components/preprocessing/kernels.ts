/** Kernel functions between the rows of a column-major matrix and a set of basis rows. */
import type { FeatureMatrix } from '../matrix.ts';

export const NYSTROEM_KERNELS = ['rbf', 'poly', 'sigmoid', 'cosine'] as const;
export type KernelName = (typeof NYSTROEM_KERNELS)[number];

export type KernelSpec = {
  readonly kernel: KernelName;
  /** rbf: exp(−γ‖x − y‖²); poly: (γ xᵀy + coef0)^degree; sigmoid: tanh(γ xᵀy + coef0). */
  readonly gamma: number;
  /** Exponent of the polynomial kernel. */
  readonly degree: number;
  /** Offset of the polynomial and sigmoid kernels. */
  readonly coef0: number;
};

/**
 * Kernel values k(x_i, b_k) as m columns (one per basis row) of x.nRows values each.
 * @param basis row-major m×d basis rows, d = number of columns of x
 */
export function kernelColumns(spec: KernelSpec, x: FeatureMatrix, basis: Float64Array): Float64Array[] {
  const width = x.columns.length;
  const m = width === 0 ? 0 : basis.length / width;
  const rowNorms = spec.kernel === 'cosine' ? squaredRowNorms(x) : undefined;
  const columns: Float64Array[] = [];
  for (let k = 0; k < m; k++) {
    const out = new Float64Array(x.nRows);
    const offset = k * width;
    if (spec.kernel === 'rbf') {
      for (let f = 0; f < width; f++) {
        const centre = basis[offset + f]!;
        const column = x.columns[f]!;
        for (let i = 0; i < out.length; i++) {
          const d = column[i]! - centre;
          out[i] = out[i]! + d * d;
        }
      }
      for (let i = 0; i < out.length; i++) out[i] = Math.exp(-spec.gamma * out[i]!);
    } else {
      let basisNorm = 0;
      for (let f = 0; f < width; f++) {
        const weight = basis[offset + f]!;
        basisNorm += weight * weight;
        if (weight === 0) continue;
        const column = x.columns[f]!;
        for (let i = 0; i < out.length; i++) out[i] = out[i]! + weight * column[i]!;
      }
      finishDotKernel(spec, out, basisNorm, rowNorms);
    }
    columns.push(out);
  }
  return columns;
}

/** Turns dot products xᵀb into kernel values in place. */
function finishDotKernel(spec: KernelSpec, dots: Float64Array, basisNorm: number, rowNorms: Float64Array | undefined): void {
  for (let i = 0; i < dots.length; i++) {
    const dot = dots[i]!;
    if (spec.kernel === 'poly') dots[i] = (spec.gamma * dot + spec.coef0) ** spec.degree;
    else if (spec.kernel === 'sigmoid') dots[i] = Math.tanh(spec.gamma * dot + spec.coef0);
    else {
      // Cosine similarity; a zero vector is similar to nothing.
      const norms = Math.sqrt(basisNorm * rowNorms![i]!);
      dots[i] = norms > 0 ? dot / norms : 0;
    }
  }
}

function squaredRowNorms(x: FeatureMatrix): Float64Array {
  const norms = new Float64Array(x.nRows);
  for (const column of x.columns) for (let i = 0; i < norms.length; i++) norms[i] = norms[i]! + column[i]! * column[i]!;
  return norms;
}
