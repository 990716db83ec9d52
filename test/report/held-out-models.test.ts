/**
 * The held-out ensembles behind out-of-sample importance are planned from the fit times the
 * search measured: members that do not fit the time allowance are left out (heaviest kept
 * first), and when not even the heaviest fits nothing is refitted and the reason is given.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fit } from '../../src/api/fit.ts';
import { readCsvFile } from '../../src/data/csv.ts';
import { buildTrainingData } from '../../src/data/build.ts';
import { buildResampling } from '../../src/search/resampling.ts';
import type { TrialRecord } from '../../src/search/trial.ts';
import type { AutoMLModel } from '../../src/export/model.ts';
import { heldOutModels } from '../../src/report/html/held-out-models.ts';
import { nowSeconds } from '../../src/util/clock.ts';
import { datasetPath } from '../helpers/datasets.ts';

/** Trial records of the model's members, each claiming `fitSeconds` for its search evaluation. */
function memberTrials(model: AutoMLModel, fitSeconds: number): TrialRecord[] {
  return model.artifact.members.map((m) => ({
    id: m.trialId, config: m.config, algorithm: m.algorithm, status: 'SUCCESS', cost: 0, score: 1, fitSeconds, finishedAt: 0, seed: m.trialId,
  }));
}

test('refits keep to the allowance: all members, the heaviest only, or none with a reason', { timeout: 60_000 }, async () => {
  const model = await fit(datasetPath('iris'), { target: 'class', maxTrials: 8, warmStart: 0, workers: 0, seed: 2, timeBudget: 20, optimizer: 'random' });
  const members = model.artifact.members;
  assert.ok(members.length >= 2, `the run should build an ensemble, got ${members.length} member(s)`);
  const heaviest = Math.max(...members.map((m) => m.weight));

  const labelled = buildTrainingData(await readCsvFile(datasetPath('iris')), { target: 'class' });
  const resampling = buildResampling(labelled.features, labelled.target, { strategy: 'cv', folds: 3, holdoutFraction: 0.33, seed: 1 });
  const plan = (fitSeconds: number, allowance: number) => heldOutModels(model, memberTrials(model, fitSeconds), resampling, labelled.task, nowSeconds(), allowance);

  // Instant fits: every member on every fold.
  const all = plan(0, 10);
  assert.equal(all.kind, 'models');
  if (all.kind !== 'models') return;
  assert.deepEqual([all.members, all.deployedMembers, all.folds.length, all.refitted], [members.length, members.length, 3, true]);
  assert.ok(Math.abs(all.weightShare - 1) < 1e-9);

  // Each member claims 3 s over 3 folds, 1 s per fold: 1.5 s admits the heaviest alone. (Its real
  // fits are fast, so the folds it is refitted on depend on the time they really take.)
  const one = plan(3, 1.5);
  assert.equal(one.kind, 'models');
  if (one.kind !== 'models') return;
  assert.equal(one.members, 1);
  assert.ok(one.folds.length >= 1);
  assert.ok(Math.abs(one.weightShare - heaviest) < 1e-9, `${one.weightShare} vs ${heaviest}`);
  assert.equal(one.folds[0]!.model.artifact.members.length, 1);
  assert.equal(one.folds[0]!.model.artifact.members[0]!.weight, 1, 'the kept member is renormalised');

  // 10 s per fold for the heaviest: nothing is refitted, and the report can say why.
  const none = plan(30, 2.5);
  assert.equal(none.kind, 'unavailable');
  if (none.kind === 'unavailable') assert.match(none.reason, /about 10\.0 s, more than the 2\.5 s allowed/);
});
