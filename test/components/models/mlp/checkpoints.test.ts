import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { selectBackend } from '../../../../src/components/backend/index.ts';
import { MlpClassifier, MlpRegressor } from '../../../../src/components/models/mlp/index.ts';
import { recordingObserver } from '../../../helpers/recording-observer.ts';
import { smoothTarget, threeClasses } from './synthetic.ts';

const SHARES = [1 / 8, 1 / 4, 1 / 2];
// Patience beyond max_epochs: every epoch runs, so every checkpoint is reached.
const PARAMS = { num_nodes_per_layer: 16, learning_rate_init: 0.01, max_epochs: 24, n_iter_no_change: 1000, seed: 2 } as const;

describe('MLP checkpoints (cpu backend)', () => {
  before(async () => {
    await selectBackend('cpu');
  });
  const data = threeClasses(200, 1);

  it('reports 1/8, 1/4 and 1/2 of max_epochs and, never stopped, trains the same network as without an observer', () => {
    const plain = new MlpClassifier(PARAMS);
    plain.fit(data.x, data.y, 3);
    const observed = new MlpClassifier(PARAMS);
    const observer = recordingObserver(SHARES);
    observed.fit(data.x, data.y, 3, undefined, observer);
    assert.deepEqual(observer.reported, SHARES);
    assert.deepEqual(observed.toJSON(), plain.toJSON());
  });

  it('stops at the first checkpoint when told, keeping the best network so far', () => {
    const model = new MlpClassifier(PARAMS);
    const observer = recordingObserver(SHARES, 1 / 8);
    model.fit(data.x, data.y, 3, undefined, observer);
    assert.deepEqual(observer.reported, [1 / 8]);
    assert.equal(model.training.epochs, 3);
    const partial = observer.predictors[0]!(data.x);
    if (partial.kind === 'classification') assert.deepEqual(partial.proba.data, model.predictProba(data.x).data);
    else assert.fail('a classifier predicts probabilities');
  });

  it('predicts in the target unit for a regressor', () => {
    const regression = smoothTarget(200, 4);
    const model = new MlpRegressor(PARAMS);
    const observer = recordingObserver(SHARES, 1 / 4);
    model.fit(regression.x, regression.y, undefined, observer);
    assert.equal(model.training.epochs, 6);
    const partial = observer.predictors[1]!(regression.x);
    if (partial.kind === 'regression') assert.deepEqual(partial.values, model.predict(regression.x));
    else assert.fail('a regressor predicts values');
  });
});
