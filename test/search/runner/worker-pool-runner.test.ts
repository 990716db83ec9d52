import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { InProcessRunner } from '../../../src/search/runner/in-process-runner.ts';
import { WorkerPoolRunner } from '../../../src/search/runner/worker-pool-runner.ts';
import type { TrialLimits } from '../../../src/search/runner/trial-runner.ts';
import type { EvaluationData, TrialOutcome } from '../../../src/search/evaluate-trial.ts';
import type { Configuration } from '../../../src/space/index.ts';
import { irisEvaluation } from './fixtures/evaluation-data.ts';
import { BEHAVIOUR, SECONDS, STOP_FILE } from './fixtures/misbehaving-evaluator.ts';

const MISBEHAVING = new URL('./fixtures/misbehaving-evaluator.ts', import.meta.url);
const LIMITS: TrialLimits = { timeSeconds: 20, memoryMb: 256 };

let data: EvaluationData;
let defaultConfig: Configuration;

before(async () => {
  ({ data, defaultConfig } = await irisEvaluation());
});

function behaving(behaviour: string, extra: Configuration = {}): Configuration {
  return { ...defaultConfig, [BEHAVIOUR]: behaviour, ...extra };
}

async function timed(outcome: Promise<TrialOutcome>): Promise<{ outcome: TrialOutcome; seconds: number }> {
  const start = performance.now();
  const result = await outcome;
  return { outcome: result, seconds: (performance.now() - start) / 1000 };
}

describe('WorkerPoolRunner with misbehaving trials', () => {
  let pool: WorkerPoolRunner;

  before(async () => {
    pool = new WorkerPoolRunner({ data, workers: 2, memoryMb: LIMITS.memoryMb, evaluatorModule: MISBEHAVING });
    await pool.ready();
  });

  after(async () => {
    await pool.close();
  });

  it('gives the same outcome as the in-process runner on real data', async () => {
    // Configurations without the test key reach the real evaluateTrial.
    const isolated = await pool.run(defaultConfig, 42, LIMITS);
    const direct = await new InProcessRunner(data).run(defaultConfig, 42, LIMITS);
    assert.equal(isolated.status, 'SUCCESS');
    assert.equal(isolated.cost, direct.cost);
    assert.equal(isolated.score, direct.score);
    assert.deepEqual(isolated.validPrediction, direct.validPrediction);
  });

  it('reports a trial that throws as CRASHED with its message', async () => {
    const outcome = await pool.run(behaving('throw'), 1, LIMITS);
    assert.equal(outcome.status, 'CRASHED');
    assert.equal(outcome.cost, Infinity);
    assert.equal(outcome.error, 'deliberate failure in a trial');
  });

  it('reports a worker that exits in the middle of a trial as CRASHED', async () => {
    const outcome = await pool.run(behaving('exit'), 1, LIMITS);
    assert.equal(outcome.status, 'CRASHED');
    assert.match(outcome.error ?? '', /exited unexpectedly with code 3/);
  });

  it('stops a trial that loops forever at its time limit, and the pool keeps working', async () => {
    const { outcome, seconds } = await timed(pool.run(behaving('loop'), 1, { ...LIMITS, timeSeconds: 1 }));
    assert.equal(outcome.status, 'TIMEOUT');
    assert.equal(outcome.cost, Infinity);
    // fitSeconds runs from the moment the worker got the trial; the wall time may include a wait for a worker.
    // Timers run on the event loop's whole-millisecond clock, so the stop may land a fraction of a millisecond early.
    assert.ok(outcome.fitSeconds >= 0.99 && outcome.fitSeconds < 1.2, `stopped after ${outcome.fitSeconds.toFixed(3)} s`);
    assert.ok(seconds < 10, `resolved after ${seconds.toFixed(3)} s`);
    const next = await pool.run(defaultConfig, 1, LIMITS);
    assert.equal(next.status, 'SUCCESS');
  });

  it('stops a trial that hoards typed arrays (outside the V8 heap) as MEMOUT', async () => {
    const { outcome, seconds } = await timed(pool.run(behaving('allocate-typed'), 1, LIMITS));
    assert.equal(outcome.status, 'MEMOUT', outcome.error);
    assert.match(outcome.error ?? '', /memory limit of 256 MB/);
    assert.ok(seconds < 10, `resolved after ${seconds.toFixed(3)} s`);
  });

  it('stops a trial that hoards JS arrays as MEMOUT', async () => {
    const { outcome, seconds } = await timed(pool.run(behaving('allocate-array'), 1, LIMITS));
    assert.equal(outcome.status, 'MEMOUT', outcome.error);
    assert.ok(seconds < 10, `resolved after ${seconds.toFixed(3)} s`);
    const next = await pool.run(defaultConfig, 1, LIMITS);
    assert.equal(next.status, 'SUCCESS');
  });

  it('blames the trial that grows, not its neighbour that churns memory', async () => {
    await pool.ready();
    // The neighbour churns until the hog is judged, however long that takes on a loaded machine.
    const stopFile = join(mkdtempSync(join(tmpdir(), 'automl-runner-')), 'stop');
    const neighbour = pool.run(behaving('churn', { [SECONDS]: 30, [STOP_FILE]: stopFile }), 1, LIMITS);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const hog = await pool.run(behaving('allocate-typed'), 2, LIMITS);
    writeFileSync(stopFile, '');
    assert.equal(hog.status, 'MEMOUT', hog.error);
    assert.match(hog.error ?? '', /joint 512 MB/);
    assert.equal((await neighbour).status, 'SUCCESS');
    rmSync(dirname(stopFile), { recursive: true });
  });

  it('runs trials in parallel, one per worker, and queues the rest', async () => {
    await pool.ready();
    const busy = behaving('busy', { [SECONDS]: 0.5 });
    const { seconds } = await timed(Promise.all([1, 2, 3, 4].map((seed) => pool.run(busy, seed, LIMITS))).then((outcomes) => {
      for (const outcome of outcomes) assert.equal(outcome.status, 'SUCCESS');
      return outcomes[0]!;
    }));
    // Sequentially the four trials take 2 s; two workers on two cores need about 1 s.
    if (availableParallelism() >= 2) assert.ok(seconds < 1.7, `4 × 0.5 s on 2 workers took ${seconds.toFixed(3)} s`);
  });

  it('stops running and queued trials when the deadline signal aborts', async () => {
    const deadline = new AbortController();
    const limits = { ...LIMITS, timeSeconds: 60, signal: deadline.signal };
    const runs = [1, 2, 3].map((seed) => timed(pool.run(behaving('loop'), seed, limits)));
    setTimeout(() => deadline.abort(), 300);
    const results = await Promise.all(runs);
    for (const { outcome, seconds } of results) {
      assert.equal(outcome.status, 'TIMEOUT');
      assert.ok(seconds < 0.6, `resolved after ${seconds.toFixed(3)} s`);
    }
    assert.match(results[2]!.outcome.error ?? '', /before it started/);
    const late = await pool.run(defaultConfig, 1, limits);
    assert.equal(late.status, 'TIMEOUT');
  });

  it('refuses limits it cannot enforce without throwing', async () => {
    const outcome = await pool.run(defaultConfig, 1, { timeSeconds: 0, memoryMb: 256 });
    assert.equal(outcome.status, 'CRASHED');
    assert.match(outcome.error ?? '', /time limit/);
  });
});

describe('WorkerPoolRunner', () => {
  it('ends a JS heap that outgrows its V8 limit as MEMOUT when the memory guard is off', async () => {
    const pool = new WorkerPoolRunner({ data, workers: 1, memoryMb: 64, memoryPollMs: 0, evaluatorModule: MISBEHAVING });
    try {
      const outcome = await pool.run(behaving('allocate-array'), 1, { timeSeconds: 30, memoryMb: 64 });
      assert.equal(outcome.status, 'MEMOUT');
      assert.match(outcome.error ?? '', /JS heap/);
    } finally {
      await pool.close();
    }
  });

  it('reports workers that cannot start as CRASHED instead of waiting', async () => {
    const pool = new WorkerPoolRunner({ data, workers: 1, evaluatorModule: new URL('./fixtures/no-such-module.ts', import.meta.url) });
    try {
      const outcome = await pool.run(defaultConfig, 1, LIMITS);
      assert.equal(outcome.status, 'CRASHED');
      assert.match(outcome.error ?? '', /failed to start/);
    } finally {
      await pool.close();
    }
  });

  it('resolves running and later trials as CRASHED once closed', async () => {
    const pool = new WorkerPoolRunner({ data, workers: 1, memoryMb: LIMITS.memoryMb, evaluatorModule: MISBEHAVING });
    const running = pool.run(behaving('loop'), 1, LIMITS);
    const queued = pool.run(behaving('loop'), 2, LIMITS);
    await pool.close();
    assert.equal((await running).status, 'CRASHED');
    assert.equal((await queued).status, 'CRASHED');
    assert.equal((await pool.run(defaultConfig, 1, LIMITS)).status, 'CRASHED');
  });
});
