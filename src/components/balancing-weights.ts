/** Per-row sample weights of a pipeline's balancing choice (undefined = unweighted). */
import type { Target } from '../data/dataset.ts';
import { classWeights, type BalancingStrategy } from './preprocessing/balancing.ts';

export function sampleWeightsFor(target: Target, balancing: BalancingStrategy): Float64Array | undefined {
  if (balancing === 'none' || target.kind !== 'classification') return undefined;
  return classWeights(target.codes, target.classes.length, balancing);
}
