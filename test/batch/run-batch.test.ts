import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runBatch } from '../../src/api/index.ts';
import { loadModel } from '../../src/export/model.ts';
import { datasetPath } from '../helpers/datasets.ts';

const TINY_SPACE = fileURLToPath(new URL('../../pipelines/tiny.json', import.meta.url));

test('runBatch records a failing job, goes on, and on a rerun reuses done jobs and retries failed ones', { timeout: 60_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'automl-batch-'));
  const out = join(dir, 'out');
  const late = join(dir, 'late.csv');
  const jobs = [
    { name: 'iris', data: datasetPath('iris'), target: 'class', time: 2, maxTrials: 2, space: TINY_SPACE, workers: 0 },
    { name: 'no-target', data: datasetPath('iris'), target: 'species', time: 2, workers: 0 },
    { name: 'late', data: late, target: 'class', time: 2, maxTrials: 1, space: TINY_SPACE, workers: 0 },
    { name: 'zoo', data: datasetPath('zoo'), target: 'class', time: 2, maxTrials: 2, space: TINY_SPACE, workers: 0, ensembleSize: 1 },
  ];
  const seen: string[] = [];
  const summary = await runBatch({ jobs }, { out, concurrency: 2, onJob: (job) => seen.push(job.name) });
  assert.deepEqual(summary.jobs.map((j) => [j.name, j.status]), [['iris', 'done'], ['no-target', 'failed'], ['late', 'failed'], ['zoo', 'done']]);
  assert.deepEqual(summary.counts, { done: 2, failed: 2, pending: 0 });
  assert.deepEqual([...seen].sort(), ['iris', 'late', 'no-target', 'zoo']);
  assert.equal(summary.jobs[2]!.error_code, 'FILE_NOT_FOUND');
  const failed = summary.jobs[1]!;
  assert.equal(failed.error_code, 'UNKNOWN_TARGET');
  assert.match(failed.error ?? '', /species/);

  const iris = summary.jobs[0]!;
  assert.equal(iris.metric, 'balanced_accuracy');
  assert.ok(iris.validation_score !== null && iris.validation_score > 0.5);
  assert.equal(iris.trials, 2);
  assert.equal(loadModel(join(out, 'iris', 'model.json')).predict([{ sepal_length_cm: 5, sepal_width_cm: 3.4, petal_length_cm: 1.5, petal_width_cm: 0.2 }])[0], 'setosa');
  assert.ok(readFileSync(join(out, 'iris', 'report.html'), 'utf8').startsWith('<!DOCTYPE html>'));
  assert.equal(summary.jobs[3]!.ensemble_size, 1);

  const csv = readFileSync(join(out, 'summary.csv'), 'utf8').trim().split('\n');
  assert.equal(csv[0]!.split(',')[0], 'name');
  assert.equal(csv.length, 5);
  assert.match(csv[2]!, /^no-target,failed,/);
  assert.deepEqual(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')).counts, summary.counts);

  // Rerun with the missing file now present, one job dropped and one job's settings changed.
  copyFileSync(datasetPath('iris'), late);
  const irisModelTime = statSync(join(out, 'iris', 'model.json')).mtimeMs;
  const again = await runBatch({ jobs: [jobs[0]!, jobs[2]!, { ...jobs[3]!, seed: 5 }] }, { out });
  assert.deepEqual(again.jobs.map((j) => j.status), ['done', 'done', 'done']);
  assert.deepEqual(again.reused, ['iris']);
  assert.equal(statSync(join(out, 'iris', 'model.json')).mtimeMs, irisModelTime);
  assert.equal(again.jobs[1]!.attempts, 2, 'the failed job was retried as a new attempt');
  assert.equal(again.jobs[2]!.attempts, 1, 'a changed job starts over');
  assert.ok(!existsSync(join(out, 'zoo', 'runs', 'attempt-2')));
});

test('runBatch rejects an object spec without an output folder and bad concurrency', async () => {
  const jobs = [{ name: 'a', data: 'a.csv', target: 'y', time: 1 }];
  await assert.rejects(runBatch({ jobs }), /needs options\.out/);
  await assert.rejects(runBatch({ jobs }, { out: tmpdir(), concurrency: 0 }), /concurrency must be a positive integer/);
});

test('a batch folder in use by a live process is refused; a stale lock is taken over', async () => {
  const out = mkdtempSync(join(tmpdir(), 'automl-batch-lock-'));
  const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' });
  try {
    writeFileSync(join(out, 'batch.lock'), `${sleeper.pid}\n`);
    await assert.rejects(runBatch({ jobs: [{ name: 'a', data: 'a.csv', target: 'y', time: 1 }] }, { out }), /another batch \(process \d+\) is running/);
  } finally {
    sleeper.kill('SIGKILL');
  }
  await new Promise((resolve) => sleeper.on('exit', resolve));
  const summary = await runBatch({ jobs: [{ name: 'a', data: join(out, 'absent.csv'), target: 'y', time: 1 }] }, { out });
  assert.equal(summary.jobs[0]!.status, 'failed');
  assert.ok(!existsSync(join(out, 'batch.lock')), 'the lock is released at the end');
});
