import { test } from 'node:test';
import assert from 'node:assert/strict';
import { availableParallelism } from 'node:os';
import { MAX_DURATION_SECONDS, resolveFitOptions } from '../../src/api/options.ts';
import { capWorkers } from '../../src/api/worker-cap.ts';
import { AutoMLError } from '../../src/util/errors.ts';
import type { Logger } from '../../src/util/log.ts';

function badOption(pattern: RegExp): (error: unknown) => boolean {
  return (error) => error instanceof AutoMLError && error.code === 'BAD_OPTION' && pattern.test(error.message);
}

test('durations a timer cannot wait (about 24.8 days and more) are refused, not fired at once', () => {
  // setTimeout fires at once above 2^31 − 1 ms: the bound must keep every accepted value below it.
  assert.ok(MAX_DURATION_SECONDS * 1000 <= 2 ** 31 - 1);
  for (const timeBudget of [3_000_000, 1e308, MAX_DURATION_SECONDS + 1]) {
    assert.throws(() => resolveFitOptions({ target: 'y', timeBudget }), badOption(/timeBudget must be at most 2147483 seconds/), String(timeBudget));
  }
  for (const timeBudget of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
    assert.throws(() => resolveFitOptions({ target: 'y', timeBudget }), badOption(/timeBudget must be a positive number of seconds/), String(timeBudget));
  }
  for (const perTrialTime of [3_000_000, Number.POSITIVE_INFINITY, 0, -5]) {
    assert.throws(() => resolveFitOptions({ target: 'y', perTrialTime }), badOption(/perTrialTime must be/), String(perTrialTime));
  }
  assert.equal(resolveFitOptions({ target: 'y', timeBudget: MAX_DURATION_SECONDS }).timeBudget, MAX_DURATION_SECONDS);
});

test('workers are capped by cores, with one warning line', () => {
  const warnings: string[] = [];
  const logger: Logger = { info: () => {}, warn: (message) => warnings.push(message) };
  const resolved = resolveFitOptions({ target: 'y', workers: 64, memoryLimit: 64, logger });
  assert.ok(resolved.workers <= availableParallelism(), `${resolved.workers} workers on ${availableParallelism()} cores`);
  assert.equal(warnings.length, 1);
  assert.match(warnings[0]!, /running \d+ workers instead of 64/);
  assert.doesNotMatch(warnings[0]!, /\n/);
  // In-process (0) has no workers to cap, and a request the machine holds is kept silently.
  assert.equal(resolveFitOptions({ target: 'y', workers: 0, logger }).workers, 0);
  assert.equal(resolveFitOptions({ target: 'y', workers: 1, memoryLimit: 64, logger }).workers, 1);
  assert.equal(warnings.length, 1);
});

test('capWorkers: the tighter of cores and free memory over the per-trial memory limit, at least one', () => {
  assert.deepEqual(capWorkers(4, 1024, { cores: 8, freeMb: 16_384 }), { workers: 4, warning: undefined });
  const byCores = capWorkers(64, 1024, { cores: 2, freeMb: 65_536 });
  assert.equal(byCores.workers, 2);
  assert.match(byCores.warning ?? '', /2 cores/);
  const byMemory = capWorkers(8, 3072, { cores: 16, freeMb: 10_000 });
  assert.equal(byMemory.workers, 3);
  assert.match(byMemory.warning ?? '', /memory/);
  assert.equal(capWorkers(8, 3072, { cores: 16, freeMb: 100 }).workers, 1);
  assert.deepEqual(capWorkers(0, 3072, { cores: 1, freeMb: 10 }), { workers: 0, warning: undefined });
});
