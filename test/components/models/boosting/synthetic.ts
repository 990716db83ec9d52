/** Test helper: small seeded synthetic problems for the boosted trees. */
import type { FeatureMatrix } from '../../../../src/components/matrix.ts';
import { Rng } from '../../../../src/util/rng.ts';

export interface SyntheticProblem {
  readonly x: FeatureMatrix;
  /** Noise-free signal: sin(2 x0) + x1 x2 (other features are noise). */
  readonly signal: Float64Array;
  /** Signal plus Gaussian noise of standard deviation `noise`. */
  readonly target: Float64Array;
}

export function syntheticProblem(nRows: number, nFeatures: number, seed: number, noise = 0.3): SyntheticProblem {
  const rng = new Rng(seed);
  const columns = Array.from({ length: Math.max(nFeatures, 3) }, () => {
    const column = new Float64Array(nRows);
    for (let i = 0; i < nRows; i++) column[i] = rng.uniform(-2, 2);
    return column;
  });
  const signal = new Float64Array(nRows);
  const target = new Float64Array(nRows);
  for (let i = 0; i < nRows; i++) {
    signal[i] = Math.sin(2 * columns[0]![i]!) + columns[1]![i]! * columns[2]![i]!;
    target[i] = signal[i]! + noise * rng.normal();
  }
  return { x: { nRows, columns: columns.slice(0, nFeatures) }, signal, target };
}

/** Classes by thresholding the noisy target into `nClasses` roughly equal bands. */
export function classesOf(target: Float64Array, nClasses: number): Int32Array {
  const sorted = Float64Array.from(target).sort();
  const cuts: number[] = [];
  for (let k = 1; k < nClasses; k++) cuts.push(sorted[Math.floor((k * sorted.length) / nClasses)]!);
  return Int32Array.from(target, (v) => cuts.filter((cut) => v >= cut).length);
}

/** Rows `from .. to` of a matrix. */
export function sliceRows(x: FeatureMatrix, from: number, to: number): FeatureMatrix {
  return { nRows: to - from, columns: x.columns.map((column) => column.slice(from, to)) };
}
