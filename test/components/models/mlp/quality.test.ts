/**
 * Quality floors on the fixed 75/25 splits with standardised features. Hyperparameters are
 * modest (tens of epochs, learning rate 0.01) to keep each fit to a few seconds.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { selectBackend } from '../../../../src/components/backend/index.ts';
import { argmaxRows } from '../../../../src/components/matrix.ts';
import { MlpClassifier, MlpRegressor } from '../../../../src/components/models/mlp/index.ts';
import { loadClassification, loadRegression } from './load.ts';
import { accuracy, balancedAccuracy, rSquared } from '../../../helpers/scores.ts';

describe('MLP quality', () => {
  before(async () => {
    await selectBackend('auto');
  });

  it('breast_cancer: balanced accuracy >= 0.94', (t) => {
    const data = loadClassification('breast_cancer');
    const model = new MlpClassifier({ num_nodes_per_layer: 32, learning_rate_init: 0.01, max_epochs: 60, seed: 0 });
    model.fit(data.xTrain, data.yTrain, data.nClasses);
    const score = balancedAccuracy(data.yTest, argmaxRows(model.predictProba(data.xTest)), data.nClasses);
    t.diagnostic(`balanced accuracy ${score.toFixed(3)} after ${model.training.epochs} epochs on ${model.training.backend}`);
    assert.ok(score >= 0.94, `balanced accuracy ${score}`);
  });

  it('iris: balanced accuracy >= 0.9', (t) => {
    const data = loadClassification('iris');
    const model = new MlpClassifier({ num_nodes_per_layer: 32, learning_rate_init: 0.01, batch_size: 16, max_epochs: 60, seed: 0 });
    model.fit(data.xTrain, data.yTrain, data.nClasses);
    const score = balancedAccuracy(data.yTest, argmaxRows(model.predictProba(data.xTest)), data.nClasses);
    t.diagnostic(`balanced accuracy ${score.toFixed(3)} after ${model.training.epochs} epochs`);
    assert.ok(score >= 0.9, `balanced accuracy ${score}`);
  });

  it('digits: accuracy >= 0.93', (t) => {
    const data = loadClassification('digits');
    const model = new MlpClassifier({ num_nodes_per_layer: 64, learning_rate_init: 0.01, max_epochs: 40, seed: 0 });
    model.fit(data.xTrain, data.yTrain, data.nClasses);
    const score = accuracy(data.yTest, argmaxRows(model.predictProba(data.xTest)));
    t.diagnostic(`accuracy ${score.toFixed(3)} after ${model.training.epochs} epochs`);
    assert.ok(score >= 0.93, `accuracy ${score}`);
  });

  it('diabetes: R² >= 0.3', (t) => {
    const data = loadRegression('diabetes');
    const model = new MlpRegressor({
      hidden_layer_depth: 2, num_nodes_per_layer: 32, activation: 'tanh', learning_rate_init: 0.01, max_epochs: 60, seed: 0,
    });
    model.fit(data.xTrain, data.yTrain);
    const score = rSquared(data.yTest, model.predict(data.xTest));
    t.diagnostic(`R² ${score.toFixed(3)} after ${model.training.epochs} epochs`);
    assert.ok(score >= 0.3, `R² ${score}`);
  });
});
