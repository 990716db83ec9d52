import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { InProcessRunner } from '../../../src/search/runner/in-process-runner.ts';
import { evaluateTrial, type EvaluationData } from '../../../src/search/evaluate-trial.ts';
import type { Configuration } from '../../../src/space/index.ts';
import { irisEvaluation } from './fixtures/evaluation-data.ts';
import { evaluateTrial as misbehaving, BEHAVIOUR } from './fixtures/misbehaving-evaluator.ts';

const LIMITS = { timeSeconds: 10, memoryMb: 256 };

describe('InProcessRunner', () => {
  let data: EvaluationData;
  let defaultConfig: Configuration;

  before(async () => {
    ({ data, defaultConfig } = await irisEvaluation());
  });

  it('returns what evaluateTrial returns', async () => {
    const outcome = await new InProcessRunner(data).run(defaultConfig, 5, LIMITS);
    const direct = evaluateTrial(defaultConfig, data, 5);
    assert.equal(outcome.status, 'SUCCESS');
    assert.equal(outcome.cost, direct.cost);
  });

  it('turns an evaluator that throws into CRASHED', async () => {
    const outcome = await new InProcessRunner(data, misbehaving).run({ ...defaultConfig, [BEHAVIOUR]: 'throw' }, 1, LIMITS);
    assert.equal(outcome.status, 'CRASHED');
    assert.equal(outcome.error, 'deliberate failure in a trial');
  });

  it('does not start a trial after the deadline or after close', async () => {
    const runner = new InProcessRunner(data);
    const aborted = await runner.run(defaultConfig, 1, { ...LIMITS, signal: AbortSignal.abort() });
    assert.equal(aborted.status, 'TIMEOUT');
    await runner.close();
    assert.equal((await runner.run(defaultConfig, 1, LIMITS)).status, 'CRASHED');
    assert.equal(runner.concurrency, 1);
  });
});
