/**
 * The small dense matrix the landmarkers learn from: a row subsample of the training data, numeric
 * columns standardised (missing → the column mean, i.e. 0), categorical columns one-hot encoded
 * over their most frequent levels (missing → all zeros). Row-major, so a row's distance to
 * another is one contiguous scan.
 */
import type { Dataset } from '../data/dataset.ts';

/** Levels one categorical column may contribute; rarer ones share no indicator. */
export const MAX_LEVELS_PER_COLUMN = 10;

export interface LandmarkMatrix {
  readonly nRows: number;
  readonly nCols: number;
  /** nRows × nCols, row-major. */
  readonly values: Float64Array;
}

export function landmarkMatrix(features: Dataset, rows: ArrayLike<number>): LandmarkMatrix {
  const n = rows.length;
  const blocks: Float64Array[] = [];
  for (const column of features.columns) {
    if (column.kind === 'numeric') {
      const out = new Float64Array(n);
      let sum = 0;
      let count = 0;
      for (let i = 0; i < n; i++) {
        const v = column.values[rows[i]!]!;
        out[i] = v;
        if (!Number.isNaN(v)) {
          sum += v;
          count++;
        }
      }
      const mean = count === 0 ? 0 : sum / count;
      let squares = 0;
      for (let i = 0; i < n; i++) if (!Number.isNaN(out[i]!)) squares += (out[i]! - mean) ** 2;
      const std = count === 0 ? 0 : Math.sqrt(squares / count);
      for (let i = 0; i < n; i++) out[i] = Number.isNaN(out[i]!) ? 0 : std > 0 ? (out[i]! - mean) / std : 0;
      blocks.push(out);
      continue;
    }
    const counts = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const code = column.codes[rows[i]!]!;
      if (code >= 0) counts.set(code, (counts.get(code) ?? 0) + 1);
    }
    // Most frequent first, lower code first on ties: deterministic whatever the map order.
    const levels = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, MAX_LEVELS_PER_COLUMN).map(([code]) => code);
    for (const level of levels) {
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) out[i] = column.codes[rows[i]!] === level ? 1 : 0;
      blocks.push(out);
    }
  }
  const nCols = blocks.length;
  const values = new Float64Array(n * nCols);
  for (let j = 0; j < nCols; j++) {
    const block = blocks[j]!;
    for (let i = 0; i < n; i++) values[i * nCols + j] = block[i]!;
  }
  return { nRows: n, nCols, values };
}
