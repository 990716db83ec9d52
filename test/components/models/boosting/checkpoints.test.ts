import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { HistGradientBoostingClassifier, HistGradientBoostingRegressor } from '../../../../src/components/models/boosting/index.ts';
import { recordingObserver } from '../../../helpers/recording-observer.ts';
import { classesOf, syntheticProblem } from './synthetic.ts';

const SHARES = [1 / 8, 1 / 4, 1 / 2];
// No own early stopping: every round up to max_iter runs, so every checkpoint is reached.
const PARAMS = { max_iter: 40, early_stopping: false, seed: 3 } as const;

describe('gradient boosting checkpoints', () => {
  const problem = syntheticProblem(400, 5, 1);
  const labels = classesOf(problem.target, 3);

  it('reports 1/8, 1/4 and 1/2 of max_iter and, never stopped, fits the same model as without an observer', () => {
    const plain = new HistGradientBoostingClassifier(PARAMS);
    plain.fit(problem.x, labels, 3);
    const observed = new HistGradientBoostingClassifier(PARAMS);
    const observer = recordingObserver(SHARES);
    observed.fit(problem.x, labels, 3, undefined, observer);
    assert.deepEqual(observer.reported, SHARES);
    assert.deepEqual(observed.toJSON(), plain.toJSON());
    assert.equal(observed.nIterations, 40);
  });

  it('stops at the first checkpoint when told, and the predictor it handed over is the model it keeps', () => {
    const model = new HistGradientBoostingClassifier(PARAMS);
    const observer = recordingObserver(SHARES, 1 / 8);
    model.fit(problem.x, labels, 3, undefined, observer);
    assert.deepEqual(observer.reported, [1 / 8]);
    assert.equal(model.nIterations, 5);
    const partial = observer.predictors[0]!(problem.x);
    assert.equal(partial.kind, 'classification');
    if (partial.kind === 'classification') assert.deepEqual(partial.proba.data, model.predictProba(problem.x).data);
  });

  it('reports the rounds early stopping would keep, for a regressor too', () => {
    const model = new HistGradientBoostingRegressor({ ...PARAMS, early_stopping: true, n_iter_no_change: 100 });
    const observer = recordingObserver(SHARES, 1 / 4);
    model.fit(problem.x, problem.target, undefined, observer);
    assert.deepEqual(observer.reported, [1 / 8, 1 / 4]);
    const partial = observer.predictors[1]!(problem.x);
    assert.ok(model.nIterations <= 10);
    if (partial.kind === 'regression') assert.deepEqual(partial.values, model.predict(problem.x));
    else assert.fail('a regressor predicts values');
  });
});
