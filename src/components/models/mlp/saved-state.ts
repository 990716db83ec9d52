/**
 * Saved MLP state: hyperparameters, the network's float32 weights (as exact JSON numbers) and a
 * training summary. A saved file is untrusted input, so every size and value is checked and any
 * problem is BAD_MODEL_FILE.
 */
import { BACKEND_NAMES, type BackendName } from '../../backend/types.ts';
import { encodeFloats, isJsonObject, type JsonObject, type JsonValue } from '../../../util/json.ts';
import {
  badModelFile, readFiniteFloats, readInteger, readNumber, readObject, readString, rebuildOrThrow,
} from '../linear/state.ts';
import type { TrainingSummary } from './fit-network.ts';
import type { DenseLayer, Network } from './network.ts';
import { isActivation, isEarlyStopping, MLP_TYPE, resolveMlpParams, type MlpParams } from './params.ts';

export function encodeParams(params: MlpParams): JsonObject {
  return { ...params };
}

export function decodeParams(state: JsonObject): MlpParams {
  const saved = readObject(state, 'params', MLP_TYPE);
  const activation = readString(saved, 'activation', MLP_TYPE);
  if (!isActivation(activation)) throw badModelFile(MLP_TYPE, `unknown activation "${activation}"`);
  const earlyStopping = readString(saved, 'early_stopping', MLP_TYPE);
  if (!isEarlyStopping(earlyStopping)) throw badModelFile(MLP_TYPE, `unknown early_stopping "${earlyStopping}"`);
  const batchSize = saved['batch_size'] === 'auto' ? 'auto' : readInteger(saved, 'batch_size', MLP_TYPE, 1);
  return rebuildOrThrow(MLP_TYPE, () => resolveMlpParams({
    hidden_layer_depth: readInteger(saved, 'hidden_layer_depth', MLP_TYPE, 1),
    num_nodes_per_layer: readInteger(saved, 'num_nodes_per_layer', MLP_TYPE, 1),
    activation,
    alpha: readNumber(saved, 'alpha', MLP_TYPE),
    learning_rate_init: readNumber(saved, 'learning_rate_init', MLP_TYPE),
    batch_size: batchSize,
    max_epochs: readInteger(saved, 'max_epochs', MLP_TYPE, 1),
    early_stopping: earlyStopping,
    validation_fraction: readNumber(saved, 'validation_fraction', MLP_TYPE),
    n_iter_no_change: readInteger(saved, 'n_iter_no_change', MLP_TYPE, 1),
    tol: readNumber(saved, 'tol', MLP_TYPE),
    seed: readNumber(saved, 'seed', MLP_TYPE),
  }));
}

export function encodeNetwork(network: Network): JsonObject {
  return {
    activation: network.activation,
    layers: network.layers.map((layer): JsonValue => ({
      nIn: layer.nIn,
      nOut: layer.nOut,
      weights: encodeFloats(layer.weights),
      bias: encodeFloats(layer.bias),
    })),
  };
}

/** The saved network, checked to map `nIn` inputs through chained layers to `nOut` outputs. */
export function decodeNetwork(state: JsonObject, nIn: number, nOut: number, hiddenLayers: number): Network {
  const saved = readObject(state, 'network', MLP_TYPE);
  const activation = readString(saved, 'activation', MLP_TYPE);
  if (!isActivation(activation)) throw badModelFile(MLP_TYPE, `unknown activation "${activation}"`);
  const savedLayers = saved['layers'];
  if (!Array.isArray(savedLayers) || savedLayers.length !== hiddenLayers + 1) {
    throw badModelFile(MLP_TYPE, `"network.layers" must list ${hiddenLayers + 1} layers`);
  }
  let width = nIn;
  const layers = savedLayers.map((value, l): DenseLayer => {
    if (!isJsonObject(value)) throw badModelFile(MLP_TYPE, `network layer ${l} must be an object`);
    const layerIn = readInteger(value, 'nIn', MLP_TYPE, 1);
    const layerOut = readInteger(value, 'nOut', MLP_TYPE, 1);
    if (layerIn !== width) throw badModelFile(MLP_TYPE, `network layer ${l} takes ${layerIn} inputs, expected ${width}`);
    width = layerOut;
    return {
      nIn: layerIn,
      nOut: layerOut,
      weights: readFiniteFloats(value, 'weights', MLP_TYPE, layerIn * layerOut),
      bias: readFiniteFloats(value, 'bias', MLP_TYPE, layerOut),
    };
  });
  if (width !== nOut) throw badModelFile(MLP_TYPE, `the network has ${width} outputs, expected ${nOut}`);
  return { activation, layers };
}

export function encodeSummary(summary: TrainingSummary): JsonObject {
  return { ...summary };
}

export function decodeSummary(state: JsonObject): TrainingSummary {
  const saved = readObject(state, 'training', MLP_TYPE);
  const backend = readString(saved, 'backend', MLP_TYPE);
  if (!(BACKEND_NAMES as readonly string[]).includes(backend)) throw badModelFile(MLP_TYPE, `unknown training backend "${backend}"`);
  return {
    epochs: readInteger(saved, 'epochs', MLP_TYPE, 0),
    bestEpoch: readInteger(saved, 'bestEpoch', MLP_TYPE, 0),
    backend: backend as BackendName,
  };
}
