/**
 * Every local runner carries a trial's setup (its fidelity, the median rule's snapshot) to the
 * evaluator intact, and a trial below full fidelity run in a worker thread is the same trial as
 * in this thread.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { InProcessRunner } from '../../../src/search/runner/in-process-runner.ts';
import { WorkerPoolRunner } from '../../../src/search/runner/worker-pool-runner.ts';
import type { TrialLimits, TrialSetup } from '../../../src/search/runner/trial-runner.ts';
import type { EvaluationData } from '../../../src/search/evaluate-trial.ts';
import type { Configuration } from '../../../src/space/index.ts';
import { irisEvaluation } from './fixtures/evaluation-data.ts';
import { describeSetup, evaluateTrial as echoSetup } from './fixtures/setup-echo-evaluator.ts';

const ECHO = new URL('./fixtures/setup-echo-evaluator.ts', import.meta.url);
const LIMITS: TrialLimits = { timeSeconds: 30, memoryMb: 512 };
const SETUP: TrialSetup = {
  fidelity: { share: 1 / 9, resource: 'rows' },
  stopping: { checkpoints: [0.125, 0.25, 0.5], medians: [0.2, null, Infinity] },
};
/** A quarter of the default pipeline's boosting rounds. */
const QUARTER: TrialSetup = { fidelity: { share: 0.25, resource: 'auto' } };

let data: EvaluationData;
let defaultConfig: Configuration;

before(async () => {
  ({ data, defaultConfig } = await irisEvaluation());
});

describe('InProcessRunner with a trial setup', () => {
  it('passes the setup to its evaluator, and none for a full trial', async () => {
    const runner = new InProcessRunner(data, echoSetup);
    assert.equal((await runner.run(defaultConfig, 1, LIMITS, SETUP)).error, describeSetup(SETUP));
    assert.equal((await runner.run(defaultConfig, 1, LIMITS)).error, 'null');
  });
});

describe('WorkerPoolRunner with a trial setup', () => {
  let echo: WorkerPoolRunner;
  let real: WorkerPoolRunner;

  before(async () => {
    echo = new WorkerPoolRunner({ data, workers: 1, memoryMb: LIMITS.memoryMb, evaluatorModule: ECHO });
    real = new WorkerPoolRunner({ data, workers: 1, memoryMb: LIMITS.memoryMb });
    await Promise.all([echo.ready(), real.ready()]);
  });

  after(async () => {
    await Promise.all([echo.close(), real.close()]);
  });

  it('passes the setup through the thread boundary intact', async () => {
    assert.equal((await echo.run(defaultConfig, 1, LIMITS, SETUP)).error, describeSetup(SETUP));
    assert.equal((await echo.run(defaultConfig, 1, LIMITS)).error, 'null');
  });

  it('runs a trial below full fidelity as the in-process runner does', async () => {
    const isolated = await real.run(defaultConfig, 42, LIMITS, QUARTER);
    const direct = await new InProcessRunner(data).run(defaultConfig, 42, LIMITS, QUARTER);
    assert.equal(isolated.status, 'SUCCESS');
    assert.equal(isolated.cost, direct.cost);
    assert.deepEqual(isolated.validPrediction, direct.validPrediction);
    const full = await real.run(defaultConfig, 42, LIMITS);
    assert.notDeepEqual(full.validPrediction, isolated.validPrediction, 'a quarter of the rounds predicts otherwise than all of them');
  });
});
