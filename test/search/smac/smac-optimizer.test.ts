import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  CategoricalHyperparameter, ConfigurationSpace, configurationKey, type Configuration,
} from '../../../src/space/index.ts';
import { SmacOptimizer } from '../../../src/search/smac/index.ts';
import { syntheticCost, syntheticSpace } from '../../../src/search/smac/synthetic-problem.ts';
import type { TrialRecord, TrialStatus } from '../../../src/search/trial.ts';
import { Rng } from '../../../src/util/rng.ts';

function trial(id: number, config: Configuration, cost: number, status: TrialStatus = 'SUCCESS'): TrialRecord {
  return { id, config, algorithm: String(config['branch'] ?? ''), status, cost, score: null, fitSeconds: 0, finishedAt: 0, seed: id };
}

/** Runs `trials` sequential ask/tell rounds; returns the proposals. */
function run(optimizer: SmacOptimizer, trials: number, cost: (c: Configuration) => number = syntheticCost): Configuration[] {
  const proposed: Configuration[] = [];
  for (let id = 1; id <= trials; id++) {
    const config = optimizer.ask();
    if (config === null) break;
    proposed.push(config);
    const c = cost(config);
    optimizer.tell(trial(id, config, c, Number.isFinite(c) ? 'SUCCESS' : 'CRASHED'));
  }
  return proposed;
}

const FAST = { n_random_candidates: 500 } as const;

describe('SmacOptimizer', () => {
  it('starts with the default, then the valid, distinct warm-start configurations', () => {
    const space = syntheticSpace();
    const [a, b] = space.sample(new Rng(5), 2) as [Configuration, Configuration];
    const invalid = { branch: 'branin', 'branin:x1': 99 };
    const smac = new SmacOptimizer(space, 1, FAST, [a, space.defaultConfiguration(), invalid, a, b]);
    assert.equal(smac.name, 'smac');
    const first = [smac.ask(), smac.ask(), smac.ask()].map((c) => configurationKey(c!));
    assert.deepEqual(first, [space.defaultConfiguration(), a, b].map(configurationKey));
    assert.equal(smac.proposalCounts.initial, 3);
  });

  it('proposes only valid configurations, never the same one twice', () => {
    const space = syntheticSpace();
    const proposed = run(new SmacOptimizer(space, 2, FAST), 40);
    assert.equal(proposed.length, 40);
    for (const config of proposed) assert.ok(space.isValid(config), JSON.stringify(config));
    assert.equal(new Set(proposed.map(configurationKey)).size, 40);
  });

  it('never proposes a pending configuration to parallel workers', () => {
    const space = syntheticSpace();
    const smac = new SmacOptimizer(space, 3, FAST);
    const keys = new Set<string>();
    let id = 0;
    for (let round = 0; round < 6; round++) {
      const batch = Array.from({ length: 4 }, () => smac.ask()!);
      for (const config of batch) {
        const key = configurationKey(config);
        assert.ok(!keys.has(key), 'proposed twice');
        keys.add(key);
      }
      assert.equal(smac.pendingCount, 4);
      // Results come back out of order, and only some of them before the next asks.
      for (const config of batch.reverse().slice(0, round % 2 === 0 ? 4 : 3)) smac.tell(trial(++id, config, syntheticCost(config)));
      if (round % 2 === 1) smac.tell(trial(++id, batch[3]!, syntheticCost(batch[3]!)));
    }
    assert.equal(keys.size, 24);
    assert.ok(smac.proposalCounts.model > 0, 'the model proposed while others were pending');
  });

  it('enumerates a small space exactly once, then returns null', () => {
    const space = new ConfigurationSpace().addHyperparameters([
      new CategoricalHyperparameter('a', ['x', 'y', 'z']),
      new CategoricalHyperparameter('b', [1, 2, 3, 4]),
    ]);
    const proposed = run(new SmacOptimizer(space, 4, { ...FAST, n_initial_random: 2 }), 20, (c) => (c['a'] === 'y' ? 0 : 1) + Number(c['b']));
    assert.equal(proposed.length, 12);
    assert.equal(new Set(proposed.map(configurationKey)).size, 12);
  });

  it('is deterministic given the seed and the results', () => {
    const keysOf = (seed: number): string[] => run(new SmacOptimizer(syntheticSpace(), seed, FAST), 25).map(configurationKey);
    assert.deepEqual(keysOf(11), keysOf(11));
    assert.notDeepEqual(keysOf(11), keysOf(12));
  });

  it('keeps going through failed trials and learns to avoid a crashing branch', () => {
    const space = syntheticSpace();
    // Branin crashes; while nothing has succeeded yet the optimiser must still propose.
    const cost = (c: Configuration): number => (c['branch'] === 'branin' ? Infinity : syntheticCost(c));
    const smac = new SmacOptimizer(space, 5, { ...FAST, random_probability: 0 });
    const proposed = run(smac, 40, cost);
    assert.equal(proposed.length, 40);
    assert.equal(new Set(proposed.map(configurationKey)).size, 40);
    const modelPhase = proposed.slice(10);
    const crashes = modelPhase.filter((c) => c['branch'] === 'branin').length;
    assert.ok(crashes <= modelPhase.length / 6, `${crashes} of ${modelPhase.length} model proposals in the crashing branch`);
  });

  it('proposes randomly while every trial has failed', () => {
    const smac = new SmacOptimizer(syntheticSpace(), 6, FAST);
    const proposed = run(smac, 12, () => Infinity);
    assert.equal(proposed.length, 12);
    assert.equal(smac.proposalCounts.model, 0);
  });

  it('ignores results for configurations outside its space', () => {
    const smac = new SmacOptimizer(syntheticSpace(), 7, FAST);
    smac.tell(trial(1, { branch: 'unknown' }, 0.5));
    assert.equal(run(smac, 8).length, 8);
  });

  it('rejects nonsensical settings', () => {
    assert.throws(() => new SmacOptimizer(syntheticSpace(), 1, { random_probability: 2 }), RangeError);
    assert.throws(() => new SmacOptimizer(syntheticSpace(), 1, { n_trees: 0 }), RangeError);
  });
});
