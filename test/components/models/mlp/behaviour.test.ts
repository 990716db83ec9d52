/** Training behaviour on the cpu backend: probabilities, saving, determinism, weights, tensors. */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Tensor2D } from '@tensorflow/tfjs-core';
import { selectBackend, trainingTf } from '../../../../src/components/backend/index.ts';
import { argmaxRows } from '../../../../src/components/matrix.ts';
import type { SavedModel } from '../../../../src/components/model.ts';
import { loadMlp, MlpClassifier, MlpRegressor } from '../../../../src/components/models/mlp/index.ts';
import type { Network } from '../../../../src/components/models/mlp/network.ts';
import { forward } from '../../../../src/components/models/mlp/network.ts';
import { decodeNetwork } from '../../../../src/components/models/mlp/saved-state.ts';
import { doubled, smoothTarget, threeClasses } from './synthetic.ts';

const QUICK = { num_nodes_per_layer: 16, learning_rate_init: 0.01, max_epochs: 30 } as const;

function roundTrip(saved: SavedModel): SavedModel {
  return JSON.parse(JSON.stringify(saved)) as SavedModel;
}

describe('MLP behaviour (cpu backend)', () => {
  before(async () => {
    await selectBackend('cpu');
  });

  it('gives probabilities in [0, 1] that sum to 1 per row, and learns the classes', () => {
    const train = threeClasses(300, 1);
    const test = threeClasses(200, 2);
    const model = new MlpClassifier({ ...QUICK, hidden_layer_depth: 2, activation: 'tanh', seed: 4 });
    model.fit(train.x, train.y, 3);
    const proba = model.predictProba(test.x);
    assert.equal(proba.nRows, 200);
    assert.equal(proba.nClasses, 3);
    for (let i = 0; i < proba.nRows; i++) {
      let total = 0;
      for (let k = 0; k < 3; k++) {
        const p = proba.data[i * 3 + k]!;
        assert.ok(p >= 0 && p <= 1);
        total += p;
      }
      assert.ok(Math.abs(total - 1) < 1e-12, `row ${i} sums to ${total}`);
    }
    const predicted = argmaxRows(proba);
    const hits = predicted.filter((label, i) => label === test.y[i]).length;
    assert.ok(hits / 200 > 0.85, `accuracy ${hits / 200}`);
  });

  it('reloads from JSON into a model that predicts identically', () => {
    const { x, y } = threeClasses(200, 3);
    const classifier = new MlpClassifier({ ...QUICK, hidden_layer_depth: 3, seed: 1 });
    classifier.fit(x, y, 3);
    const savedClassifier = roundTrip(classifier.toJSON());
    assert.equal(savedClassifier.type, 'mlp');
    assert.equal(savedClassifier.state['task'], 'classification');
    const reloadedClassifier = loadMlp(savedClassifier.state);
    assert.ok(reloadedClassifier instanceof MlpClassifier);
    assert.deepEqual(reloadedClassifier.predictProba(x), classifier.predictProba(x));
    assert.deepEqual(reloadedClassifier.toJSON(), classifier.toJSON());

    const target = smoothTarget(200, 5);
    const regressor = new MlpRegressor({ ...QUICK, activation: 'tanh', seed: 2 });
    regressor.fit(target.x, target.y);
    const savedRegressor = roundTrip(regressor.toJSON());
    assert.equal(savedRegressor.state['task'], 'regression');
    const reloadedRegressor = loadMlp(savedRegressor.state);
    assert.ok(reloadedRegressor instanceof MlpRegressor);
    assert.deepEqual(reloadedRegressor.predict(target.x), regressor.predict(target.x));
    assert.deepEqual(reloadedRegressor.training, regressor.training);
  });

  it('is deterministic for a seed, and the seed matters', () => {
    const { x, y } = threeClasses(150, 6);
    const fit = (seed: number): string => {
      const model = new MlpClassifier({ ...QUICK, seed });
      model.fit(x, y, 3);
      return JSON.stringify(model.toJSON());
    };
    assert.equal(fit(7), fit(7));
    assert.notEqual(fit(7), fit(8));
    const target = smoothTarget(150, 6);
    const fitRegressor = (): string => {
      const model = new MlpRegressor({ ...QUICK, seed: 3 });
      model.fit(target.x, target.y);
      return JSON.stringify(model.toJSON());
    };
    assert.equal(fitRegressor(), fitRegressor());
  });

  it('leaves no tensor behind after fits, whatever ends them', () => {
    const { tf } = trainingTf();
    const before = tf.memory().numTensors;
    const { x, y } = threeClasses(120, 9);
    new MlpClassifier({ ...QUICK, seed: 1 }).fit(x, y, 3);
    new MlpClassifier({ ...QUICK, early_stopping: 'train', seed: 1 }).fit(x, y, 3);
    new MlpClassifier({ ...QUICK, n_iter_no_change: 1, seed: 1 }).fit(x, y, 3);
    const target = smoothTarget(120, 9);
    new MlpRegressor({ ...QUICK, alpha: 0, seed: 1 }).fit(target.x, target.y);
    // Inputs this large overflow float32 in the loss: training stops at once, keeping the
    // initial weights, and still releases its tensors.
    const huge = { nRows: x.nRows, columns: x.columns.map((column) => column.map((v) => v * 1e30)) };
    const diverged = new MlpRegressor({ ...QUICK, learning_rate_init: 0.5, seed: 1 });
    diverged.fit(huge, target.y);
    assert.equal(diverged.training.bestEpoch, 0);
    assert.ok(diverged.training.epochs < QUICK.max_epochs);
    assert.ok(diverged.predict(huge).every(Number.isFinite));
    assert.equal(tf.memory().numTensors, before);
  });

  it('honours sample weights in the loss', () => {
    // Every point appears once as class 0 and once as class 1; weights 3:1 should tilt the
    // learned probabilities towards class 0 by about that ratio.
    const { x } = threeClasses(200, 10);
    const both = doubled(x);
    const y = Int32Array.from({ length: 400 }, (_, i) => (i < 200 ? 0 : 1));
    const meanClass0 = (weights?: Float64Array): number => {
      const model = new MlpClassifier({ ...QUICK, seed: 2 });
      model.fit(both, y, 2, weights);
      const proba = model.predictProba(x);
      let total = 0;
      for (let i = 0; i < x.nRows; i++) total += proba.data[i * 2]!;
      return total / x.nRows;
    };
    const tilted = meanClass0(Float64Array.from({ length: 400 }, (_, i) => (i < 200 ? 3 : 1)));
    const even = meanClass0();
    assert.ok(tilted > 0.68 && tilted < 0.82, `weighted mean P(class 0) = ${tilted}`);
    assert.ok(Math.abs(even - 0.5) < 0.07, `unweighted mean P(class 0) = ${even}`);
  });

  it('learns the target on its own scale (targets are standardised internally)', () => {
    const { x, y } = smoothTarget(300, 11);
    const scaled = y.map((v) => 1000 * v + 50_000);
    const model = new MlpRegressor({ ...QUICK, seed: 5 });
    model.fit(x, scaled);
    const predicted = model.predict(x);
    let residual = 0;
    let spread = 0;
    const mean = scaled.reduce((a, b) => a + b, 0) / scaled.length;
    for (let i = 0; i < scaled.length; i++) {
      residual += (scaled[i]! - predicted[i]!) ** 2;
      spread += (scaled[i]! - mean) ** 2;
    }
    assert.ok(1 - residual / spread > 0.6, `training R² ${1 - residual / spread}`);
  });

  it('predicts in plain JS what tfjs computes from the same weights', () => {
    const { x, y } = threeClasses(64, 12);
    for (const activation of ['relu', 'tanh'] as const) {
      const model = new MlpClassifier({ ...QUICK, hidden_layer_depth: 2, activation, seed: 3 });
      model.fit(x, y, 3);
      const state = model.toJSON().state;
      const network: Network = decodeNetwork(state, 4, 3, 2);
      const plain = forward(network, x);
      const { tf } = trainingTf();
      const viaTf = tf.tidy(() => {
        const rows = new Float32Array(x.nRows * 4);
        for (let i = 0; i < x.nRows; i++) for (let j = 0; j < 4; j++) rows[i * 4 + j] = x.columns[j]![i]!;
        let h: Tensor2D = tf.tensor2d(rows, [x.nRows, 4]);
        network.layers.forEach((layer, l) => {
          h = tf.add(tf.matMul(h, tf.tensor2d(Float32Array.from(layer.weights), [layer.nIn, layer.nOut])), tf.tensor1d(Float32Array.from(layer.bias)));
          if (l < network.layers.length - 1) h = activation === 'relu' ? tf.relu(h) : tf.tanh(h);
        });
        return Array.from(h.dataSync());
      });
      assert.equal(plain.length, viaTf.length);
      for (let k = 0; k < plain.length; k++) {
        assert.ok(Math.abs(plain[k]! - viaTf[k]!) < 1e-4 * (1 + Math.abs(plain[k]!)), `${activation} output ${k}: ${plain[k]} vs ${viaTf[k]}`);
      }
    }
  });
});
