/**
 * Undoing the class reweighting of a classifier trained with sample weights (class balancing).
 *
 * A model fitted with weights learns the class probabilities of the reweighted population, whose
 * class prior is π̃_k = W_k / W (W_k: the weight of class k's rows) instead of the training rows'
 * π_k = n_k / n. The class-conditional densities are the same in both populations, so Bayes' rule
 * gives the real probabilities back as p_k ∝ p̃_k · π_k / π̃_k. The shift is this per-class ratio;
 * applying it keeps the reported probabilities those of the real class balance, while the decision
 * rule (see export/decision.ts) is what may favour rare classes.
 */
import { AutoMLError } from '../util/errors.ts';
import type { ProbabilityMatrix } from './matrix.ts';

/**
 * Per-class factor π_k / π̃_k of weighted training rows, scaled so the largest factor is 1;
 * undefined when the weights leave the class prior as it was (no shift to apply).
 */
export function priorShiftOf(codes: Int32Array, nClasses: number, weights: Float64Array | undefined): Float64Array | undefined {
  if (weights === undefined) return undefined;
  const counts = new Float64Array(nClasses);
  const weighted = new Float64Array(nClasses);
  for (let i = 0; i < codes.length; i++) {
    counts[codes[i]!]! += 1;
    weighted[codes[i]!]! += weights[i]!;
  }
  const shift = new Float64Array(nClasses).fill(1);
  let largest = 0;
  for (let k = 0; k < nClasses; k++) {
    // A class without rows (or without weight) never gets probability from the model's data; 1 leaves it as predicted.
    if (counts[k]! > 0 && weighted[k]! > 0) shift[k] = counts[k]! / weighted[k]!;
    largest = Math.max(largest, shift[k]!);
  }
  let uniform = true;
  for (let k = 0; k < nClasses; k++) {
    shift[k]! /= largest;
    if (Math.abs(shift[k]! - 1) > 1e-12) uniform = false;
  }
  return uniform ? undefined : shift;
}

/** Multiplies each row's probabilities by the shift and renormalises, in place. */
export function applyPriorShift(proba: ProbabilityMatrix, shift: Float64Array): void {
  const { nRows, nClasses, data } = proba;
  if (shift.length !== nClasses) throw new AutoMLError('INTERNAL', `prior shift has ${shift.length} classes, the prediction ${nClasses}`);
  for (let i = 0; i < nRows; i++) {
    const at = i * nClasses;
    let sum = 0;
    for (let k = 0; k < nClasses; k++) sum += data[at + k]! * shift[k]!;
    // A row that is all zero stays so; the ensemble's floor (export/combine.ts) deals with it as before.
    if (sum > 0) for (let k = 0; k < nClasses; k++) data[at + k] = (data[at + k]! * shift[k]!) / sum;
  }
}

/** A saved shift read back: one positive finite factor per class, or a typed error. */
export function loadPriorShift(value: unknown, nClasses: number | undefined): Float64Array {
  const valid = Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'number' && Number.isFinite(v) && v > 0);
  if (!valid || (nClasses !== undefined && value.length !== nClasses)) {
    throw new AutoMLError('BAD_MODEL_FILE', `priorShift ${JSON.stringify(value)} is not one positive factor per class`);
  }
  return Float64Array.from(value as number[]);
}
