/**
 * Class balancing for classification, expressed as per-row sample weights that models accept in
 * `fit`. With 'weighting' every class present in the training rows gets the same total weight
 * (inverse class frequency), normalised so that the weights average 1 and learning rates,
 * regularisation strengths and the like keep their meaning.
 */
import { AutoMLError } from '../../util/errors.ts';

export const BALANCING_STRATEGIES = ['none', 'weighting'] as const;
export type BalancingStrategy = (typeof BALANCING_STRATEGIES)[number];

/**
 * Sample weight per row.
 * @param codes class index per training row, 0..nClasses−1
 */
export function classWeights(codes: Int32Array, nClasses: number, strategy: BalancingStrategy): Float64Array {
  if (!Number.isInteger(nClasses) || nClasses < 1) {
    throw new AutoMLError('BAD_INPUT', `classWeights: nClasses must be a positive integer, got ${nClasses}`);
  }
  if (!BALANCING_STRATEGIES.includes(strategy)) {
    throw new AutoMLError('ILLEGAL_VALUE', `classWeights: unknown strategy "${String(strategy)}"`);
  }
  const weights = new Float64Array(codes.length).fill(1);
  const counts = new Float64Array(nClasses);
  for (const code of codes) {
    if (!(code >= 0 && code < nClasses)) {
      throw new AutoMLError('BAD_INPUT', `classWeights: class code ${code} outside 0..${nClasses - 1}`);
    }
    counts[code]!++;
  }
  if (strategy === 'none' || codes.length === 0) return weights;
  const present = counts.reduce((n, count) => (count > 0 ? n + 1 : n), 0);
  // n / (present · count) gives each present class a total weight of n / present: the mean is exactly 1.
  for (let i = 0; i < codes.length; i++) weights[i] = codes.length / (present * counts[codes[i]!]!);
  return weights;
}
