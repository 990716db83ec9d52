/**
 * Under successive halving, the trials of the lower rungs are real trials (logged with their
 * fidelity and rung, listed on the leaderboard) but only full-fidelity trials become ensemble
 * members, stored predictions or the best trial.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fit } from '../../src/api/fit.ts';
import { readTrials } from '../../src/search/run-log.ts';
import { storedPredictionIds } from '../../src/search/prediction-store.ts';
import { isFullFidelity } from '../../src/search/fidelity/fidelity.ts';
import { datasetPath } from '../helpers/datasets.ts';

test('only full-fidelity trials reach the ensemble, the prediction store and the best trial', { timeout: 120_000 }, async () => {
  const runDir = join(mkdtempSync(join(tmpdir(), 'automl-fidelity-')), 'run');
  const model = await fit(datasetPath('glass'), {
    target: 'class', fidelity: 'sh', maxTrials: 16, workers: 0, seed: 1, timeBudget: 120, warmStart: 0, ensembleSize: 10, runDir, resampling: 'holdout',
  });
  const trials = readTrials(runDir);
  const lower = trials.filter((t) => !isFullFidelity(t));
  const full = new Set(trials.filter((t) => t.status === 'SUCCESS' && isFullFidelity(t)).map((t) => t.id));
  assert.ok(lower.length > 0 && full.size > 0, `${lower.length} trials below full fidelity, ${full.size} full`);
  assert.ok(lower.every((t) => t.rung !== undefined && t.fidelity! < 1), 'the log keeps each lower trial\'s fidelity and rung');
  assert.ok(model.artifact.members.every((m) => full.has(m.trialId)), `members ${model.artifact.members.map((m) => m.trialId)}`);
  // The store keeps the best 50 successful trials: without the guard every lower trial would be there.
  assert.ok(storedPredictionIds(runDir).every((id) => full.has(id)), `stored ${storedPredictionIds(runDir)}`);
  const bestFull = Math.min(...trials.filter((t) => full.has(t.id)).map((t) => t.cost));
  assert.ok(Math.abs(1 - (model.artifact.summary['best_validation_score'] as number) - bestFull) < 1e-12, 'the best trial is the best full one');
  const rows = model.leaderboard();
  assert.equal(rows.length, trials.length);
  for (const trial of lower) {
    const row = rows.find((r) => r.id === trial.id)!;
    assert.equal(row.fidelity, trial.fidelity);
    assert.equal(row.rung, trial.rung);
    assert.equal(row.ensemble_weight, 0);
  }
});
