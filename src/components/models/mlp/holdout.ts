/** The seeded validation slice that 'valid' early stopping monitors. */
import type { Rng } from '../../../util/rng.ts';

/**
 * A validation loss over fewer rows is too noisy to stop on. Measured on iris (11 validation
 * rows): fits stopped after 13–53 epochs at 0.85–1.0 balanced accuracy across seeds, against
 * 0.94–1.0 for every seed when stopping on the training loss instead.
 */
export const MIN_VALIDATION_ROWS = 30;

export interface RowSplit {
  readonly train: Int32Array;
  readonly validation: Int32Array;
}

/**
 * Holds out about `fraction` of the rows. With class labels the split is stratified and every
 * class keeps at least one training row. Returns undefined when the rows are too few for a
 * meaningful slice (under MIN_VALIDATION_ROWS); the caller then stops on the training loss.
 */
export function validationSplit(nRows: number, labels: Int32Array | undefined, fraction: number, rng: Rng): RowSplit | undefined {
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
  if (validation.length < MIN_VALIDATION_ROWS || train.length === 0) return undefined;
  return { train: Int32Array.from(train), validation: Int32Array.from(validation) };
}
