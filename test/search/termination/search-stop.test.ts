/**
 * Automatic termination end to end in the search loop, with SMAC on cheap synthetic problems
 * evaluated in this thread, the incumbent's statistical error fixed by the test.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runSearch } from '../../../src/search/search-loop.ts';
import { SmacOptimizer } from '../../../src/search/smac/smac-optimizer.ts';
import { syntheticCost, syntheticSpace } from '../../../src/search/smac/synthetic-problem.ts';
import { TerminationCriterion, WARMUP_EVALUATIONS } from '../../../src/search/termination/criterion.ts';
import type { TrialOutcome } from '../../../src/search/evaluate-trial.ts';
import type { TrialRunner } from '../../../src/search/runner/index.ts';
import { ConfigurationSpace, FloatHyperparameter, type Configuration } from '../../../src/space/index.ts';
import { TimeBudget } from '../../../src/util/clock.ts';
import { resolveFitOptions } from '../../../src/api/options.ts';
import { AutoMLError } from '../../../src/util/errors.ts';

const SMALL = { n_random_candidates: 300 };

/** Evaluates a cost function at once, in this thread. */
function runnerOf(cost: (config: Configuration) => number): TrialRunner {
  return {
    concurrency: 1,
    run: (config): Promise<TrialOutcome> => {
      const value = cost(config);
      return Promise.resolve({ status: 'SUCCESS', cost: value, score: value, fitSeconds: 0.001 });
    },
    close: () => Promise.resolve(),
  };
}

/** One smooth dimension: a bowl any model pins down after a few dozen points. */
const bowlSpace = (): ConfigurationSpace => new ConfigurationSpace().addHyperparameter(new FloatHyperparameter('x', 0, 1, { default: 0.9 }));
const bowl = (config: Configuration): number => (Number(config['x']) - 0.3) ** 2;

async function searchBowl(stop: boolean, maxTrials: number) {
  const optimizer = new SmacOptimizer(bowlSpace(), 5, SMALL);
  const stopCheck = stop ? new TerminationCriterion(optimizer, () => 0.005) : undefined;
  return runSearch({ optimizer, runner: runnerOf(bowl), budget: new TimeBudget(600), maxTrials, perTrialSeconds: 10, memoryMb: 256, seed: 1, stopCheck });
}

test('the search stops on an easy problem once the bound is below the error, after the warm-up', async () => {
  const result = await searchBowl(true, 150);
  assert.equal(result.stoppedBy, 'converged');
  const successes = result.trials.filter((t) => t.status === 'SUCCESS').length;
  assert.ok(successes >= WARMUP_EVALUATIONS, `stopped after ${successes} successes`);
  assert.ok(result.trials.length < 150, `ran ${result.trials.length} trials`);
  assert.ok(result.best!.cost < 0.005, `best ${result.best!.cost}`);
  // The same on any machine: a run with a trial limit stops at the same trial.
  assert.equal((await searchBowl(true, 150)).trials.length, result.trials.length);
});

test("without a stop check (stop: 'budget') the search runs to its limit", async () => {
  const result = await searchBowl(false, 60);
  assert.equal(result.stoppedBy, 'max_trials');
  assert.equal(result.trials.length, 60);
});

test('the regret bound shrinks as SMAC explores the synthetic CASH problem', () => {
  const smac = new SmacOptimizer(syntheticSpace(), 1, SMALL);
  const bounds: number[] = [];
  for (let id = 1; id <= 120; id++) {
    const config = smac.ask()!;
    smac.tell({ id, config, algorithm: '', status: 'SUCCESS', cost: syntheticCost(config), score: null, fitSeconds: 0, finishedAt: 0, seed: id });
    if (id >= 20) bounds.push(smac.regretBound()!);
  }
  const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const early = median(bounds.slice(0, 20));
  const late = median(bounds.slice(-20));
  assert.ok(late < early, `median bound over evaluations 20–39: ${early}, over 101–120: ${late}`);
});

test('SMAC has no bound before its model proposed; stop converged needs smac', () => {
  const smac = new SmacOptimizer(bowlSpace(), 5, SMALL);
  assert.equal(smac.regretBound(), null);
  assert.equal(resolveFitOptions({ target: 'y' }).stop, 'budget');
  assert.throws(() => resolveFitOptions({ target: 'y', optimizer: 'random', stop: 'converged' }), (e: unknown) => e instanceof AutoMLError && e.code === 'BAD_OPTION' && /stop/.test(e.message));
  assert.throws(() => resolveFitOptions({ target: 'y', stop: 'soon' as 'budget' }), (e: unknown) => e instanceof AutoMLError && e.code === 'BAD_OPTION');
});
