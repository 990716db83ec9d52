/**
 * Hyperparameters shared by decision trees and tree ensembles, their defaults and validation.
 * Keys use the hyperparameter names of the search space (snake_case) so a configuration maps
 * onto a params object without renaming.
 */
import { AutoMLError } from '../../../util/errors.ts';
import type { JsonObject, JsonValue } from '../../../util/json.ts';

export type ClassificationCriterion = 'gini' | 'entropy';
export type Splitter = 'best' | 'random';
/**
 * Features examined per split: a fraction of the feature count (at least one feature), or
 * 'sqrt' for floor(sqrt(d)) features, the usual choice for classification forests.
 */
export type MaxFeatures = number | 'sqrt';

/** How one tree grows; every tree model has these. */
export interface TreeGrowthParams {
  /** Deepest level a node may sit on (root = 0); null grows until the other limits stop it. */
  readonly max_depth: number | null;
  /** When set, max_depth = max(1, round(factor · d)) of the width d the tree receives, in place of max_depth. */
  readonly max_depth_factor: number | null;
  /** A node with fewer rows than this becomes a leaf. */
  readonly min_samples_split: number;
  /** Each child of a split keeps at least this many rows. */
  readonly min_samples_leaf: number;
  /** Each child keeps at least this fraction of the tree's total sample weight. */
  readonly min_weight_fraction_leaf: number;
  readonly max_features: MaxFeatures;
  /**
   * When set, features per split = floor(d^e) of the width d the tree receives, in place of
   * max_features: the search space states it as an exponent because the width after encoding
   * and feature preprocessing is known only at fit time.
   */
  readonly max_features_exponent: number | null;
  /** Grow best-first and stop at this many leaves; null grows depth-first without a cap. */
  readonly max_leaf_nodes: number | null;
  /** A split must lower the weighted impurity by at least this (as a fraction of the root's weight). */
  readonly min_impurity_decrease: number;
}

export const TREE_GROWTH_DEFAULTS: TreeGrowthParams = {
  max_depth: null,
  max_depth_factor: null,
  min_samples_split: 2,
  min_samples_leaf: 1,
  min_weight_fraction_leaf: 0,
  max_features: 1,
  max_features_exponent: null,
  max_leaf_nodes: null,
  min_impurity_decrease: 0,
};

/** The resolved per-tree settings the builder reads. */
export interface GrowthLimits {
  readonly maxDepth: number;
  readonly minSamplesSplit: number;
  readonly minSamplesLeaf: number;
  /** Absolute weight, resolved against the tree's total weight when it is grown. */
  readonly minWeightFractionLeaf: number;
  readonly featuresPerSplit: number;
  readonly maxLeafNodes: number;
  readonly minImpurityDecrease: number;
}

export function featuresPerSplit(maxFeatures: MaxFeatures, nFeatures: number): number {
  if (nFeatures === 0) return 0;
  // The small epsilon keeps e.g. 0.7 * 10 from flooring to 6 through rounding error.
  const count = maxFeatures === 'sqrt' ? Math.floor(Math.sqrt(nFeatures)) : Math.floor(maxFeatures * nFeatures + 1e-9);
  return Math.min(nFeatures, Math.max(1, count));
}

/** floor(d^e) features of d, at least one: e = 0.5 is √d whatever the width. */
export function featuresForExponent(exponent: number, nFeatures: number): number {
  if (nFeatures === 0) return 0;
  return Math.min(nFeatures, Math.max(1, Math.floor(nFeatures ** exponent + 1e-9)));
}

function maxDepthFor(params: TreeGrowthParams, nFeatures: number): number {
  if (params.max_depth_factor !== null) return Math.max(1, Math.round(params.max_depth_factor * nFeatures));
  return params.max_depth ?? Number.MAX_SAFE_INTEGER;
}

/** The limits for a tree that receives `nFeatures` columns (the width after all preprocessing). */
export function growthLimits(params: TreeGrowthParams, nFeatures: number): GrowthLimits {
  return {
    maxDepth: maxDepthFor(params, nFeatures),
    minSamplesSplit: params.min_samples_split,
    minSamplesLeaf: params.min_samples_leaf,
    minWeightFractionLeaf: params.min_weight_fraction_leaf,
    featuresPerSplit:
      params.max_features_exponent === null ? featuresPerSplit(params.max_features, nFeatures) : featuresForExponent(params.max_features_exponent, nFeatures),
    maxLeafNodes: params.max_leaf_nodes ?? Number.MAX_SAFE_INTEGER,
    minImpurityDecrease: params.min_impurity_decrease,
  };
}

function illegal(name: string, value: unknown, requirement: string): AutoMLError {
  return new AutoMLError('ILLEGAL_VALUE', `${name} = ${JSON.stringify(value)}: ${requirement}`);
}

function checkInteger(name: string, value: unknown, min: number): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw illegal(name, value, `expected an integer >= ${min}`);
  }
}

function checkNumber(name: string, value: unknown, min: number, max: number): void {
  if (typeof value !== 'number' || !(value >= min && value <= max)) {
    throw illegal(name, value, `expected a number in [${min}, ${max}]`);
  }
}

/** Throws AutoMLError('ILLEGAL_VALUE') naming the first out-of-range hyperparameter. */
export function validateGrowthParams(params: TreeGrowthParams): void {
  if (params.max_depth !== null) checkInteger('max_depth', params.max_depth, 1);
  if (params.max_depth_factor !== null) checkNumber('max_depth_factor', params.max_depth_factor, 0, Number.MAX_VALUE);
  if (params.max_features_exponent !== null) checkNumber('max_features_exponent', params.max_features_exponent, 0, 1);
  checkInteger('min_samples_split', params.min_samples_split, 2);
  checkInteger('min_samples_leaf', params.min_samples_leaf, 1);
  checkNumber('min_weight_fraction_leaf', params.min_weight_fraction_leaf, 0, 0.5);
  if (params.max_features !== 'sqrt') {
    const value = params.max_features;
    if (typeof value !== 'number' || !(value > 0 && value <= 1)) {
      throw illegal('max_features', value, "expected a fraction in (0, 1] or 'sqrt'");
    }
  }
  if (params.max_leaf_nodes !== null) checkInteger('max_leaf_nodes', params.max_leaf_nodes, 2);
  checkNumber('min_impurity_decrease', params.min_impurity_decrease, 0, Number.MAX_VALUE);
}

export function validateCriterion(value: unknown): void {
  if (value !== 'gini' && value !== 'entropy') throw illegal('criterion', value, "expected 'gini' or 'entropy'");
}

export function validateSplitter(value: unknown): void {
  if (value !== 'best' && value !== 'random') throw illegal('splitter', value, "expected 'best' or 'random'");
}

export function validateEstimatorCount(value: unknown): void {
  checkInteger('n_estimators', value, 1);
}

export function validateSeed(value: unknown): void {
  if (typeof value !== 'number' || !Number.isInteger(value)) throw illegal('seed', value, 'expected an integer');
}

/**
 * Params from constructor options: each key of `defaults` taken from `options` when given there
 * (null included), otherwise the default. Other keys of `options` (e.g. seed) are ignored.
 */
export function resolveParams<P extends object>(defaults: P, options: Partial<P>): P {
  const out: Record<string, unknown> = {};
  for (const [key, fallback] of Object.entries(defaults)) {
    const given: unknown = (options as Record<string, unknown>)[key];
    out[key] = given === undefined ? fallback : given;
  }
  return out as P;
}

export function validateBootstrap(value: unknown): void {
  if (typeof value !== 'boolean') throw illegal('bootstrap', value, 'expected true or false');
}

/**
 * Copies the known keys of a params object from saved state, keeping defaults for keys the
 * state lacks; the caller validates the result. Only JSON primitives are accepted.
 */
export function paramsFromJson<P extends object>(defaults: P, saved: JsonValue | undefined): P {
  if (typeof saved !== 'object' || saved === null || Array.isArray(saved)) {
    throw new AutoMLError('BAD_MODEL_FILE', 'model state: params must be an object');
  }
  const out: Record<string, JsonValue> = {};
  for (const [key, fallback] of Object.entries(defaults)) {
    const value = saved[key];
    if (value !== undefined && typeof value === 'object' && value !== null) {
      throw new AutoMLError('BAD_MODEL_FILE', `model state: params.${key} must be a number, string, boolean or null`);
    }
    out[key] = value === undefined ? (fallback as JsonValue) : value;
  }
  return out as P;
}

export function paramsToJson(params: object): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(params)) out[key] = value as JsonValue;
  return out;
}
