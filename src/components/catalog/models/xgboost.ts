/**
 * XGBoost (native library or wasm, see models/xgboost): both tasks. Ranges follow Auto-sklearn's
 * and FLAML's XGBoost spaces: log scales for the learning rate, rounds, child weight and both
 * penalties; row and column sampling on linear scales.
 */
import type { ComponentSpec } from '../../component.ts';
import { numberParam } from '../../component.ts';
import type { Model } from '../../model.ts';
import type { Configuration } from '../../../space/index.ts';
import { XgboostClassifier, XgboostRegressor, type XgboostParams } from '../../models/xgboost/index.ts';
import { emptySpace, float, integer } from '../space-helpers.ts';

function xgboostSpace() {
  return emptySpace().addHyperparameters([
    integer('n_estimators', 16, 512, 100, true),
    float('eta', 0.01, 1, 0.1, true),
    integer('max_depth', 1, 12, 6),
    float('min_child_weight', 0.001, 128, 1, true),
    float('subsample', 0.5, 1, 1),
    float('colsample_bytree', 0.3, 1, 1),
    float('lambda', 0.0009765625, 1024, 1, true),
    float('alpha', 0.0009765625, 1024, 0.0009765625, true),
  ]);
}

function xgboostParams(params: Configuration, seed: number): Partial<XgboostParams> {
  return {
    n_estimators: numberParam(params, 'n_estimators'),
    eta: numberParam(params, 'eta'),
    max_depth: numberParam(params, 'max_depth'),
    min_child_weight: numberParam(params, 'min_child_weight'),
    subsample: numberParam(params, 'subsample'),
    colsample_bytree: numberParam(params, 'colsample_bytree'),
    lambda: numberParam(params, 'lambda'),
    alpha: numberParam(params, 'alpha'),
    seed,
  };
}

export const XGBOOST_CLASSIFIER: ComponentSpec<Model> = {
  id: 'xgboost',
  families: ['classification'],
  space: xgboostSpace,
  create: (params, seed) => new XgboostClassifier(xgboostParams(params, seed)),
};

export const XGBOOST_REGRESSOR: ComponentSpec<Model> = {
  id: 'xgboost',
  families: ['regression'],
  space: xgboostSpace,
  create: (params, seed) => new XgboostRegressor(xgboostParams(params, seed)),
};
