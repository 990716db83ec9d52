/** Weighted average of member predictions: the ensemble's output. */
import type { Prediction } from '../metrics/prediction.ts';
import { AutoMLError } from '../util/errors.ts';

export function combinePredictions(outputs: readonly Prediction[], weights: Float64Array): Prediction {
  const first = outputs[0];
  if (first === undefined) throw new AutoMLError('INTERNAL', 'an ensemble needs at least one member');
  if (outputs.length === 1) return first;
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
