/**
 * A job killed right after its best trial and resumed with too little budget to beat it must
 * still deploy that trial: the earlier attempt's trials compete for the final model and their
 * stored out-of-sample predictions join the ensemble.
 *
 * The job searches a space of a few deterministic configurations (test/helpers/finite-space.ts),
 * so whatever order the optimiser tries them in, the first attempt scores every one of them and
 * the resumed attempt can only rerun those the kill cut off, each scoring what it scored before:
 * none can beat the best.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBatch } from '../../src/batch/index.ts';
import { predictionPath, storedPredictionIds } from '../../src/search/prediction-store.ts';
import { datasetPath } from '../helpers/datasets.ts';
import { FINITE_SPACE_C, writeFiniteSpace } from '../helpers/finite-space.ts';

interface LoggedTrial {
  readonly id: number;
  readonly status: string;
  readonly cost: number | null;
  readonly score: number | null;
  readonly config: Record<string, unknown>;
}

function trialsOf(path: string): LoggedTrial[] {
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as LoggedTrial);
}

const configKey = (trial: LoggedTrial) => JSON.stringify(trial.config);

test('a job killed right after its best trial, resumed with too little budget to beat it, deploys that trial', { timeout: 120_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'automl-resume-best-'));
  const out = join(dir, 'out');
  const space = writeFiniteSpace(dir);
  const spec = {
    jobs: [{ name: 'glass', data: datasetPath('glass'), target: 'class', time: 60, maxTrials: 8, ensembleSize: 1, space, workers: 0, seed: 4 }],
  };
  await runBatch(spec, { out });
  const jobDir = join(out, 'glass');
  const attempt1 = join(jobDir, 'runs', 'attempt-1');
  const logged = trialsOf(join(attempt1, 'trials.jsonl'));
  assert.equal(logged.length, FINITE_SPACE_C.length, 'the first attempt tried every configuration');
  assert.ok(logged.every((t) => t.status === 'SUCCESS'));
  const best = logged.reduce((a, b) => (b.cost! < a.cost! ? b : a));
  assert.equal(logged.filter((t) => t.cost === best.cost).length, 1, 'the best configuration is the only one with its score');

  // What a kill -9 right after the best trial leaves: the log up to that trial, the predictions
  // stored by then, and no model, report or summary (each is written atomically at the end).
  const upToBest = logged.filter((t) => t.id <= best.id);
  writeFileSync(join(attempt1, 'trials.jsonl'), upToBest.map((t) => `${JSON.stringify(t)}\n`).join(''));
  for (const id of storedPredictionIds(attempt1)) if (id > best.id) rmSync(predictionPath(attempt1, id));
  for (const file of ['model.json', 'report.html', 'summary.json']) rmSync(join(jobDir, file), { force: true });
  rmSync(join(attempt1, 'report-data.json'), { force: true });
  assert.ok(existsSync(predictionPath(attempt1, best.id)), 'the best trial had its prediction stored');

  const summary = await runBatch(spec, { out });
  assert.equal(summary.jobs[0]!.status, 'done');
  assert.equal(summary.jobs[0]!.attempts, 2);
  const resumed = trialsOf(join(jobDir, 'runs', 'attempt-2', 'trials.jsonl'));
  // The resumed attempt reruns exactly what the kill cut off, after the earlier trials' ids.
  const cutOff = logged.filter((t) => t.id > best.id);
  assert.deepEqual(resumed.map(configKey).sort(), cutOff.map(configKey).sort());
  assert.deepEqual(resumed.map((t) => t.id), cutOff.map((_, i) => upToBest.length + 1 + i));
  const earlierScore = new Map(logged.map((t) => [configKey(t), t.score]));
  for (const trial of resumed) assert.equal(trial.score, earlierScore.get(configKey(trial)), 'a configuration scores the same in both attempts');

  const model = JSON.parse(readFileSync(join(jobDir, 'model.json'), 'utf8')) as {
    validationScore: number;
    members: { trialId: number; config: Record<string, unknown> }[];
    leaderboard: { id: number }[];
    summary: { best_validation_score: number; continued_trials: number };
  };
  assert.equal(model.validationScore, best.score, `deployed ${model.validationScore}, earlier best ${best.score}`);
  assert.equal(model.members.length, 1);
  assert.deepEqual(model.members[0]!.config, best.config, 'the deployed member is the earlier best trial');
  assert.equal(model.members[0]!.trialId, best.id);
  assert.equal(model.summary.best_validation_score, best.score);
  assert.equal(model.summary.continued_trials, upToBest.length);
  assert.deepEqual(model.leaderboard.map((row) => row.id).sort((a, b) => a - b), logged.map((t) => t.id), 'the leaderboard covers both attempts');
  assert.equal(summary.jobs[0]!.validation_score, best.score);
});
