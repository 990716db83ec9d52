import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SmacOptimizer } from '../../../src/search/smac/index.ts';
import { syntheticCost, syntheticSpace } from '../../../src/search/smac/synthetic-problem.ts';
import type { TrialRecord } from '../../../src/search/trial.ts';
import type { Configuration } from '../../../src/space/index.ts';
import { Rng } from '../../../src/util/rng.ts';

const FAST = { n_random_candidates: 300, random_probability: 0, n_initial_random: 0 } as const;

/** At the lowest fidelity hartmann3 looks best; at full fidelity quadratic is. */
function cost(config: Configuration, share: number): number {
  const good = share < 1 ? 'hartmann3' : 'quadratic';
  return (config['branch'] === good ? 0 : 1) + syntheticCost(config);
}

function record(id: number, config: Configuration, fidelity: number, value: number): TrialRecord {
  return { id, config, algorithm: String(config['branch']), status: 'SUCCESS', cost: value, score: null, fitSeconds: 0.1, fidelity, finishedAt: 0, seed: id };
}

/** SMAC told 30 results at 1/9 and `full` results at full fidelity, about a third of each branch. */
function smacWith(full: number): SmacOptimizer {
  const space = syntheticSpace();
  const smac = new SmacOptimizer(space, 4, FAST);
  const draws = space.sample(new Rng(9), 60);
  smac.observe(space.defaultConfiguration(), cost(space.defaultConfiguration(), 1 / 9), 0.1, 1 / 9);
  for (const config of draws.slice(0, 30)) smac.observe(config, cost(config, 1 / 9), 0.1, 1 / 9);
  for (const config of draws.slice(30, 30 + full)) smac.observe(config, cost(config, 1), 0.5, 1);
  return smac;
}

function modelBranches(smac: SmacOptimizer, asks: number): string[] {
  const branches: string[] = [];
  for (let i = 0; i < asks; i++) {
    const config = smac.ask()!;
    assert.equal(smac.lastProposalKind, 'model');
    branches.push(String(config['branch']));
  }
  return branches;
}

describe('SmacOptimizer with fidelities', () => {
  it('fits its surrogate on the lowest fidelity while the full one has fewer than 8 successes', () => {
    const branches = modelBranches(smacWith(7), 4);
    assert.ok(branches.filter((b) => b === 'hartmann3').length >= 3, branches.join(', '));
  });

  it('moves to the full fidelity once it has 8 successes', () => {
    const branches = modelBranches(smacWith(12), 4);
    assert.ok(branches.filter((b) => b === 'quadratic').length >= 3, branches.join(', '));
  });

  it('takes a configuration evaluated at a low fidelity again at a higher one (a promotion)', () => {
    const space = syntheticSpace();
    const smac = new SmacOptimizer(space, 1, { n_random_candidates: 300 });
    const config = smac.ask()!;
    smac.tell(record(1, config, 1 / 9, 0.5));
    assert.equal(smac.observe(config, 0.5, 0.1, 1 / 9), false, 'the same fidelity twice');
    smac.reevaluating(config);
    assert.equal(smac.pendingCount, 1, 'the promoted configuration is pending (a fantasy) while it runs');
    smac.tell(record(2, config, 1 / 3, 0.4));
    assert.equal(smac.pendingCount, 0);
    assert.equal(smac.observe(config, 0.3, 0.5, 1), true, 'a result at a new fidelity is learnt');
    // Never proposed again, whatever fidelity it was evaluated at.
    const again = new Set<string>();
    for (let i = 0; i < 10; i++) again.add(JSON.stringify(smac.ask()));
    assert.ok(!again.has(JSON.stringify(config)));
  });

  it('bounds regret from full-fidelity results only', () => {
    const low = smacWith(3);
    modelBranches(low, 1);
    assert.equal(low.regretBound(), null, 'surrogate fitted on 1/9: no bound');
    const full = smacWith(12);
    modelBranches(full, 1);
    const bound = full.regretBound();
    assert.ok(bound !== null && bound >= 0, `bound ${String(bound)}`);
  });

  it('proposes the same as before fidelities when every result is full', () => {
    const run = (withFidelity: boolean): string[] => {
      const space = syntheticSpace();
      const smac = new SmacOptimizer(space, 6, { n_random_candidates: 300 });
      const proposed: string[] = [];
      for (let id = 1; id <= 12; id++) {
        const config = smac.ask()!;
        proposed.push(JSON.stringify(config));
        const r = record(id, config, 1, cost(config, 1) + id / 100);
        const { fidelity: _omitted, ...plain } = r;
        smac.tell(withFidelity ? r : plain);
      }
      return proposed;
    };
    assert.deepEqual(run(true), run(false));
  });
});
