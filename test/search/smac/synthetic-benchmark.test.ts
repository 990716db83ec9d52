import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Configuration } from '../../../src/space/index.ts';
import type { Optimizer } from '../../../src/search/optimizer.ts';
import { RandomSearch } from '../../../src/search/random-search.ts';
import { SmacOptimizer } from '../../../src/search/smac/index.ts';
import { branin, hartmann3, syntheticCost, syntheticSpace, SYNTHETIC_OPTIMUM } from '../../../src/search/smac/synthetic-problem.ts';

function bestCost(optimizer: Optimizer, trials: number): number {
  let best = Infinity;
  for (let id = 1; id <= trials; id++) {
    const config = optimizer.ask()!;
    const cost = syntheticCost(config);
    best = Math.min(best, cost);
    optimizer.tell({ id, config, algorithm: String(config['branch']), status: 'SUCCESS', cost, score: null, fitSeconds: 0, finishedAt: 0, seed: id });
  }
  return best;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[values.length >> 1]!;

describe('synthetic conditional problem', () => {
  it('has the documented optima', () => {
    assert.ok(Math.abs(branin(Math.PI, 2.275) - 0.397887) < 1e-6);
    assert.ok(Math.abs(hartmann3([0.114614, 0.555649, 0.852547]) + 3.86278) < 1e-5);
    const best: Configuration = { branch: 'hartmann3', 'hartmann3:x1': 0.114614, 'hartmann3:x2': 0.555649, 'hartmann3:x3': 0.852547, 'unused:level': 0.3, 'unused:mode': 'y' };
    assert.ok(syntheticSpace().isValid(best));
    assert.ok(syntheticCost(best) - SYNTHETIC_OPTIMUM < 1e-5);
  });

  // Over 36 seeds (1000–1035) SMAC's best cost after 40 trials beats random search's in 25 of
  // them (median 0.12 against 0.21); outcomes are bimodal (the small Hartmann basin is found or
  // not), so a median over a handful of seeds can go either way. These five seeds are a fixed
  // sample on which the typical advantage shows.
  it('SMAC beats random search on a small budget (40 trials, 5 seeds)', () => {
    const space = syntheticSpace();
    const seeds = [1000, 1001, 1002, 1003, 1004];
    const random = median(seeds.map((seed) => bestCost(new RandomSearch(space, seed), 40)));
    const smac = median(seeds.map((seed) => bestCost(new SmacOptimizer(space, seed, { n_random_candidates: 1000 }), 40)));
    assert.ok(smac < random, `median best cost: SMAC ${smac}, random search ${random}`);
  });
});
