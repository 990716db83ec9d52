import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildSearchSpace } from '../../../src/components/registry.ts';
import { evaluateTrial, type EvaluationData, type TrialOutcome } from '../../../src/search/evaluate-trial.ts';
import { applyFidelity, resolveResource } from '../../../src/search/fidelity/apply-fidelity.ts';
import { iterationSetting } from '../../../src/search/fidelity/iterative-learners.ts';
import { MIN_SUBSET_ROWS } from '../../../src/search/fidelity/row-subset.ts';
import type { Configuration } from '../../../src/space/index.ts';
import { irisEvaluation } from '../runner/fixtures/evaluation-data.ts';

/** The outcome without its fit time, which differs between any two runs. */
function comparable(outcome: TrialOutcome): Omit<TrialOutcome, 'fitSeconds'> {
  const { fitSeconds: _fitSeconds, ...rest } = outcome;
  return rest;
}

describe('applyFidelity', () => {
  let data: EvaluationData;
  const configFor = (algorithm: string): Configuration => buildSearchSpace(data.context, { classifier: [algorithm] }).defaultConfiguration();

  before(async () => {
    ({ data } = await irisEvaluation());
  });

  it('chooses iterations for iterative learners and rows for the others under auto', () => {
    for (const algorithm of ['gradient_boosting', 'xgboost', 'random_forest', 'extra_trees', 'mlp']) {
      assert.equal(resolveResource('auto', configFor(algorithm)), 'iterations', algorithm);
    }
    for (const algorithm of ['logistic_regression', 'k_nearest_neighbors', 'decision_tree', 'svm']) {
      assert.equal(resolveResource('auto', configFor(algorithm)), 'rows', algorithm);
      assert.equal(resolveResource('iterations', configFor(algorithm)), 'rows', `${algorithm} has no iterations to cut`);
    }
    assert.equal(resolveResource('rows', configFor('gradient_boosting')), 'rows');
  });

  it('finds the iteration count in the configuration or the component, for either task', () => {
    assert.deepEqual(iterationSetting({ 'regressor:__choice__': 'gradient_boosting', 'regressor:gradient_boosting:max_iter': 64 }), { key: 'regressor:gradient_boosting:max_iter', count: 64 });
    assert.deepEqual(iterationSetting(configFor('random_forest')), { key: 'classifier:random_forest:n_estimators', count: 100 });
    assert.deepEqual(iterationSetting(configFor('mlp')), { key: 'classifier:mlp:max_epochs', count: 200 });
    assert.equal(iterationSetting(configFor('svm')), null);
  });

  it('leaves a full trial untouched: share 1 is the same trial as no fidelity, bit for bit', () => {
    const config = configFor('gradient_boosting');
    const same = applyFidelity(config, data.resampling, { share: 1, resource: 'rows' });
    assert.equal(same.config, config);
    assert.equal(same.resampling, data.resampling);
    const plain = evaluateTrial(config, data, 4);
    const atOne = evaluateTrial(config, data, 4, { fidelity: { share: 1, resource: 'auto' } });
    assert.equal(plain.status, 'SUCCESS');
    assert.deepEqual(comparable(atOne), comparable(plain));
  });

  it('scales the iteration count to round(share × n), at least one', () => {
    const scaled = applyFidelity(configFor('xgboost'), data.resampling, { share: 0.25, resource: 'auto' });
    assert.equal(scaled.config['classifier:xgboost:n_estimators'], 25);
    assert.equal(scaled.resampling, data.resampling, 'iterations leave the rows alone');
    const least = applyFidelity(configFor('random_forest'), data.resampling, { share: 0.001, resource: 'iterations' });
    assert.equal(least.config['classifier:random_forest:n_estimators'], 1);
  });

  it('cuts each training part to its subset and keeps every validation row', () => {
    const config = configFor('logistic_regression');
    const { resampling } = applyFidelity(config, data.resampling, { share: 0.5, resource: 'auto' });
    assert.equal(resampling.scoredTarget, data.resampling.scoredTarget);
    resampling.folds.forEach((fold, i) => {
      const full = data.resampling.folds[i]!;
      // Iris folds train on 120 rows: half of them is below the floor, which then applies.
      assert.equal(fold.train.features.nRows, Math.min(full.train.features.nRows, Math.max(60, MIN_SUBSET_ROWS)));
      assert.equal(fold.valid, full.valid);
      assert.equal(fold.scoredPositions, full.scoredPositions);
    });
    const scored = evaluateTrial(config, data, 1, { fidelity: { share: 0.5, resource: 'rows' } });
    assert.equal(scored.status, 'SUCCESS');
    const prediction = scored.validPrediction;
    assert.ok(prediction?.kind === 'classification');
    assert.equal(prediction.proba.nRows, data.resampling.folds.reduce((rows, fold) => rows + fold.valid.features.nRows, 0), 'every validation row is scored');
  });

  it('takes the same rows for every trial at the same share, whatever its seed', () => {
    const a = applyFidelity(configFor('svm'), data.resampling, { share: 0.1, resource: 'rows' });
    const b = applyFidelity(configFor('k_nearest_neighbors'), data.resampling, { share: 0.1, resource: 'rows' });
    assert.deepEqual(a.resampling.folds.map((f) => f.train.target), b.resampling.folds.map((f) => f.train.target));
    assert.deepEqual(a.resampling.folds[0]!.train.features, b.resampling.folds[0]!.train.features);
  });

  it('crashes a trial whose share is outside (0, 1] with a clear message', () => {
    const outcome = evaluateTrial(configFor('gradient_boosting'), data, 1, { fidelity: { share: 0, resource: 'auto' } });
    assert.equal(outcome.status, 'CRASHED');
    assert.match(outcome.error ?? '', /fidelity must be a share in \(0, 1\], got 0/);
  });
});
