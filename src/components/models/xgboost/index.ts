/** XGBoost with a native and a wasm engine: public surface. */
export { XgboostClassifier, XgboostRegressor, loadXgboost, XGBOOST_TYPE } from './xgboost-model.ts';
export { XGBOOST_DEFAULTS, XGBOOST_ENGINES, type XgboostEngineName, type XgboostEnginePreference, type XgboostParams } from './params.ts';
export { prepareXgboost, resolveXgboostEngine, setNativeLoader, xgboostEngineStatus, effectivePreference, XGBOOST_ENGINE_ENV, type EngineStatus } from './select-engine.ts';
export { xgboostEnginesUsed } from './engines-used.ts';
