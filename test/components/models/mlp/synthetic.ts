/** Small seeded synthetic problems for the MLP behaviour tests. */
import type { FeatureMatrix } from '../../../../src/components/matrix.ts';
import { Rng } from '../../../../src/util/rng.ts';

export function gaussianFeatures(nRows: number, nFeatures: number, seed: number): FeatureMatrix {
  const rng = new Rng(seed);
  return { nRows, columns: Array.from({ length: nFeatures }, () => Float64Array.from({ length: nRows }, () => rng.normal())) };
}

/** Three classes split by the signs of the first two features. */
export function threeClasses(nRows: number, seed: number): { x: FeatureMatrix; y: Int32Array } {
  const x = gaussianFeatures(nRows, 4, seed);
  const y = Int32Array.from({ length: nRows }, (_, i) => (x.columns[0]![i]! > 0 ? 0 : x.columns[1]![i]! > 0 ? 1 : 2));
  return { x, y };
}

/** A smooth target of the first three features plus a little noise. */
export function smoothTarget(nRows: number, seed: number): { x: FeatureMatrix; y: Float64Array } {
  const x = gaussianFeatures(nRows, 3, seed);
  const rng = new Rng(seed + 1);
  const [a, b, c] = x.columns as [Float64Array, Float64Array, Float64Array];
  const y = Float64Array.from({ length: nRows }, (_, i) => Math.sin(a[i]!) + b[i]! * c[i]! + 0.1 * rng.normal());
  return { x, y };
}

/** The rows of `x` twice over: [x; x]. */
export function doubled(x: FeatureMatrix): FeatureMatrix {
  return {
    nRows: 2 * x.nRows,
    columns: x.columns.map((column) => {
      const out = new Float64Array(2 * column.length);
      out.set(column);
      out.set(column, column.length);
      return out;
    }),
  };
}
