/**
 * tfjs is loaded only for training: importing the MLP, loading a saved MLP and predicting with it
 * leave every tfjs package unloaded. Runs in its own process (one per test file), so nothing else
 * has loaded tfjs first.
 */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { currentBackend, trainingTf } from '../../../src/components/backend/index.ts';
import { loadMlp } from '../../../src/components/models/mlp/index.ts';

const moduleCache = createRequire(import.meta.url).cache;

function loadedTfjsModules(): string[] {
  return Object.keys(moduleCache).filter((path) => path.includes('@tensorflow'));
}

/** A hand-written saved classifier: 2 features → 2 tanh units → 2 classes. */
const SAVED_STATE = {
  task: 'classification',
  params: {
    hidden_layer_depth: 1, num_nodes_per_layer: 2, activation: 'tanh', alpha: 0.0001, learning_rate_init: 0.001,
    batch_size: 'auto', max_epochs: 200, early_stopping: 'valid', validation_fraction: 0.1, n_iter_no_change: 10,
    tol: 0.0001, seed: 0,
  },
  nFeatures: 2,
  nClasses: 2,
  network: {
    activation: 'tanh',
    layers: [
      { nIn: 2, nOut: 2, weights: [1, 0, 0, 1], bias: [0, 0] },
      { nIn: 2, nOut: 2, weights: [1, -1, -1, 1], bias: [0, 0] },
    ],
  },
  training: { epochs: 3, bestEpoch: 2, backend: 'cpu' },
};

it('predicts with a saved MLP without loading tfjs, and loads cpu synchronously for an unprepared fit', () => {
  const model = loadMlp(SAVED_STATE);
  assert.equal(model.task, 'classification');
  if (model.task !== 'classification') return;
  const proba = model.predictProba({ nRows: 2, columns: [Float64Array.of(2, 0), Float64Array.of(0, 2)] });
  // Row 0: hidden (tanh 2, 0) → logits (t, -t): class 0 favoured; row 1 mirrors it.
  const t = Math.tanh(2);
  const p0 = 1 / (1 + Math.exp(-2 * t));
  assert.ok(Math.abs(proba.data[0]! - p0) < 1e-12 && Math.abs(proba.data[3]! - p0) < 1e-12);
  assert.deepEqual(loadedTfjsModules(), []);
  assert.equal(currentBackend(), undefined);

  const { tf, info } = trainingTf();
  assert.equal(info.name, 'cpu');
  assert.match(info.reason, /no backend selected/);
  assert.equal(tf.getBackend(), 'cpu');
  assert.deepEqual(currentBackend(), info);
  assert.ok(loadedTfjsModules().length > 0, 'the check above can see tfjs modules once they are loaded');
});
