/** Multi-layer perceptrons: one saved type, "mlp", for both tasks; the state records which. */
import type { Model } from '../../model.ts';
import type { JsonObject } from '../../../util/json.ts';
import { badModelFile } from '../linear/state.ts';
import { MlpClassifier } from './mlp-classifier.ts';
import { MlpRegressor } from './mlp-regressor.ts';
import { MLP_TYPE } from './params.ts';

export { MlpClassifier } from './mlp-classifier.ts';
export { MlpRegressor } from './mlp-regressor.ts';
export { ACTIVATIONS, MLP_DEFAULTS, MLP_TYPE, resolveMlpParams } from './params.ts';
export type { Activation, EarlyStopping, MlpParams } from './params.ts';
export type { TrainingSummary } from './fit-network.ts';

/** Loader for the model registry: dispatches on the task recorded in the state. */
export function loadMlp(state: JsonObject): Model {
  const task = state['task'];
  if (task === 'classification') return MlpClassifier.fromJSON(state);
  if (task === 'regression') return MlpRegressor.fromJSON(state);
  throw badModelFile(MLP_TYPE, `"task" must be "classification" or "regression"`);
}
