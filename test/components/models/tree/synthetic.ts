/** Seeded synthetic data for the tree tests and benchmark. */
import { Rng } from '../../../../src/util/rng.ts';
import type { FeatureMatrix } from '../../../../src/components/matrix.ts';

function gaussianColumns(rng: Rng, rows: number, features: number): Float64Array[] {
  return Array.from({ length: features }, () => {
    const column = new Float64Array(rows);
    for (let i = 0; i < rows; i++) column[i] = rng.normal();
    return column;
  });
}

/** Classes decided by a few noisy nonlinear combinations of the first features. */
export function syntheticClassification(rows: number, features: number, nClasses: number, seed: number): { x: FeatureMatrix; y: Int32Array } {
  const rng = new Rng(seed);
  const columns = gaussianColumns(rng, rows, features);
  const y = new Int32Array(rows);
  for (let i = 0; i < rows; i++) {
    const score = columns[0]![i]! + columns[1]![i]! * columns[2]! [i]! + Math.sin(2 * columns[3]![i]!) + 0.5 * rng.normal();
    y[i] = Math.min(nClasses - 1, Math.max(0, Math.floor((score + 1.5) * nClasses / 3)));
  }
  return { x: { nRows: rows, columns }, y };
}

/** A Friedman-like target on the first five features plus noise. */
export function syntheticRegression(rows: number, features: number, seed: number): { x: FeatureMatrix; y: Float64Array } {
  const rng = new Rng(seed);
  const columns = gaussianColumns(rng, rows, features);
  const y = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    const c = (f: number): number => columns[f % features]![i]!;
    y[i] = 10 * Math.sin(c(0) * c(1)) + 20 * (c(2) - 0.5) ** 2 + 10 * c(3) + 5 * c(4) + rng.normal();
  }
  return { x: { nRows: rows, columns }, y };
}
