import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { FidelityLevels } from '../../../src/search/smac/fidelity-levels.ts';
import { syntheticSpace } from '../../../src/search/smac/synthetic-problem.ts';
import { Rng } from '../../../src/util/rng.ts';

const space = syntheticSpace();
const configs = space.sample(new Rng(2), 40);

function levelsWith(counts: Record<number, number>, failures: Record<number, number> = {}): FidelityLevels {
  const levels = new FidelityLevels(space, 8);
  let i = 0;
  for (const [share, n] of Object.entries(counts)) for (let k = 0; k < n; k++) levels.add(Number(share), configs[i++ % configs.length]!, 0.5, 1);
  for (const [share, n] of Object.entries(failures)) for (let k = 0; k < n; k++) levels.add(Number(share), configs[i++ % configs.length]!, Infinity, 1);
  return levels;
}

describe('FidelityLevels', () => {
  it('models the highest fidelity with at least the minimum of successes', () => {
    assert.equal(levelsWith({ [1 / 9]: 12, [1 / 3]: 5, 1: 2 }).modelLevel()?.share, 1 / 9);
    assert.equal(levelsWith({ [1 / 9]: 12, [1 / 3]: 8, 1: 2 }).modelLevel()?.share, 1 / 3);
    assert.equal(levelsWith({ [1 / 9]: 12, [1 / 3]: 9, 1: 8 }).modelLevel()?.share, 1);
  });

  it('before any fidelity has enough, models the one with the most successes, the higher on ties', () => {
    assert.equal(levelsWith({ [1 / 9]: 6, [1 / 3]: 3, 1: 1 }).modelLevel()?.share, 1 / 9);
    assert.equal(levelsWith({ [1 / 9]: 3, [1 / 3]: 3, 1: 1 }).modelLevel()?.share, 1 / 3);
  });

  it('does not count failures as successes, but learns times from them while nothing succeeded', () => {
    const levels = levelsWith({ 1: 2 }, { [1 / 9]: 10 });
    assert.equal(levels.modelLevel()?.share, 1);
    const failed = levelsWith({}, { [1 / 9]: 3, 1: 1 });
    assert.equal(failed.modelLevel(), null);
    assert.equal(failed.hasFiniteCost, false);
    assert.equal(failed.timeLevel()?.share, 1 / 9);
    assert.equal(failed.count, 4);
  });

  it('keeps one observation per configuration and fidelity', () => {
    const levels = new FidelityLevels(space, 8);
    levels.add(1 / 9, configs[0]!, 0.4);
    assert.equal(levels.has(configs[0]!, 1 / 9), true);
    assert.equal(levels.has(configs[0]!, 1), false);
    levels.add(1, configs[0]!, 0.3);
    assert.equal(levels.full()?.count, 1);
  });
});
