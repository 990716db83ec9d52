/**
 * The baseline every ensemble member has to beat: the class prior for classification, the mean
 * for regression, both taken from the rows being scored. A trial no better than this has learnt
 * nothing the ensemble could use.
 */
import type { Prediction, Truth } from '../metrics/prediction.ts';
import type { Scorer } from '../metrics/scorers.ts';
import { scoreToCost } from '../metrics/scorers.ts';

/** The same prediction for every row: class frequencies, or the mean value. */
export function dummyPrediction(truth: Truth): Prediction {
  if (truth.kind === 'regression') {
    const n = truth.values.length;
    let mean = 0;
    for (let i = 0; i < n; i++) mean += truth.values[i]!;
    mean = n > 0 ? mean / n : 0;
    return { kind: 'regression', values: new Float64Array(n).fill(mean) };
  }
  const { codes, nClasses } = truth;
  const nRows = codes.length;
  const prior = new Float64Array(nClasses);
  for (let i = 0; i < nRows; i++) prior[codes[i]!]! += 1;
  for (let k = 0; k < nClasses; k++) prior[k] = nRows > 0 ? prior[k]! / nRows : 1 / nClasses;
  const data = new Float64Array(nRows * nClasses);
  for (let i = 0; i < nRows; i++) data.set(prior, i * nClasses);
  return { kind: 'classification', proba: { nRows, nClasses, data } };
}

/** Cost of the dummy prediction under the scorer. */
export function dummyCost(truth: Truth, scorer: Scorer): number {
  return scoreToCost(scorer, scorer.score(truth, dummyPrediction(truth)));
}
