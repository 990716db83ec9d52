/** The `earlyStopping` option of a fit, end to end on a small public dataset (its own metadata left out). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AutoML } from '../../src/api/index.ts';
import type { TrialRecord } from '../../src/search/trial.ts';
import { buildTrainingData } from '../../src/data/build.ts';
import { buildSearchSpace, componentContextFor } from '../../src/components/registry.ts';
import { DEFAULT_CHECKPOINTS } from '../../src/search/early-stopping/median-stopping-rule.ts';
import { AutoMLError } from '../../src/util/errors.ts';
import { loadSplitDataset } from '../helpers/datasets.ts';
import { ownEntry } from '../helpers/leave-out.ts';

test("earlyStopping 'median' stops trials worse than the median and still deploys a full trial's model", async () => {
  const { train } = await loadSplitDataset('pima_diabetes2');
  const target = 'class';
  const labelled = buildTrainingData(train, { target });
  // One iterative algorithm only, so that its history fills up within a few trials.
  const space = buildSearchSpace(componentContextFor(labelled.features, labelled.task), { classifier: ['gradient_boosting'] });
  const trials: TrialRecord[] = [];
  const model = await AutoML.fit(train, {
    target, space, optimizer: 'random', warmStart: 0, maxTrials: 14, timeBudget: 120, seed: 2, workers: 0,
    earlyStopping: 'median', ensembleSize: 5, metadataExclude: [ownEntry('pima_diabetes2', train)], onTrial: (trial) => trials.push(trial),
  });
  const stopped = trials.filter((t) => t.status === 'STOPPED');
  assert.ok(stopped.length >= 1, `statuses: ${trials.map((t) => t.status).join(' ')}`);
  // Nothing is judged before 5 earlier trials (and, with a trial limit, 2 more in flight).
  for (const trial of stopped) {
    assert.ok(trial.id > 5, `trial ${trial.id} stopped before enough history`);
    assert.ok(DEFAULT_CHECKPOINTS.includes(trial.fidelity ?? NaN), `fidelity ${trial.fidelity}`);
    assert.ok(Number.isFinite(trial.cost) && trial.score !== null);
  }
  const summary = model.artifact.summary['early_stopping'] as Record<string, unknown>;
  assert.equal(summary['mode'], 'median');
  assert.equal(summary['stopped'], stopped.length);
  assert.deepEqual(summary['checkpoints'], DEFAULT_CHECKPOINTS);
  assert.ok(Number(summary['seconds_saved_estimate']) > 0);
  const stoppedIds = new Set(stopped.map((t) => t.id));
  for (const member of model.artifact.members) assert.ok(!stoppedIds.has(member.trialId), `member ${member.trialId} is a stopped trial`);
});

test("earlyStopping defaults to 'off' and rejects unknown rules with BAD_OPTION", async () => {
  const { train } = await loadSplitDataset('iris');
  const model = await AutoML.fit(train, { target: 'class', maxTrials: 2, timeBudget: 60, seed: 1, workers: 0, metadataExclude: [ownEntry('iris', train)], space: 'pipelines/tiny.json' });
  assert.deepEqual(model.artifact.summary['early_stopping'], { mode: 'off', checkpoints: [], min_trials: null, stopped: 0, seconds_saved_estimate: 0 });
  await assert.rejects(
    AutoML.fit(train, { target: 'class', earlyStopping: 'mean' as 'median' }),
    (error: unknown) => error instanceof AutoMLError && error.code === 'BAD_OPTION' && /earlyStopping/.test(error.message),
  );
});
