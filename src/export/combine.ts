/**
 * Weighted average of member predictions: the ensemble's output.
 *
 * Class probabilities leave here floored at PROBABILITY_FLOOR and renormalised. Why: a member
 * that is certain (a pure tree leaf, a lone neighbour, a naive Bayes product) can say exactly 0
 * for the true class, and when every member does, one such row costs the deployed model a log
 * loss of ~34.5 (the metric's 1e-15 clip). The floor bounds that at −ln(1e-6) ≈ 13.8 and moves
 * no probability by more than nClasses · 1e-6, so the predicted class only changes where classes
 * were already within that of each other.
 */
import type { Prediction } from '../metrics/prediction.ts';
import type { ProbabilityMatrix } from '../components/matrix.ts';
import { AutoMLError } from '../util/errors.ts';

export const PROBABILITY_FLOOR = 1e-6;

/** Raises every probability below the floor to it and rescales each row to sum to 1, in place. */
export function floorProbabilities(proba: ProbabilityMatrix): void {
  const { nRows, nClasses, data } = proba;
  for (let i = 0; i < nRows; i++) {
    const at = i * nClasses;
    let sum = 0;
    let raised = false;
    for (let k = 0; k < nClasses; k++) {
      const p = data[at + k]!;
      if (p < PROBABILITY_FLOOR) {
        data[at + k] = PROBABILITY_FLOOR;
        raised = true;
      }
      sum += data[at + k]!;
    }
    if (raised) for (let k = 0; k < nClasses; k++) data[at + k]! /= sum;
  }
}

/** Weighted sum of predictions of one kind into fresh arrays (nothing floored). */
function weightedSum(outputs: readonly Prediction[], weights: Float64Array): Prediction {
  const first = outputs[0];
  if (first === undefined) throw new AutoMLError('INTERNAL', 'an ensemble needs at least one member');
  if (first.kind === 'classification') {
    const { nRows, nClasses } = first.proba;
    const data = new Float64Array(nRows * nClasses);
    outputs.forEach((output, m) => {
      if (output.kind !== 'classification') throw new AutoMLError('INTERNAL', 'mixed ensemble outputs');
      const w = weights[m]!;
      const source = output.proba.data;
      for (let i = 0; i < data.length; i++) data[i]! += w * source[i]!;
    });
    return { kind: 'classification', proba: { nRows, nClasses, data } };
  }
  const values = new Float64Array(first.values.length);
  outputs.forEach((output, m) => {
    if (output.kind !== 'regression') throw new AutoMLError('INTERNAL', 'mixed ensemble outputs');
    const w = weights[m]!;
    for (let i = 0; i < values.length; i++) values[i]! += w * output.values[i]!;
  });
  return { kind: 'regression', values };
}

/** Plain mean of the predictions of one member's fold pipelines (unfloored; one output passes through). */
export function averagePredictions(outputs: readonly Prediction[]): Prediction {
  if (outputs.length === 1) return outputs[0]!;
  return weightedSum(outputs, new Float64Array(outputs.length).fill(1 / outputs.length));
}

/** The ensemble's output: members weighted, class probabilities floored (see above). */
export function combinePredictions(outputs: readonly Prediction[], weights: Float64Array): Prediction {
  const first = outputs[0];
  if (first === undefined) throw new AutoMLError('INTERNAL', 'an ensemble needs at least one member');
  if (first.kind === 'regression' && outputs.length === 1) return first;
  // A single member's output is copied: flooring must not write into a model's own arrays.
  const combined =
    outputs.length === 1 && first.kind === 'classification'
      ? { kind: 'classification' as const, proba: { ...first.proba, data: Float64Array.from(first.proba.data) } }
      : weightedSum(outputs, weights);
  if (combined.kind === 'classification') floorProbabilities(combined.proba);
  return combined;
}
