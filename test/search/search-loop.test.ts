import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runSearch } from '../../src/search/search-loop.ts';
import type { Optimizer } from '../../src/search/optimizer.ts';
import type { TrialRecord } from '../../src/search/trial.ts';
import { WorkerPoolRunner } from '../../src/search/runner/index.ts';
import type { Configuration } from '../../src/space/index.ts';
import { TimeBudget } from '../../src/util/clock.ts';
import { irisEvaluation } from './runner/fixtures/evaluation-data.ts';
import { BEHAVIOUR } from './runner/fixtures/misbehaving-evaluator.ts';

const MISBEHAVING = new URL('./runner/fixtures/misbehaving-evaluator.ts', import.meta.url);

/** Proposes a fixed list of configurations, then nothing; records what it was told. */
class ScriptedOptimizer implements Optimizer {
  readonly name = 'scripted';
  readonly told: TrialRecord[] = [];
  constructor(private readonly queue: Configuration[]) {}
  ask(): Configuration | null {
    return this.queue.shift() ?? null;
  }
  tell(trial: TrialRecord): void {
    this.told.push(trial);
  }
}

test('a throwing, a looping and a memory-hoarding trial are recorded with their status and the search goes on', async () => {
  const { data, defaultConfig } = await irisEvaluation();
  const optimizer = new ScriptedOptimizer([
    { ...defaultConfig, [BEHAVIOUR]: 'throw' },
    { ...defaultConfig, [BEHAVIOUR]: 'loop' },
    { ...defaultConfig, [BEHAVIOUR]: 'allocate-typed' },
    defaultConfig,
  ]);
  const runner = new WorkerPoolRunner({ data, workers: 1, memoryMb: 256, evaluatorModule: MISBEHAVING });
  try {
    const result = await runSearch({ optimizer, runner, budget: new TimeBudget(90), maxTrials: undefined, perTrialSeconds: 3, memoryMb: 256, seed: 1 });
    assert.deepEqual(result.trials.map((t) => t.status), ['CRASHED', 'TIMEOUT', 'MEMOUT', 'SUCCESS']);
    assert.match(result.trials[0]!.error ?? '', /deliberate failure/);
    assert.ok(result.trials.slice(0, 3).every((t) => t.cost === Infinity));
    assert.equal(result.best?.id, 4);
    assert.equal(optimizer.told.length, 4);
  } finally {
    await runner.close();
  }
});

test('the time budget is a hard wall: a search of endless trials returns on time', async () => {
  const { data, defaultConfig } = await irisEvaluation();
  const optimizer = new ScriptedOptimizer(Array.from({ length: 10 }, () => ({ ...defaultConfig, [BEHAVIOUR]: 'loop' })));
  const runner = new WorkerPoolRunner({ data, workers: 1, memoryMb: 256, evaluatorModule: MISBEHAVING });
  await runner.ready();
  try {
    const budget = new TimeBudget(4);
    const result = await runSearch({ optimizer, runner, budget, maxTrials: undefined, perTrialSeconds: 60, memoryMb: 256, seed: 1 });
    assert.ok(result.searchSeconds <= 4 * 1.05 + 0.2, `search took ${result.searchSeconds} s`);
    assert.equal(result.trials[0]!.status, 'TIMEOUT');
    assert.equal(result.best, undefined);
  } finally {
    await runner.close();
  }
});
