/**
 * A trial's setup crosses the queue: its encoding keeps what JSON would lose (an Infinity median),
 * and a real `automl worker` runs a trial below full fidelity exactly as this process would.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { QueueRunner } from '../../src/search/runner/queue-runner.ts';
import { InProcessRunner } from '../../src/search/runner/in-process-runner.ts';
import type { TrialLimits, TrialSetup } from '../../src/search/runner/trial-runner.ts';
import { parseQueueAddress } from '../../src/distributed/queue-address.ts';
import { decodeSetup, encodeSetup } from '../../src/distributed/trial-job.ts';
import { irisEvaluation } from '../search/runner/fixtures/evaluation-data.ts';
import { startRedis, startWorker } from './redis-fixture.ts';

const LIMITS: TrialLimits = { timeSeconds: 60, memoryMb: 1024 };

test('a trial setup survives its job encoding, Infinity and null included', () => {
  const setup: TrialSetup = { fidelity: { share: 1 / 27, resource: 'iterations' }, stopping: { checkpoints: [0.125, 0.5], medians: [Infinity, null] } };
  assert.deepEqual(decodeSetup(encodeSetup(setup)), setup);
  assert.equal(decodeSetup(undefined), undefined);
});

test('a queue worker runs a trial at the fidelity the search asked for', { timeout: 120_000 }, async () => {
  const redis = await startRedis();
  const worker = await startWorker(redis.url, ['--concurrency', '1']);
  const { data, defaultConfig } = await irisEvaluation();
  const runner = await QueueRunner.open({ address: parseQueueAddress(redis.url), data, workers: 1, backend: 'auto' });
  try {
    const quarter: TrialSetup = { fidelity: { share: 0.25, resource: 'auto' } };
    const queued = await runner.run(defaultConfig, 5, LIMITS, quarter);
    const local = await new InProcessRunner(data).run(defaultConfig, 5, LIMITS, quarter);
    assert.equal(queued.status, 'SUCCESS');
    assert.equal(queued.cost, local.cost);
    assert.deepEqual(queued.validPrediction, local.validPrediction);
    const full = await new InProcessRunner(data).run(defaultConfig, 5, LIMITS);
    assert.notDeepEqual(full.validPrediction, queued.validPrediction, 'the worker did not run the full trial');
    // A share the evaluator refuses proves the setup is read on the worker's side.
    const refused = await runner.run(defaultConfig, 5, LIMITS, { fidelity: { share: 1.5, resource: 'rows' } });
    assert.equal(refused.status, 'CRASHED');
    assert.match(refused.error ?? '', /got 1\.5/);
    assert.match(worker.output.text, /at fidelity 0\.250/, 'the worker logs the trial\'s fidelity');
  } finally {
    await runner.close();
    await worker.stop();
    await redis.stop();
  }
});
