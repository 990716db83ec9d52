import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DecisionTreeClassifier, ExtraTreesRegressor, RandomForestClassifier } from '../../../../src/components/models/tree/index.ts';
import { recordingObserver } from '../../../helpers/recording-observer.ts';
import { syntheticClassification, syntheticRegression } from './synthetic.ts';

const SHARES = [1 / 8, 1 / 4, 1 / 2];

describe('forest checkpoints', () => {
  const data = syntheticClassification(300, 6, 3, 2);

  it('reports 1/8, 1/4 and 1/2 of the trees and, never stopped, grows the same forest as without an observer', () => {
    const plain = new RandomForestClassifier({ n_estimators: 16, seed: 5 });
    plain.fit(data.x, data.y, 3);
    const observed = new RandomForestClassifier({ n_estimators: 16, seed: 5 });
    const observer = recordingObserver(SHARES);
    observed.fit(data.x, data.y, 3, undefined, observer);
    assert.deepEqual(observer.reported, SHARES);
    assert.deepEqual(observed.toJSON(), plain.toJSON());
  });

  it('stops at the first checkpoint when told, keeping the trees grown so far', () => {
    const model = new RandomForestClassifier({ n_estimators: 16, seed: 5 });
    const observer = recordingObserver(SHARES, 1 / 8);
    model.fit(data.x, data.y, 3, undefined, observer);
    assert.deepEqual(observer.reported, [1 / 8]);
    assert.equal(model.trees.length, 2);
    const partial = observer.predictors[0]!(data.x);
    if (partial.kind === 'classification') assert.deepEqual(partial.proba.data, model.predictProba(data.x).data);
    else assert.fail('a classifier predicts probabilities');
  });

  it('predicts the mean of the trees so far for a regressor', () => {
    const regression = syntheticRegression(200, 5, 3);
    const model = new ExtraTreesRegressor({ n_estimators: 8, seed: 1 });
    const observer = recordingObserver(SHARES, 1 / 2);
    model.fit(regression.x, regression.y, undefined, observer);
    assert.deepEqual(observer.reported, SHARES);
    assert.equal(model.trees.length, 4);
    const partial = observer.predictors[2]!(regression.x);
    if (partial.kind === 'regression') assert.deepEqual(partial.values, model.predict(regression.x));
    else assert.fail('a regressor predicts values');
  });

  it('has no checkpoint in a single tree', () => {
    const observer = recordingObserver(SHARES, 1 / 8);
    new DecisionTreeClassifier({ seed: 0 }).fit(data.x, data.y, 3, undefined, observer);
    assert.deepEqual(observer.reported, []);
  });
});
