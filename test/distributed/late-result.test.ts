/**
 * A trial still running on a worker when the search deadline passes resolves at once as TIMEOUT;
 * the result its worker sends afterwards changes nothing, not even the trial pending next, which
 * gets its own result. The worker here is a BullMQ worker of the test, so that it can hold each
 * result until the moment the test chooses.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Job } from 'bullmq';
import { Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { QueueRunner } from '../../src/search/runner/queue-runner.ts';
import { evaluateTrial } from '../../src/search/evaluate-trial.ts';
import { failedOutcome } from '../../src/search/runner/trial-runner.ts';
import { parseQueueAddress } from '../../src/distributed/queue-address.ts';
import { KEY_PREFIX, TRIAL_QUEUE } from '../../src/distributed/queue-names.ts';
import { encodeResult, type TrialJobData, type TrialJobResult } from '../../src/distributed/trial-job.ts';
import { irisEvaluation } from '../search/runner/fixtures/evaluation-data.ts';
import { startRedis } from './redis-fixture.ts';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = (): void => {};
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

test('a result arriving after the search deadline is ignored and not given to the next trial', { timeout: 60_000 }, async () => {
  const redis = await startRedis();
  const { data, defaultConfig } = await irisEvaluation();
  const lateOutcome = evaluateTrial(defaultConfig, data, 0);
  assert.equal(lateOutcome.status, 'SUCCESS');
  const release = new Map<string, { promise: Promise<void>; resolve: () => void }>();
  const gate = (suffix: string) => {
    if (!release.has(suffix)) release.set(suffix, deferred());
    return release.get(suffix)!;
  };
  const tookFirst = deferred();
  const connection = new Redis(redis.url, { maxRetriesPerRequest: null });
  const worker = new Worker<TrialJobData, TrialJobResult>(
    TRIAL_QUEUE,
    async (job: Job<TrialJobData, TrialJobResult>) => {
      const suffix = job.id!.slice(job.id!.lastIndexOf('-') + 1);
      if (suffix === '1') tookFirst.resolve();
      await gate(suffix).promise;
      return encodeResult(suffix === '1' ? lateOutcome : failedOutcome('MEMOUT', 'the second trial\'s own result', 0.5));
    },
    { connection, prefix: KEY_PREFIX, concurrency: 2 },
  );
  const completed: string[] = [];
  worker.on('completed', (job) => completed.push(job.id!));
  const runner = await QueueRunner.open({ address: parseQueueAddress(redis.url), data, workers: 2, backend: 'auto' });
  try {
    const deadline = new AbortController();
    const first = runner.run(defaultConfig, 0, { timeSeconds: 60, memoryMb: 1024, signal: deadline.signal });
    await tookFirst.promise;
    deadline.abort();
    const atDeadline = await first;
    assert.equal(atDeadline.status, 'TIMEOUT', 'resolved at the deadline, without waiting for the worker');

    const second = runner.run(defaultConfig, 1, { timeSeconds: 60, memoryMb: 1024 });
    gate('1').resolve();
    for (let waited = 0; !completed.some((id) => id.endsWith('-1')); waited += 50) {
      assert.ok(waited < 20_000, 'the late trial completed on the worker');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // Long enough for the completion event and a poll of the runner to have seen the late result.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    gate('2').resolve();
    const next = await second;
    assert.equal(next.status, 'MEMOUT', `the next trial got ${next.status}, not the late result`);
    assert.equal(next.error, 'the second trial\'s own result');
  } finally {
    await runner.close();
    await worker.close();
    connection.disconnect();
    await redis.stop();
  }
});
