/**
 * Rows handed to libsvm: row-major copies, at most `maxTrainingRows` of them (a seeded random
 * subset above that), and for regression with unequal sample weights a seeded draw with
 * probability proportional to weight, since libsvm takes no per-row weights.
 */
import type { FeatureMatrix } from '../../matrix.ts';

export function rowsOf(x: FeatureMatrix, rows: Int32Array): Float64Array[] {
  const nFeatures = x.columns.length;
  return Array.from(rows, (r) => {
    const row = new Float64Array(nFeatures);
    for (let j = 0; j < nFeatures; j++) row[j] = x.columns[j]![r]!;
    return row;
  });
}
