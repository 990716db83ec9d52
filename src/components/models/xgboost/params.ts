/**
 * XGBoost hyperparameters, named as XGBoost names them, and the engine names. The same values
 * drive either engine; only the engine-specific extras (tree method, threads) differ.
 */
import { AutoMLError } from '../../../util/errors.ts';
import { isJsonObject, type JsonObject } from '../../../util/json.ts';

export const XGBOOST_ENGINES = ['native', 'wasm'] as const;
export type XgboostEngineName = (typeof XGBOOST_ENGINES)[number];
export type XgboostEnginePreference = 'auto' | XgboostEngineName;

export function isXgboostEnginePreference(value: unknown): value is XgboostEnginePreference {
  return value === 'auto' || value === 'native' || value === 'wasm';
}

export interface XgboostParams {
  /** Boosting rounds. */
  readonly n_estimators: number;
  /** Learning rate (shrinkage of every tree). */
  readonly eta: number;
  readonly max_depth: number;
  readonly min_child_weight: number;
  /** Row fraction drawn per round. */
  readonly subsample: number;
  /** Feature fraction drawn per tree. */
  readonly colsample_bytree: number;
  /** L2 penalty on leaf weights. */
  readonly lambda: number;
  /** L1 penalty on leaf weights. */
  readonly alpha: number;
  readonly seed: number;
  /** Which engine trains; `auto` = native when the system library loads, else wasm. */
  readonly engine: XgboostEnginePreference;
}

export const XGBOOST_DEFAULTS: XgboostParams = {
  n_estimators: 100,
  eta: 0.1,
  max_depth: 6,
  min_child_weight: 1,
  subsample: 1,
  colsample_bytree: 1,
  lambda: 1,
  alpha: 0.0009765625,
  seed: 0,
  engine: 'auto',
};

const NUMERIC_KEYS = ['n_estimators', 'eta', 'max_depth', 'min_child_weight', 'subsample', 'colsample_bytree', 'lambda', 'alpha', 'seed'] as const;

export function resolveXgboostParams(given: Partial<XgboostParams>): XgboostParams {
  const params = { ...XGBOOST_DEFAULTS, ...given };
  const bad = (name: string, rule: string) => new AutoMLError('BAD_OPTION', `xgboost: ${name} must be ${rule}, got ${String(params[name as keyof XgboostParams])}`);
  if (!Number.isInteger(params.n_estimators) || params.n_estimators < 1) throw bad('n_estimators', 'an integer >= 1');
  if (!(params.eta > 0 && params.eta <= 1)) throw bad('eta', 'in (0, 1]');
  if (!Number.isInteger(params.max_depth) || params.max_depth < 1) throw bad('max_depth', 'an integer >= 1');
  if (!(params.min_child_weight >= 0)) throw bad('min_child_weight', '>= 0');
  if (!(params.subsample > 0 && params.subsample <= 1)) throw bad('subsample', 'in (0, 1]');
  if (!(params.colsample_bytree > 0 && params.colsample_bytree <= 1)) throw bad('colsample_bytree', 'in (0, 1]');
  if (!(params.lambda >= 0)) throw bad('lambda', '>= 0');
  if (!(params.alpha >= 0)) throw bad('alpha', '>= 0');
  if (!isXgboostEnginePreference(params.engine)) throw bad('engine', 'auto, native or wasm');
  return params;
}

export function xgboostParamsToJson(params: XgboostParams): JsonObject {
  return { ...params };
}

export function xgboostParamsFromJson(value: unknown): Partial<XgboostParams> {
  if (!isJsonObject(value)) throw new AutoMLError('BAD_MODEL_FILE', 'xgboost: state.params must be an object');
  const out: Record<string, number | string> = {};
  for (const key of NUMERIC_KEYS) {
    const v = value[key];
    if (typeof v !== 'number') throw new AutoMLError('BAD_MODEL_FILE', `xgboost: state.params.${key} must be a number`);
    out[key] = v;
  }
  const engine = value['engine'];
  if (engine !== undefined) {
    if (!isXgboostEnginePreference(engine)) throw new AutoMLError('BAD_MODEL_FILE', 'xgboost: state.params.engine must be auto, native or wasm');
    out['engine'] = engine;
  }
  return out as Partial<XgboostParams>;
}

/**
 * The booster parameters both engines receive. One thread: trials already run in parallel
 * worker threads, and a single thread keeps results independent of the machine's core count.
 */
export function boosterParameters(params: XgboostParams, objective: string, nClasses: number, baseScore: number): [string, string][] {
  const pairs: [string, string][] = [
    ['booster', 'gbtree'],
    ['objective', objective],
    ['eta', String(params.eta)],
    ['max_depth', String(params.max_depth)],
    ['min_child_weight', String(params.min_child_weight)],
    ['subsample', String(params.subsample)],
    ['colsample_bytree', String(params.colsample_bytree)],
    ['lambda', String(params.lambda)],
    ['alpha', String(params.alpha)],
    // Both engines read the seed as a signed 32-bit integer (the wasm build aborts beyond it).
    ['seed', String((params.seed >>> 0) & 0x7fffffff)],
    ['nthread', '1'],
    ['base_score', String(baseScore)],
  ];
  if (nClasses > 2) pairs.push(['num_class', String(nClasses)]);
  return pairs;
}
