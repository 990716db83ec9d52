/** The seeded validation slice that 'valid' early stopping monitors. */
import type { Rng } from '../../../util/rng.ts';

/** Below this many rows a validation slice would be too small to say anything. */
export const MIN_ROWS_FOR_VALIDATION = 20;

export interface RowSplit {
  readonly train: Int32Array;
  readonly validation: Int32Array;
}

/**
 * Holds out about `fraction` of the rows. With class labels the split is stratified and every
 * class keeps at least one training row. Returns undefined when the rows are too few for a
 * meaningful slice; the caller then stops on the training loss instead.
 */
export function validationSplit(nRows: number, labels: Int32Array | undefined, fraction: number, rng: Rng): RowSplit | undefined {
  if (nRows < MIN_ROWS_FOR_VALIDATION) return undefined;
  const order = rng.permutation(nRows);
  const isValidation = new Uint8Array(nRows);
  if (labels === undefined) {
    const nValidation = Math.round(nRows * fraction);
    for (let k = 0; k < nValidation; k++) isValidation[order[k]!] = 1;
  } else {
    const byClass = new Map<number, number[]>();
    for (const row of order) {
      const rows = byClass.get(labels[row]!);
      if (rows === undefined) byClass.set(labels[row]!, [row]);
      else rows.push(row);
    }
    for (const rows of byClass.values()) {
      const take = Math.min(Math.round(rows.length * fraction), rows.length - 1);
      for (let k = 0; k < take; k++) isValidation[rows[k]!] = 1;
    }
  }
  const train: number[] = [];
  const validation: number[] = [];
  for (let row = 0; row < nRows; row++) (isValidation[row] === 1 ? validation : train).push(row);
  if (validation.length === 0 || train.length === 0) return undefined;
  return { train: Int32Array.from(train), validation: Int32Array.from(validation) };
}
