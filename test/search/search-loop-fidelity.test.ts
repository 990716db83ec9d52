import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { runSearch } from '../../src/search/search-loop.ts';
import { RandomSearch } from '../../src/search/random-search.ts';
import { SuccessiveHalving } from '../../src/search/fidelity/successive-halving.ts';
import { trialSecondsAt } from '../../src/search/fidelity/trial-seconds.ts';
import type { TrialOutcome } from '../../src/search/evaluate-trial.ts';
import type { TrialLimits, TrialRunner, TrialSetup } from '../../src/search/runner/index.ts';
import { CategoricalHyperparameter, ConfigurationSpace, type Configuration } from '../../src/space/index.ts';
import { TimeBudget } from '../../src/util/clock.ts';

const CHOICE = 'classifier:__choice__';
const FULL_FIT_SECONDS = 0.5;

interface Launch {
  readonly config: Configuration;
  readonly limit: number;
  readonly setup: TrialSetup | undefined;
}

/**
 * Finishes every trial at once; a configuration's cost is its index / 100, minus 0.5 below full
 * fidelity (so that the lowest cost of all is a low-fidelity one); it reports FULL_FIT_SECONDS
 * times its share as its fit time.
 */
class InstantRunner implements TrialRunner {
  readonly launches: Launch[] = [];
  constructor(readonly concurrency: number) {}
  run(config: Configuration, _seed: number, limits: TrialLimits, setup?: TrialSetup): Promise<TrialOutcome> {
    this.launches.push({ config, limit: limits.timeSeconds, setup });
    const share = setup?.fidelity?.share ?? 1;
    const cost = Number(String(config[CHOICE]).slice(1)) / 100 - (share < 1 ? 0.5 : 0);
    return new Promise((resolve) => setTimeout(() => resolve({ status: 'SUCCESS', cost, score: 1 - cost, fitSeconds: FULL_FIT_SECONDS * share }), 1));
  }
  close(): Promise<void> {
    return Promise.resolve();
  }
}

function space(choices: number): ConfigurationSpace {
  const names = Array.from({ length: choices }, (_, i) => `m${i}`);
  return new ConfigurationSpace().addHyperparameter(new CategoricalHyperparameter(CHOICE, names, { default: 'm0' }));
}

function schedule(choices: number): SuccessiveHalving {
  return new SuccessiveHalving(new RandomSearch(space(choices), 2), { mode: 'sh', eta: 3, minFidelity: 1 / 9, seed: 1 });
}

describe('runSearch with a fidelity schedule', () => {
  it('runs trials at the proposed fidelities, records them, and counts every one toward maxTrials', async () => {
    const runner = new InstantRunner(2);
    const result = await runSearch({
      optimizer: schedule(60), runner, budget: new TimeBudget(600), maxTrials: 40, perTrialSeconds: 9, memoryMb: 256, seed: 1, fidelityResource: 'rows',
    });
    assert.equal(result.trials.length, 40);
    assert.equal(result.stoppedBy, 'max_trials');
    const rungs = new Set(result.trials.map((t) => t.rung));
    assert.deepEqual([...rungs].sort(), [0, 1, 2]);
    for (const [i, trial] of result.trials.entries()) {
      const launch = runner.launches[i]!;
      assert.deepEqual(launch.config, trial.config);
      const share = trial.fidelity!;
      if (share < 1) {
        assert.deepEqual(launch.setup, { fidelity: { share, resource: 'rows' } });
        assert.equal(launch.limit, trialSecondsAt(9, share));
      } else {
        assert.equal(launch.setup, undefined, 'a full trial runs exactly as without fidelities');
        assert.equal(launch.limit, 9);
      }
    }
    assert.ok(result.trials.some((t) => t.fidelity! < 1 && t.cost < result.best!.cost), 'a lower-fidelity trial has the lowest cost');
    assert.equal(result.best?.fidelity, 1, 'but the best is a full-fidelity trial');
    assert.equal(result.best?.cost, Math.min(...result.trials.filter((t) => t.fidelity === 1).map((t) => t.cost)));
  });

  it('waits for running trials when the schedule has nothing to propose: a promotion may follow', async () => {
    // Four configurations: one in full, three at rung 0, then the best of those at rung 1.
    const runner = new InstantRunner(4);
    const result = await runSearch({ optimizer: schedule(4), runner, budget: new TimeBudget(600), maxTrials: undefined, perTrialSeconds: 9, memoryMb: 256, seed: 1 });
    assert.deepEqual(result.trials.map((t) => t.rung), [2, 0, 0, 0, 1]);
    assert.equal(result.stoppedBy, 'exhausted');
  });

  it('adapts the full limit to lower-fidelity fit times scaled up to full ones', async () => {
    const runner = new InstantRunner(1);
    const result = await runSearch({
      optimizer: schedule(60), runner, budget: new TimeBudget(1000), maxTrials: 30, perTrialSeconds: 100, adaptiveTrialLimit: true, memoryMb: 256, seed: 1,
    });
    // Every trial stands for a full fit of FULL_FIT_SECONDS: the limit is 10 × that (MEDIAN_MULTIPLE),
    // not a tenth of it as the raw low-fidelity times would make it.
    const late = result.trials.slice(15).find((t) => t.fidelity === 1)!;
    assert.ok(late !== undefined);
    assert.ok(Math.abs(runner.launches[late.id - 1]!.limit - 10 * FULL_FIT_SECONDS) < 1e-9, `limit ${runner.launches[late.id - 1]!.limit}`);
  });

  it('leaves optimisers without a schedule as they were: full trials, no fidelity or rung recorded', async () => {
    const runner = new InstantRunner(1);
    const result = await runSearch({ optimizer: new RandomSearch(space(5), 2), runner, budget: new TimeBudget(600), maxTrials: 5, perTrialSeconds: 9, memoryMb: 256, seed: 1 });
    assert.ok(result.trials.every((t) => t.fidelity === undefined && t.rung === undefined));
    assert.ok(runner.launches.every((l) => l.setup === undefined && l.limit === 9));
  });
});
