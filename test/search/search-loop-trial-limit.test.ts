import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runSearch } from '../../src/search/search-loop.ts';
import { RandomSearch } from '../../src/search/random-search.ts';
import type { TrialOutcome } from '../../src/search/evaluate-trial.ts';
import type { TrialLimits, TrialRunner } from '../../src/search/runner/index.ts';
import { CategoricalHyperparameter, ConfigurationSpace, type Configuration } from '../../src/space/index.ts';
import { defaultPerTrialTime } from '../../src/api/options.ts';
import { BUDGET_SHARE } from '../../src/search/trial-time-limit.ts';
import { TimeBudget } from '../../src/util/clock.ts';

const MODEL = 'classifier:__choice__';
const FAST = ['fast_a', 'fast_b', 'fast_c', 'fast_d', 'fast_e'];

/** Seconds each configuration would need: the slow one far more than the whole budget. */
function neededSeconds(config: Configuration): number {
  return config[MODEL] === 'slow' ? 60 : 0.02;
}

/** Waits as long as a configuration needs, or stops it at its limit, as a real runner would. */
class SimulatedRunner implements TrialRunner {
  readonly concurrency = 1;
  readonly limitsSeen: number[] = [];
  run(config: Configuration, _seed: number, limits: TrialLimits): Promise<TrialOutcome> {
    this.limitsSeen.push(limits.timeSeconds);
    const needed = neededSeconds(config);
    const timedOut = needed > limits.timeSeconds;
    const seconds = Math.min(needed, limits.timeSeconds);
    return new Promise((resolve) => {
      setTimeout(() => {
        resolve(timedOut
          ? { status: 'TIMEOUT', cost: Infinity, score: null, fitSeconds: seconds * 0.98, error: 'time limit' }
          : { status: 'SUCCESS', cost: 0.5, score: 0.5, fitSeconds: seconds });
      }, seconds * 1000);
    });
  }
  close(): Promise<void> {
    return Promise.resolve();
  }
}

function spaceWithASlowModel(): ConfigurationSpace {
  return new ConfigurationSpace().addHyperparameter(new CategoricalHyperparameter(MODEL, [...FAST, 'slow'], { default: 'fast_a' }));
}

async function search(adaptive: boolean, budgetSeconds: number) {
  const runner = new SimulatedRunner();
  const result = await runSearch({
    optimizer: new RandomSearch(spaceWithASlowModel(), 3),
    runner,
    budget: new TimeBudget(budgetSeconds),
    maxTrials: undefined,
    perTrialSeconds: defaultPerTrialTime(budgetSeconds),
    adaptiveTrialLimit: adaptive,
    memoryMb: 256,
    seed: 1,
  });
  return { result, runner };
}

test('an artificially slow configuration takes at most its share of the budget, and the search goes on', async () => {
  const budgetSeconds = 5;
  const { result } = await search(true, budgetSeconds);
  const slow = result.trials.find((t) => t.config[MODEL] === 'slow');
  assert.ok(slow !== undefined, 'the slow configuration was tried');
  assert.equal(slow.status, 'TIMEOUT');
  assert.ok(slow.fitSeconds <= budgetSeconds * BUDGET_SHARE + 0.05, `the slow trial took ${slow.fitSeconds} s`);
  // Recorded at its limit (not the runner's slightly shorter measurement), so a cost model learns it.
  assert.ok(slow.fitSeconds >= budgetSeconds * BUDGET_SHARE, `recorded ${slow.fitSeconds} s`);
  // Every configuration of the space ran: the slow one did not end the search.
  assert.equal(result.trials.length, FAST.length + 1);
  assert.ok(result.searchSeconds < budgetSeconds * 0.6, `search took ${result.searchSeconds} s`);
});

test('a fixed per-trial limit is kept: the slow configuration then runs to it', async () => {
  const budgetSeconds = 2;
  const { result, runner } = await search(false, budgetSeconds);
  assert.ok(runner.limitsSeen.slice(0, 2).every((s) => s > budgetSeconds * BUDGET_SHARE), `limits ${runner.limitsSeen.join(', ')}`);
  const slow = result.trials.find((t) => t.config[MODEL] === 'slow');
  if (slow !== undefined) assert.ok(slow.fitSeconds > budgetSeconds * BUDGET_SHARE, `the slow trial took ${slow.fitSeconds} s`);
});
