/**
 * Input checks shared by the linear models. Every fit and predict goes through here first, so
 * the solvers can assume finite values, consistent lengths and weights that sum to one.
 */
import { checkSampleWeights } from '../input-checks.ts';

export { checkClassLabels, checkFeatures, checkHasRows, checkTargets } from '../input-checks.ts';

export interface NormalisedWeights {
  /** One weight per row, non-negative, summing to 1. */
  readonly weights: Float64Array;
  /** Sum of the weights as given (nRows when none were given). */
  readonly total: number;
}

/**
 * Rescales sample weights to sum to one, so that the solvers work on a weighted mean loss whose
 * size does not depend on the number of rows or on the unit of the weights.
 */
export function normaliseWeights(nRows: number, sampleWeight: Float64Array | undefined, what: string): NormalisedWeights {
  const weights = new Float64Array(nRows);
  if (sampleWeight === undefined) {
    weights.fill(1 / nRows);
    return { weights, total: nRows };
  }
  const total = checkSampleWeights(nRows, sampleWeight, what);
  for (let i = 0; i < nRows; i++) weights[i] = sampleWeight[i]! / total;
  return { weights, total };
}
