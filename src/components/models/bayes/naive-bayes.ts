/**
 * What the naive Bayes classifiers share: per-class sums of feature values, and the saved form
 * of their common fitted state (feature and class counts, log priors). Each class's scores are
 * log prior + Σ per-feature log likelihood; features are assumed independent given the class.
 */
import type { FeatureMatrix } from '../../matrix.ts';
import type { StateReader } from '../neighbors/saved-state.ts';
import { encodeFloats } from '../../../util/json.ts';
import type { JsonObject } from '../../../util/json.ts';

/** Fitted state every naive Bayes model has. */
export interface NaiveBayesBase {
  readonly nFeatures: number;
  readonly nClasses: number;
  /** log class prior; -Infinity for a class absent from training (with fitted priors). */
  readonly logPriors: Float64Array;
}

/**
 * Σ weight × value per class and feature, class-major (k * nFeatures + j). With `threshold`,
 * values are first binarised: 1 above it, 0 otherwise.
 */
export function classFeatureSums(
  x: FeatureMatrix,
  y: Int32Array,
  weights: Float64Array,
  nClasses: number,
  threshold?: number,
): Float64Array {
  const d = x.columns.length;
  const sums = new Float64Array(nClasses * d);
  for (let j = 0; j < d; j++) {
    const column = x.columns[j]!;
    for (let i = 0; i < x.nRows; i++) {
      const value = threshold === undefined ? column[i]! : column[i]! > threshold ? 1 : 0;
      sums[y[i]! * d + j]! += weights[i]! * value;
    }
  }
  return sums;
}

export function encodeNaiveBayesBase(base: NaiveBayesBase): JsonObject {
  return { nFeatures: base.nFeatures, nClasses: base.nClasses, logPriors: encodeFloats(base.logPriors) };
}

export function decodeNaiveBayesBase(reader: StateReader): NaiveBayesBase {
  const nFeatures = reader.integer('nFeatures', 0);
  const nClasses = reader.integer('nClasses', 1);
  const logPriors = reader.floats('logPriors', nClasses, true);
  if (logPriors.some((value) => value === Infinity) || logPriors.every((value) => value === -Infinity)) {
    reader.fail('logPriors must be finite or -Infinity, with at least one finite');
  }
  return { nFeatures, nClasses, logPriors };
}
