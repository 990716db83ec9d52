/**
 * A worker killed with SIGKILL in the middle of a batch job's fit: the job's lock lapses, the
 * other worker runs the fit again, and the batch records the job done once, from the survivor.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runBatch } from '../../src/batch/index.ts';
import { datasetPath } from '../helpers/datasets.ts';
import { startRedis, startWorker, waitForOutput, type Started } from './redis-fixture.ts';

const TINY_SPACE = fileURLToPath(new URL('../../pipelines/tiny.json', import.meta.url));

test('a batch job whose worker is killed mid-fit is run again by another worker', { timeout: 180_000 }, async () => {
  const redis = await startRedis();
  const workers = await Promise.all([0, 1].map(() => startWorker(redis.url, ['--stall-seconds', '2'])));
  try {
    const out = join(mkdtempSync(join(tmpdir(), 'automl-batch-worker-killed-')), 'out');
    const jobs = [{ name: 'iris', data: datasetPath('iris'), target: 'class', time: 6, maxTrials: 3, space: TINY_SPACE, seed: 2, ensembleSize: 1 }];
    const batch = runBatch({ jobs }, { out, queue: redis.url });
    const first = await Promise.race(workers.map(async (worker): Promise<Started> => {
      await waitForOutput(worker.child, worker.output, /batch job iris: started/, 120_000);
      return worker;
    }));
    await first.stop();
    const survivor = workers.find((w) => w !== first)!;
    const summary = await batch;

    assert.equal(summary.jobs[0]!.status, 'done', summary.jobs[0]!.error ?? '');
    assert.match(survivor.output.text, /batch job iris: started[\s\S]*batch job iris: done/);
    assert.doesNotMatch(first.output.text, /batch job iris: done/);
    assert.ok(existsSync(join(out, 'iris', 'model.json')));
  } finally {
    await Promise.all(workers.map((w) => w.stop()));
    await redis.stop();
  }
});
