/**
 * A job killed right after its best trial and resumed with too little budget to beat it must
 * still deploy that trial: the earlier attempt's trials compete for the final model and their
 * stored out-of-sample predictions join the ensemble.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runBatch } from '../../src/batch/index.ts';
import { predictionPath, storedPredictionIds } from '../../src/search/prediction-store.ts';
import { datasetPath } from '../helpers/datasets.ts';

const TINY_SPACE = fileURLToPath(new URL('../../pipelines/tiny.json', import.meta.url));

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

test('a job killed right after its best trial, resumed with too little budget to beat it, deploys that trial', { timeout: 120_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'automl-resume-best-'));
  const out = join(dir, 'out');
  const spec = {
    jobs: [{ name: 'glass', data: datasetPath('glass'), target: 'class', time: 60, maxTrials: 8, ensembleSize: 1, space: TINY_SPACE, workers: 0, seed: 4 }],
  };
  await runBatch(spec, { out });
  const jobDir = join(out, 'glass');
  const attempt1 = join(jobDir, 'runs', 'attempt-1');
  const logged = trialsOf(join(attempt1, 'trials.jsonl'));
  let best = logged[0]!;
  for (const trial of logged) if (trial.status === 'SUCCESS' && trial.cost! < best.cost!) best = trial;
  assert.equal(best.status, 'SUCCESS');

  // What a kill -9 right after the best trial leaves: the log up to that trial, the predictions
  // kept by then, and no model, report or summary.
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
  assert.ok(resumed.length >= 1, 'the resumed attempt ran trials');
  assert.ok(
    resumed.every((t) => t.status !== 'SUCCESS' || t.cost! > best.cost!),
    'precondition: no new trial beats the earlier best (change the seed if the search changed)',
  );
  assert.ok(Math.min(...upToBest.map((t) => t.id)) >= 1 && resumed.every((t) => t.id > upToBest.length), 'new trial ids follow the earlier ones');

  const model = JSON.parse(readFileSync(join(jobDir, 'model.json'), 'utf8')) as {
    validationScore: number;
    members: { config: Record<string, unknown> }[];
    summary: { best_validation_score: number; continued_trials: number };
  };
  assert.ok(Math.abs(model.validationScore - best.score!) < 1e-12, `deployed ${model.validationScore}, earlier best ${best.score}`);
  assert.equal(model.members.length, 1);
  assert.deepEqual(model.members[0]!.config, best.config, 'the deployed member is the earlier best trial');
  assert.equal(model.summary.best_validation_score, model.validationScore);
  assert.equal(model.summary.continued_trials, upToBest.length);
});
