/**
 * Refuses non-finite predictions. A NaN probability or value is never a prediction: it comes from
 * a model whose arithmetic overflowed (a damaged file, or an input value far beyond anything seen
 * in training), and passed on it would print as "NaN" or break whatever ranks or sums it.
 */
import type { Prediction } from '../metrics/prediction.ts';
import { AutoMLError } from '../util/errors.ts';

/** `who` names the source, e.g. "ensemble member 2 (logistic_regression)"; rows count from `firstRow`. */
export function checkFinitePrediction(prediction: Prediction, who: string, firstRow = 0): void {
  const data = prediction.kind === 'classification' ? prediction.proba.data : prediction.values;
  const perRow = prediction.kind === 'classification' ? prediction.proba.nClasses : 1;
  for (let i = 0; i < data.length; i++) {
    const value = data[i]!;
    if (Number.isFinite(value)) continue;
    const row = firstRow + Math.floor(i / perRow) + 1;
    const what = prediction.kind === 'classification' ? 'probability' : 'prediction';
    throw new AutoMLError('DEGENERATE_INPUT', `${who} gives a non-finite ${what} (${value}) for data row ${row}`, {
      hint: 'the model file may be damaged (refit it), or that row holds values far outside the training data',
    });
  }
}
