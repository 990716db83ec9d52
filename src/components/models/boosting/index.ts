/** Histogram gradient-boosted trees: public surface. */
import { AutoMLError } from '../../../util/errors.ts';
import type { JsonObject } from '../../../util/json.ts';
import { HistGradientBoostingClassifier } from './classifier.ts';
import { HistGradientBoostingRegressor } from './regressor.ts';

export { HistGradientBoostingClassifier } from './classifier.ts';
export { HistGradientBoostingRegressor } from './regressor.ts';
export { HIST_GRADIENT_BOOSTING_DEFAULTS, type HistGradientBoostingParams } from './params.ts';
export { GRADIENT_BOOSTING_TYPE } from './state.ts';

/**
 * Loader for the registry: both classes save under the one type "gradient_boosting", and the
 * state's task picks the class.
 */
export function loadGradientBoosting(state: JsonObject): HistGradientBoostingClassifier | HistGradientBoostingRegressor {
  if (state['task'] === 'classification') return HistGradientBoostingClassifier.fromJSON(state);
  if (state['task'] === 'regression') return HistGradientBoostingRegressor.fromJSON(state);
  throw new AutoMLError('BAD_MODEL_FILE', 'gradient_boosting: state.task must be "classification" or "regression"');
}
