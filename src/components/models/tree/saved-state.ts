/**
 * The saved form shared by every tree model:
 *   { version, task, seed, params, nFeatures, nClasses (classification only), trees: [FlatTree...] }
 * Reading validates every field and throws AutoMLError('BAD_MODEL_FILE') on anything malformed.
 */
import { AutoMLError, isAutoMLError } from '../../../util/errors.ts';
import { isJsonObject } from '../../../util/json.ts';
import type { JsonObject, JsonValue } from '../../../util/json.ts';
import { FlatTree } from './flat-tree.ts';

export const TREE_STATE_VERSION = 1;

export type TreeTask = 'classification' | 'regression';

export interface TreeModelState {
  readonly task: TreeTask;
  readonly seed: number;
  readonly params: JsonObject;
  readonly nFeatures: number;
  /** Classes for classification; 1 for regression. */
  readonly nClasses: number;
  readonly trees: readonly FlatTree[];
}

export function writeTreeState(state: TreeModelState): JsonObject {
  const out: JsonObject = {
    version: TREE_STATE_VERSION,
    task: state.task,
    seed: state.seed,
    params: state.params,
    nFeatures: state.nFeatures,
  };
  if (state.task === 'classification') out['nClasses'] = state.nClasses;
  out['trees'] = state.trees.map((tree) => tree.toJSON());
  return out;
}

function bad(detail: string): AutoMLError {
  return new AutoMLError('BAD_MODEL_FILE', `model state: ${detail}`);
}

function readCount(state: JsonObject, key: string, min: number): number {
  const value = state[key];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) throw bad(`${key} must be an integer >= ${min}`);
  return value;
}

/** Task recorded in a saved state, for loaders that dispatch to the classifier or regressor. */
export function savedTask(state: JsonValue): TreeTask {
  if (!isJsonObject(state)) throw bad('expected an object');
  const task = state['task'];
  if (task !== 'classification' && task !== 'regression') throw bad("task must be 'classification' or 'regression'");
  return task;
}

export function readTreeState(state: JsonValue, expectedTask: TreeTask): TreeModelState {
  if (!isJsonObject(state)) throw bad('expected an object');
  const version = state['version'];
  if (version !== TREE_STATE_VERSION) {
    throw new AutoMLError('MODEL_VERSION', `tree model state version ${JSON.stringify(version)}; this build reads version ${TREE_STATE_VERSION}`);
  }
  const task = savedTask(state);
  if (task !== expectedTask) throw bad(`expected a ${expectedTask} model, the state holds a ${task} model`);
  const seed = state['seed'];
  if (typeof seed !== 'number' || !Number.isInteger(seed)) throw bad('seed must be an integer');
  const params = state['params'];
  if (!isJsonObject(params)) throw bad('params must be an object');
  const nFeatures = readCount(state, 'nFeatures', 0);
  const nClasses = task === 'classification' ? readCount(state, 'nClasses', 1) : 1;
  const savedTrees = state['trees'];
  if (!Array.isArray(savedTrees) || savedTrees.length === 0) throw bad('trees must be a non-empty array');
  const trees = savedTrees.map((saved) => FlatTree.fromJSON(saved, nFeatures, nClasses));
  if (task === 'classification') for (const tree of trees) checkDistributions(tree.leafValues, nClasses);
  return { task, seed, params, nFeatures, nClasses, trees };
}

/** Classification leaves hold class distributions: non-negative and summing to 1. */
function checkDistributions(values: Float64Array, nClasses: number): void {
  for (let base = 0; base < values.length; base += nClasses) {
    let sum = 0;
    for (let k = 0; k < nClasses; k++) {
      const p = values[base + k]!;
      if (p < 0) throw bad('negative class probability in a leaf');
      sum += p;
    }
    if (Math.abs(sum - 1) > 1e-9) throw bad('leaf class probabilities do not sum to 1');
  }
}

/** Runs `build`, reporting invalid saved hyperparameters as a bad model file. */
export function asBadModelFile<T>(build: () => T): T {
  try {
    return build();
  } catch (error) {
    if (isAutoMLError(error) && error.code !== 'BAD_MODEL_FILE') throw bad(`invalid params: ${error.message}`);
    throw error;
  }
}
