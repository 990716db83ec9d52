/**
 * A worker killed with SIGKILL in the middle of a trial: the job's lock lapses, the other worker's
 * stalled-job check puts it back in the queue and runs it, and the driver records the trial once,
 * as the survivor's.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AutoML } from '../../src/api/index.ts';
import type { TrialRecord } from '../../src/search/trial.ts';
import { loadSplitDataset } from '../helpers/datasets.ts';
import { startRedis, startWorker, waitForOutput, type Started } from './redis-fixture.ts';

const STALL_SECONDS = '2';

test('a trial whose worker is killed mid-trial is run again by another worker and recorded once', async () => {
  const redis = await startRedis();
  const workers = await Promise.all([0, 1].map(() => startWorker(redis.url, ['--stall-seconds', STALL_SECONDS])));
  try {
    // Digits under 5-fold CV: the default random forest takes seconds, long enough to be killed in.
    const { train } = await loadSplitDataset('digits');
    const trials: TrialRecord[] = [];
    const fit = AutoML.fit(train, { target: 'class', maxTrials: 1, timeBudget: 300, warmStart: 0, ensembleSize: 1, seed: 0, workers: 1, queue: redis.url, onTrial: (trial) => trials.push(trial) });
    const started = await Promise.race(workers.map(async (worker): Promise<Started> => {
      await waitForOutput(worker.child, worker.output, /-1 \S+: started/, 120_000);
      return worker;
    }));
    await started.stop();
    const survivor = workers.find((w) => w !== started)!;
    await fit;

    assert.equal(trials.length, 1, 'the trial is recorded once');
    assert.equal(trials[0]!.status, 'SUCCESS');
    assert.ok(trials[0]!.worker?.endsWith(`:${survivor.child.pid}`), `recorded as run by ${trials[0]!.worker}, not the survivor ${survivor.child.pid}`);
    assert.match(survivor.output.text, /-1 \S+: SUCCESS/);
  } finally {
    await Promise.all(workers.map((w) => w.stop()));
    await redis.stop();
  }
});
