import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildSearchSpace, algorithmOf } from '../../../src/components/registry.ts';
import { BranchBalance } from '../../../src/search/smac/branch-balance.ts';
import { SmacOptimizer } from '../../../src/search/smac/index.ts';
import { syntheticSpace } from '../../../src/search/smac/synthetic-problem.ts';
import type { Configuration } from '../../../src/space/index.ts';
import { Rng } from '../../../src/util/rng.ts';

const BRANIN: Configuration = { branch: 'branin', 'branin:x1': 0, 'branin:x2': 0, 'unused:level': 0.5, 'unused:mode': 'x' };

describe('BranchBalance', () => {
  it('follows only the categorical hyperparameters that others depend on', () => {
    // branch decides the branches, quadratic:regularize the strength; unused:mode decides nothing.
    assert.equal(new BranchBalance(syntheticSpace()).size, 2);
  });

  it('scores a configuration by how often its branch choices were already visited', () => {
    const space = syntheticSpace();
    const balance = new BranchBalance(space);
    const [quadratic] = space.sample(new Rng(1), 40).filter((c) => c['branch'] === 'quadratic');
    assert.equal(balance.score(BRANIN), 0);
    balance.visit(BRANIN);
    balance.visit(BRANIN);
    assert.ok(balance.score(BRANIN) > 0);
    assert.equal(balance.score({ ...BRANIN, branch: 'hartmann3' }), 0);
    assert.equal(balance.leastVisited([{ config: BRANIN }, { config: quadratic! }])?.config, quadratic);
  });

  it('picks the first of equally visited candidates, and nothing from no candidates', () => {
    const balance = new BranchBalance(syntheticSpace());
    const a = { config: BRANIN };
    const b = { config: { ...BRANIN, 'branin:x1': 1 } };
    assert.equal(balance.leastVisited([a, b]), a);
    assert.equal(balance.leastVisited([]), null);
  });
});

describe('SmacOptimizer random challengers', () => {
  it('visit every branch of the synthetic space in the first three proposals, whatever the seed', () => {
    for (let seed = 0; seed < 10; seed++) {
      const smac = new SmacOptimizer(syntheticSpace(), seed, { n_random_candidates: 100 });
      const branches = new Set([smac.ask(), smac.ask(), smac.ask()].map((c) => c!['branch']));
      assert.equal(branches.size, 3, `seed ${seed}`);
    }
  });

  it('cover more algorithms of the CASH space than draws from the prior', () => {
    const space = buildSearchSpace({ task: 'multiclass', nRows: 500, nFeatures: 10, nNumeric: 10, nCategorical: 0, nEncoded: 10 });
    const distinct = (draws: number): number => {
      let total = 0;
      for (let seed = 0; seed < 5; seed++) {
        const smac = new SmacOptimizer(space, seed, { n_random_candidates: 100, random_branch_draws: draws });
        total += new Set(Array.from({ length: 12 }, () => algorithmOf(smac.ask()!))).size;
      }
      return total / 5;
    };
    const balanced = distinct(10);
    const prior = distinct(1);
    // Twelve proposals with no results are the default and eleven random challengers.
    assert.ok(balanced >= 11, `balanced: ${balanced} algorithms in 12 proposals`);
    assert.ok(balanced > prior, `balanced ${balanced} vs prior ${prior}`);
  });
});
