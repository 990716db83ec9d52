/**
 * Hyperparameters of the histogram gradient-boosted trees, their defaults and their validation.
 * Names follow the search-space conventions (snake_case) so a configuration maps onto them 1:1.
 */
import { AutoMLError } from '../../../util/errors.ts';
import type { JsonObject } from '../../../util/json.ts';

export interface HistGradientBoostingParams {
  /** Shrinkage applied to every leaf value (eta). */
  readonly learning_rate: number;
  /** Maximum number of boosting rounds; a round adds one tree per output (per class when multiclass). */
  readonly max_iter: number;
  /** Leaf budget per tree; growth is best-first (largest gain first). null = unlimited. */
  readonly max_leaf_nodes: number | null;
  /** Depth limit per tree (root has depth 0). null = unlimited. */
  readonly max_depth: number | null;
  /** Minimum number of training rows in each leaf. */
  readonly min_samples_leaf: number;
  /** Minimum hessian sum in each leaf (guards against near-pure leaves with exploding values). */
  readonly min_child_weight: number;
  /** L2 penalty on leaf values (lambda). */
  readonly l2_regularization: number;
  /** L1 penalty on leaf values (alpha): the gradient sum is soft-thresholded by it. */
  readonly l1_regularization: number;
  /** Number of quantile bins per feature, 2..255. */
  readonly max_bins: number;
  /** Fraction of training rows drawn (without replacement) for each round. */
  readonly subsample: number;
  /** Fraction of features available to each tree. */
  readonly colsample_bytree: number;
  /** 'auto' turns early stopping on when there are more than 10 000 rows. */
  readonly early_stopping: 'auto' | boolean;
  /** Share of the rows held out to monitor early stopping (stratified for classification). */
  readonly validation_fraction: number;
  /** Rounds without improvement of the held-out loss before stopping. */
  readonly n_iter_no_change: number;
  /** Minimum decrease of the held-out loss that counts as an improvement. */
  readonly tol: number;
  readonly seed: number;
}

export const HIST_GRADIENT_BOOSTING_DEFAULTS: HistGradientBoostingParams = Object.freeze({
  learning_rate: 0.1,
  max_iter: 100,
  max_leaf_nodes: 31,
  max_depth: null,
  min_samples_leaf: 20,
  min_child_weight: 1e-3,
  l2_regularization: 0,
  l1_regularization: 0,
  max_bins: 255,
  subsample: 1,
  colsample_bytree: 1,
  early_stopping: 'auto',
  validation_fraction: 0.1,
  n_iter_no_change: 10,
  tol: 1e-7,
  seed: 0,
});

/** Row count above which early_stopping 'auto' switches on. */
export const AUTO_EARLY_STOPPING_ROWS = 10_000;

/** Merges user values over the defaults and checks every value's range. */
export function resolveParams(overrides: Partial<HistGradientBoostingParams> = {}): HistGradientBoostingParams {
  const params: HistGradientBoostingParams = { ...HIST_GRADIENT_BOOSTING_DEFAULTS, ...overrides };
  checkRange('learning_rate', params.learning_rate, 0, Infinity, false);
  checkInteger('max_iter', params.max_iter, 1);
  if (params.max_leaf_nodes !== null) checkInteger('max_leaf_nodes', params.max_leaf_nodes, 2);
  if (params.max_depth !== null) checkInteger('max_depth', params.max_depth, 1);
  checkInteger('min_samples_leaf', params.min_samples_leaf, 1);
  checkRange('min_child_weight', params.min_child_weight, 0, Infinity, true);
  checkRange('l2_regularization', params.l2_regularization, 0, Infinity, true);
  checkRange('l1_regularization', params.l1_regularization, 0, Infinity, true);
  checkInteger('max_bins', params.max_bins, 2);
  if (params.max_bins > 255) illegal('max_bins', params.max_bins, 'at most 255');
  checkRange('subsample', params.subsample, 0, 1, false);
  checkRange('colsample_bytree', params.colsample_bytree, 0, 1, false);
  if (params.early_stopping !== 'auto' && typeof params.early_stopping !== 'boolean') {
    illegal('early_stopping', params.early_stopping, "'auto', true or false");
  }
  checkRange('validation_fraction', params.validation_fraction, 0, 1, false);
  if (params.validation_fraction >= 1) illegal('validation_fraction', params.validation_fraction, 'below 1');
  checkInteger('n_iter_no_change', params.n_iter_no_change, 1);
  checkRange('tol', params.tol, 0, Infinity, true);
  if (!Number.isInteger(params.seed)) illegal('seed', params.seed, 'an integer');
  return params;
}

/** Whether early stopping applies to a fit on `nRows` rows. */
export function earlyStoppingEnabled(params: HistGradientBoostingParams, nRows: number): boolean {
  return params.early_stopping === 'auto' ? nRows > AUTO_EARLY_STOPPING_ROWS : params.early_stopping;
}

export function paramsToJson(params: HistGradientBoostingParams): JsonObject {
  return { ...params };
}

/**
 * Reads params back from saved state; any invalid value is reported as a bad model file. The
 * params only describe how the trees were trained (prediction never reads them), so a key
 * missing from an older file takes its default.
 */
export function paramsFromJson(value: unknown): HistGradientBoostingParams {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new AutoMLError('BAD_MODEL_FILE', 'gradient_boosting: params must be an object');
  }
  const source = value as Record<string, unknown>;
  const overrides: Record<string, unknown> = {};
  for (const key of Object.keys(HIST_GRADIENT_BOOSTING_DEFAULTS)) {
    if (key in source) overrides[key] = source[key];
  }
  try {
    return resolveParams(overrides as Partial<HistGradientBoostingParams>);
  } catch (error) {
    throw new AutoMLError('BAD_MODEL_FILE', `gradient_boosting: ${(error as Error).message}`, { cause: error });
  }
}

function checkRange(name: string, value: unknown, low: number, high: number, lowInclusive: boolean): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) illegal(name, value, 'a finite number');
  const ok = (lowInclusive ? value >= low : value > low) && value <= high;
  if (!ok) illegal(name, value, `in ${lowInclusive ? '[' : '('}${low}, ${high}]`);
}

function checkInteger(name: string, value: unknown, min: number): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    illegal(name, value, `an integer >= ${min}`);
  }
}

function illegal(name: string, value: unknown, expected: string): never {
  throw new AutoMLError('ILLEGAL_VALUE', `gradient_boosting: ${name} must be ${expected}, got ${JSON.stringify(value)}`);
}
