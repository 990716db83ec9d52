/**
 * The median rule inside a trial (evaluateTrial with a stopping snapshot): checkpoint costs on the
 * first part's validation rows, a stop when a cost is worse than the median there, and the
 * partial result as the STOPPED outcome.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { rowsToRawTable } from '../../../src/data/adapters.ts';
import { buildTrainingData } from '../../../src/data/build.ts';
import { buildSearchSpace, componentContextFor } from '../../../src/components/registry.ts';
import { getScorer } from '../../../src/metrics/scorers.ts';
import { evaluateTrial, type EvaluationData } from '../../../src/search/evaluate-trial.ts';
import { buildResampling } from '../../../src/search/resampling.ts';
import type { StoppingSnapshot } from '../../../src/search/early-stopping/snapshot.ts';

const SHARES = [1 / 8, 1 / 4, 1 / 2];
const UNJUDGED: StoppingSnapshot = { checkpoints: SHARES, medians: [null, null, null] };

function evaluationData(strategy: 'holdout' | 'cv'): EvaluationData {
  const rows = Array.from({ length: 300 }, (_, i) => {
    const a = Math.sin(i * 1.3);
    const b = Math.cos(i * 0.7);
    return { a, b, class: a + 0.6 * b + 0.4 * Math.sin(i * 5.1) > 0.2 ? 'yes' : 'no' };
  });
  const labelled = buildTrainingData(rowsToRawTable(rows), { target: 'class' });
  const resampling = buildResampling(labelled.features, labelled.target, { strategy, folds: 3, holdoutFraction: 0.33, seed: 1 });
  return { resampling, scorer: getScorer('balanced_accuracy', labelled.task), context: componentContextFor(labelled.features, labelled.task) };
}

function configFor(data: EvaluationData, classifier: string) {
  return buildSearchSpace(data.context, { classifier: [classifier] }).defaultConfiguration();
}

describe('a trial under the median stopping rule', () => {
  const holdout = evaluationData('holdout');
  const boosting = configFor(holdout, 'gradient_boosting');

  it('reports its cost at every checkpoint and runs to its end while no median is known', () => {
    const outcome = evaluateTrial(boosting, holdout, 3, { stopping: UNJUDGED });
    assert.equal(outcome.status, 'SUCCESS', outcome.error);
    const costs = outcome.checkpoints?.costs ?? [];
    assert.deepEqual(costs.map((c) => c.share), SHARES);
    for (const { cost } of costs) assert.ok(cost >= 0 && cost <= 1);
    assert.equal(outcome.checkpoints?.stoppedAt, undefined);
    assert.ok(outcome.validPrediction !== undefined);
    // Without a snapshot the trial is as it always was: the same cost, and no checkpoints.
    const plain = evaluateTrial(boosting, holdout, 3);
    assert.equal(plain.cost, outcome.cost);
    assert.equal(plain.checkpoints, undefined);
  });

  it('stops at a checkpoint where it is worse than the median, with that partial result', () => {
    const reference = evaluateTrial(boosting, holdout, 3, { stopping: UNJUDGED }).checkpoints!.costs;
    const first = reference[0]!.cost;
    const outcome = evaluateTrial(boosting, holdout, 3, { stopping: { checkpoints: SHARES, medians: [first - 1e-9, null, null] } });
    assert.equal(outcome.status, 'STOPPED');
    assert.equal(outcome.cost, first);
    assert.equal(outcome.score, 1 - first);
    assert.equal(outcome.validPrediction, undefined);
    assert.deepEqual(outcome.checkpoints?.costs, [reference[0]]);
    assert.equal(outcome.checkpoints?.stoppedAt, 1 / 8);
    assert.ok((outcome.checkpoints?.savedSecondsEstimate ?? 0) > 0);
    assert.ok(outcome.fitSeconds > 0);
  });

  it('goes on when its cost equals the median (only worse stops)', () => {
    const reference = evaluateTrial(boosting, holdout, 3, { stopping: UNJUDGED }).checkpoints!.costs;
    const outcome = evaluateTrial(boosting, holdout, 3, { stopping: { checkpoints: SHARES, medians: reference.map((c) => c.cost) } });
    assert.equal(outcome.status, 'SUCCESS');
  });

  it('under cross-validation, judges the first fold only and skips the other folds when stopped', () => {
    const cv = evaluationData('cv');
    const config = configFor(cv, 'gradient_boosting');
    const full = evaluateTrial(config, cv, 3, { stopping: UNJUDGED });
    assert.equal(full.status, 'SUCCESS');
    assert.equal(full.foldScores?.length, 3);
    const half = full.checkpoints!.costs[2]!;
    const outcome = evaluateTrial(config, cv, 3, { stopping: { checkpoints: SHARES, medians: [null, null, half.cost - 1e-9] } });
    assert.equal(outcome.status, 'STOPPED');
    assert.equal(outcome.cost, half.cost);
    assert.equal(outcome.foldScores, undefined);
    assert.equal(outcome.checkpoints?.stoppedAt, 1 / 2);
    assert.ok(outcome.fitSeconds < full.fitSeconds);
  });

  it('lets a learner without iterations stand at every checkpoint with its final cost', () => {
    const outcome = evaluateTrial(configFor(holdout, 'lda'), holdout, 3, { stopping: { checkpoints: SHARES, medians: [0, 0, 0] } });
    assert.equal(outcome.status, 'SUCCESS');
    assert.deepEqual(outcome.checkpoints?.costs, SHARES.map((share) => ({ share, cost: outcome.cost })));
  });

  it('is not applied below full fidelity', () => {
    const outcome = evaluateTrial(boosting, holdout, 3, { stopping: { checkpoints: SHARES, medians: [0, 0, 0] }, fidelity: { share: 0.5, resource: 'iterations' } });
    assert.notEqual(outcome.status, 'STOPPED');
    assert.equal(outcome.checkpoints, undefined);
  });
});
