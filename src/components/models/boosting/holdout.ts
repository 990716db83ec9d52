/**
 * The seeded split of the fitting rows into the part trees learn from and the part held out to
 * decide when to stop boosting. Classification splits each class separately so the held-out
 * part keeps the class proportions.
 */
import { Rng } from '../../../util/rng.ts';

export interface HoldoutSplit {
  /** Ascending row indices. */
  readonly train: Int32Array;
  /** Ascending row indices; empty when the data is too small to hold anything out. */
  readonly validation: Int32Array;
}

/**
 * @param labels class index per row for a stratified split, or null for a plain random split
 */
export function holdoutSplit(nRows: number, labels: Float64Array | null, nClasses: number, fraction: number, seed: number): HoldoutSplit {
  const rng = new Rng(seed);
  const isValidation = new Uint8Array(nRows);
  if (labels === null) {
    const size = Math.min(nRows - 1, Math.round(nRows * fraction));
    const order = rng.permutation(nRows);
    for (let i = 0; i < size; i++) isValidation[order[i]!] = 1;
  } else {
    const byClass: number[][] = Array.from({ length: nClasses }, () => []);
    for (let row = 0; row < nRows; row++) byClass[labels[row]!]!.push(row);
    for (const members of byClass) {
      // every class keeps at least one training row
      const size = Math.min(members.length - 1, Math.round(members.length * fraction));
      if (size <= 0) continue;
      rng.shuffle(members);
      for (let i = 0; i < size; i++) isValidation[members[i]!] = 1;
    }
  }
  let nValidation = 0;
  for (let row = 0; row < nRows; row++) nValidation += isValidation[row]!;
  const train = new Int32Array(nRows - nValidation);
  const validation = new Int32Array(nValidation);
  let t = 0;
  let v = 0;
  for (let row = 0; row < nRows; row++) {
    if (isValidation[row] === 1) validation[v++] = row;
    else train[t++] = row;
  }
  return { train, validation };
}

/** Values of `source` at `rows`. */
export function gather(source: Float64Array, rows: Int32Array): Float64Array {
  const out = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = source[rows[i]!]!;
  return out;
}
