/**
 * A fit whose trials run on two real `automl worker` processes through Redis proposes and scores
 * exactly the trials a local fit does on a seeded --max-trials run, and records which worker ran
 * each one.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { AutoML } from '../../src/api/index.ts';
import type { TrialRecord } from '../../src/search/trial.ts';
import { loadSplitDataset } from '../helpers/datasets.ts';
import { startRedis, startWorker } from './redis-fixture.ts';

const TINY_SPACE = fileURLToPath(new URL('../../pipelines/tiny.json', import.meta.url));

test('a queued fit on two workers runs the same trials as a local fit and records their workers', async () => {
  const redis = await startRedis();
  const workers = await Promise.all([startWorker(redis.url), startWorker(redis.url)]);
  try {
    const { train } = await loadSplitDataset('iris');
    const options = { target: 'class', maxTrials: 5, timeBudget: 120, warmStart: 0, ensembleSize: 1, seed: 3, space: TINY_SPACE };
    const local: TrialRecord[] = [];
    const queued: TrialRecord[] = [];
    await AutoML.fit(train, { ...options, workers: 1, onTrial: (trial) => local.push(trial) });
    const model = await AutoML.fit(train, { ...options, workers: 2, queue: redis.url, onTrial: (trial) => queued.push(trial) });

    assert.equal(queued.length, 5);
    assert.deepEqual(queued.map((t) => t.id), [1, 2, 3, 4, 5], 'every trial once, none lost or repeated');
    assert.deepEqual(queued.map((t) => [t.config, t.status, t.cost]), local.map((t) => [t.config, t.status, t.cost]));
    const workerNames = new Set(workers.map((w) => `:${w.child.pid}`));
    for (const trial of queued) {
      assert.ok(trial.worker !== undefined && [...workerNames].some((suffix) => trial.worker!.endsWith(suffix)), `trial ${trial.id} ran on ${trial.worker}`);
    }
    assert.ok(local.every((t) => t.worker === undefined), 'local trials name no queue worker');
    assert.ok(model.leaderboard().every((row) => row.worker !== undefined), 'the leaderboard shows the worker of every trial');
  } finally {
    await Promise.all(workers.map((w) => w.stop()));
    await redis.stop();
  }
});
