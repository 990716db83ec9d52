import { test } from 'node:test';
import assert from 'node:assert/strict';
import { configurationKey } from '../../../src/space/index.ts';
import { SmacOptimizer } from '../../../src/search/smac/index.ts';
import { syntheticCost, syntheticSpace } from '../../../src/search/smac/synthetic-problem.ts';
import { Rng } from '../../../src/util/rng.ts';

test('observe(): prior results are never proposed, count toward the initial design, and invalid ones are refused', () => {
  const space = syntheticSpace();
  const prior = [space.defaultConfiguration(), ...space.sample(new Rng(5), 7)];
  const smac = new SmacOptimizer(space, 3, { n_random_candidates: 300 });
  for (const config of prior) assert.equal(smac.observe(config, syntheticCost(config)), true);
  assert.equal(smac.observe(prior[0]!, 0), false, 'the same configuration twice');
  assert.equal(smac.observe({ nonsense: 1 }, 0), false, 'a configuration of another space');
  const priorKeys = new Set(prior.map(configurationKey));
  for (let id = 1; id <= 6; id++) {
    const config = smac.ask()!;
    assert.ok(!priorKeys.has(configurationKey(config)));
    smac.tell({ id, config, algorithm: '', status: 'SUCCESS', cost: syntheticCost(config), score: null, fitSeconds: 0, finishedAt: 0, seed: id });
  }
  // Eight observations already fill the five-point initial design: no random top-up was drawn.
  assert.equal(smac.proposalCounts.initial, 0);
  assert.ok(smac.proposalCounts.model > 0);
});
