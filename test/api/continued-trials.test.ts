/**
 * A fit that continues a parent run on the same data: the parent's trials compete for the final
 * model only when they were validated on the same rows (same splits); otherwise they only
 * inform the optimiser.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fit } from '../../src/api/fit.ts';
import { predictionPath, storedPredictionIds } from '../../src/search/prediction-store.ts';
import { TRIALS_FILE } from '../../src/search/run-log.ts';
import { datasetPath } from '../helpers/datasets.ts';
import { FINITE_SPACE_C, writeFiniteSpace } from '../helpers/finite-space.ts';

const TINY_SPACE = fileURLToPath(new URL('../../pipelines/tiny.json', import.meta.url));
const BASE = { target: 'class', space: TINY_SPACE, workers: 0, seed: 2, timeBudget: 60, warmStart: 0, resampling: 'holdout' as const };

test('a continuation on the same splits takes the parent trials into the ensemble and numbers its trials after them', { timeout: 60_000 }, async () => {
  const parentDir = join(mkdtempSync(join(tmpdir(), 'automl-continue-')), 'parent');
  const parent = await fit(datasetPath('glass'), { ...BASE, maxTrials: 4, runDir: parentDir });
  assert.ok(storedPredictionIds(parentDir).length > 0);
  const child = await fit(datasetPath('glass'), { ...BASE, maxTrials: 2, warmStartFrom: parentDir });
  assert.equal(child.artifact.summary['continued_trials'], 4);
  const ids = child.leaderboard().map((row) => row.id).sort((a, b) => a - b);
  assert.deepEqual(ids, [1, 2, 3, 4, 5, 6], 'the leaderboard holds the parent trials and the new ones after them');
  // The parent's best is a candidate: the continuation is never worse on the same validation rows.
  assert.ok(child.artifact.validationScore >= (parent.artifact.summary['best_validation_score'] as number) - 1e-12);
});

test('a continuation that finds nothing new deploys the ensemble of the parent\'s stored predictions', { timeout: 60_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'automl-continue-'));
  // The parent tries every configuration of the space, so the child has none left to try and
  // its ensemble can only be built from the parent's stored predictions.
  const options = { ...BASE, space: writeFiniteSpace(dir), ensembleSize: 10 };
  const parentDir = join(dir, 'parent');
  const parent = await fit(datasetPath('glass'), { ...options, maxTrials: 10, runDir: parentDir });
  assert.equal(parent.leaderboard().length, FINITE_SPACE_C.length);
  const child = await fit(datasetPath('glass'), { ...options, maxTrials: 2, warmStartFrom: parentDir, runDir: join(dir, 'child') });
  assert.equal((child.artifact.summary['trials'] as { total: number }).total, 0, 'no configuration was left to try');
  assert.equal(child.artifact.summary['continued_trials'], FINITE_SPACE_C.length);
  assert.equal(child.artifact.validationScore, parent.artifact.validationScore);
  const members = (model: typeof parent) => model.artifact.members.map((m) => [m.trialId, m.weight]);
  assert.deepEqual(members(child), members(parent), 'the same members with the same weights as the parent deployed');
});

test('a parent trial whose stored prediction is missing or damaged stays out of the ensemble without failing the fit', { timeout: 60_000 }, async () => {
  const parentDir = join(mkdtempSync(join(tmpdir(), 'automl-continue-')), 'parent');
  await fit(datasetPath('glass'), { ...BASE, maxTrials: 3, runDir: parentDir });
  assert.deepEqual(storedPredictionIds(parentDir), [1, 2, 3]);
  rmSync(predictionPath(parentDir, 1));
  writeFileSync(predictionPath(parentDir, 2), 'AMLP not really');
  const child = await fit(datasetPath('glass'), { ...BASE, maxTrials: 2, warmStartFrom: parentDir });
  assert.equal(child.artifact.summary['continued_trials'], 3, 'the trials still count and stay on the leaderboard');
  assert.equal(child.leaderboard().length, 5);
  assert.ok(child.artifact.members.every((m) => m.trialId >= 3), 'only trials with a readable prediction are ensemble members');
});

test('a parent validated on other rows only informs the optimiser', { timeout: 60_000 }, async () => {
  const parentDir = join(mkdtempSync(join(tmpdir(), 'automl-continue-')), 'parent');
  await fit(datasetPath('glass'), { ...BASE, maxTrials: 3, runDir: parentDir });
  // Another seed draws another holdout part of the same size: the parent's predictions would fit
  // the ensemble's shape but were scored on other rows.
  const child = await fit(datasetPath('glass'), { ...BASE, seed: 3, maxTrials: 2, warmStartFrom: parentDir });
  assert.equal(child.artifact.summary['continued_trials'], 0);
  assert.equal((child.artifact.summary['warm_start'] as { source: string }).source, 'parent-run');
  const ids = child.leaderboard().map((row) => row.id).sort((a, b) => a - b);
  assert.deepEqual(ids, [4, 5], 'only the new trials, numbered after the parent');
  assert.ok(child.artifact.members.every((m) => m.trialId > 3), 'no parent trial is deployed');
});

test('parent trials below full fidelity stay on the leaderboard with their rung but out of the ensemble and the best', { timeout: 60_000 }, async () => {
  const parentDir = join(mkdtempSync(join(tmpdir(), 'automl-continue-')), 'parent');
  await fit(datasetPath('glass'), { ...BASE, maxTrials: 4, runDir: parentDir });
  // The parent's two best trials become trials of a lower rung, their predictions still stored.
  const log = join(parentDir, TRIALS_FILE);
  const lines = readFileSync(log, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { id: number; cost: number | null; fidelity?: number; rung?: number });
  const lowered = new Set([...lines].filter((l) => l.cost !== null).sort((a, b) => a.cost! - b.cost!).slice(0, 2).map((l) => l.id));
  writeFileSync(log, lines.map((l) => JSON.stringify(lowered.has(l.id) ? { ...l, fidelity: 1 / 3, rung: 0 } : l)).join('\n') + '\n');
  assert.ok([...lowered].every((id) => storedPredictionIds(parentDir).includes(id)));

  const child = await fit(datasetPath('glass'), { ...BASE, maxTrials: 2, ensembleSize: 10, warmStartFrom: parentDir });
  assert.ok(child.artifact.members.every((m) => !lowered.has(m.trialId)), `members ${child.artifact.members.map((m) => m.trialId)}, lowered ${[...lowered]}`);
  const rows = child.leaderboard();
  const loweredRows = rows.filter((row) => lowered.has(row.id));
  assert.equal(loweredRows.length, 2);
  for (const row of loweredRows) {
    assert.equal(row.fidelity, 1 / 3);
    assert.equal(row.rung, 0);
    assert.equal(row.ensemble_weight, 0);
  }
  // Full-fidelity successes rank first, whatever the costs of the lower rung.
  const fullSuccesses = rows.filter((row) => row.status === 'SUCCESS' && row.fidelity === undefined);
  assert.ok(fullSuccesses.length > 0);
  assert.ok(Math.max(...fullSuccesses.map((row) => row.rank)) < Math.min(...loweredRows.map((row) => row.rank)));
  const bestFull = Math.max(...fullSuccesses.map((row) => row.validation_score!));
  assert.equal(child.artifact.summary['best_validation_score'], bestFull, 'the best trial is a full-fidelity one');
});
