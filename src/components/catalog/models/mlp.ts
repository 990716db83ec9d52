/**
 * Multi-layer perceptron trained with Adam on tfjs (backend chosen at run time), both tasks.
 * Rates and regularisation on log scales; early stopping on a validation slice bounds the epochs.
 */
import type { ComponentSpec } from '../../component.ts';
import { numberParam, stringParam } from '../../component.ts';
import type { Model } from '../../model.ts';
import type { Configuration } from '../../../space/index.ts';
import { MlpClassifier, MlpRegressor, type Activation } from '../../models/mlp/index.ts';
import { categorical, emptySpace, float, integer } from '../space-helpers.ts';

function mlpSpace() {
  return emptySpace().addHyperparameters([
    integer('hidden_layer_depth', 1, 3, 1),
    integer('num_nodes_per_layer', 16, 264, 32, true),
    categorical('activation', ['relu', 'tanh'], 'relu'),
    float('alpha', 1e-7, 1e-1, 1e-4, true),
    float('learning_rate_init', 1e-4, 0.5, 1e-3, true),
  ]);
}

/**
 * `max_epochs` is no search dimension (early stopping bounds the epochs), but a trial below full
 * fidelity (search/fidelity) passes a smaller cap under that name.
 */
function mlpParams(params: Configuration, seed: number) {
  const epochs = params['max_epochs'];
  return {
    ...(typeof epochs === 'number' ? { max_epochs: epochs } : {}),
    hidden_layer_depth: numberParam(params, 'hidden_layer_depth'),
    num_nodes_per_layer: numberParam(params, 'num_nodes_per_layer'),
    activation: stringParam(params, 'activation') as Activation,
    alpha: numberParam(params, 'alpha'),
    learning_rate_init: numberParam(params, 'learning_rate_init'),
    seed,
  };
}

export const MLP_CLASSIFIER: ComponentSpec<Model> = {
  id: 'mlp',
  families: ['classification'],
  space: mlpSpace,
  create: (params, seed) => new MlpClassifier(mlpParams(params, seed)),
};

export const MLP_REGRESSOR: ComponentSpec<Model> = {
  id: 'mlp',
  families: ['regression'],
  space: mlpSpace,
  create: (params, seed) => new MlpRegressor(mlpParams(params, seed)),
};
