import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigurationSpace, FloatHyperparameter, configurationKey, type Configuration } from '../../../src/space/index.ts';
import { SmacOptimizer, type PendingLie } from '../../../src/search/smac/index.ts';
import { pendingCost, withFantasies } from '../../../src/search/smac/fantasies.ts';
import { Rng } from '../../../src/util/rng.ts';

describe('pending fantasies', () => {
  it('lies with the mean, best or worst finite cost, and not at all without one', () => {
    const costs = [0.2, Infinity, 0.4, 0.9];
    assert.equal(pendingCost(costs, 'mean'), 0.5);
    assert.equal(pendingCost(costs, 'best'), 0.2);
    assert.equal(pendingCost(costs, 'worst'), 0.9);
    assert.equal(pendingCost(costs, 'none'), null);
    assert.equal(pendingCost([Infinity], 'mean'), null);
  });

  it('appends one row per pending vector with the lie as its cost', () => {
    const observed = { nRows: 2, columns: [Float64Array.of(0.1, 0.2, 99), Float64Array.of(1, 0, 99)] };
    const data = withFantasies(observed, Float64Array.of(3, 5), [Float64Array.of(0.7, 2)], 4);
    assert.equal(data.x.nRows, 3);
    assert.deepEqual([...data.x.columns[0]!], [0.1, 0.2, 0.7]);
    assert.deepEqual([...data.x.columns[1]!], [1, 0, 2]);
    assert.deepEqual([...data.costs], [3, 5, 4]);
    assert.equal(withFantasies(observed, Float64Array.of(3, 5), [], 4).x, observed);
  });

  // A bowl with its minimum at (0.3, 0.6): without fantasies, asks made while earlier ones are
  // pending all chase the same EI peak and come out a small step apart.
  const space = new ConfigurationSpace().addHyperparameters([new FloatHyperparameter('x', 0, 1), new FloatHyperparameter('y', 0, 1)]);
  const cost = (c: Configuration): number => (Number(c['x']) - 0.3) ** 2 + (Number(c['y']) - 0.6) ** 2;

  /** Closest distance between four configurations asked in a row after 30 results. */
  function closestPendingPair(lie: PendingLie, seed: number, quantile = 0): number {
    const smac = new SmacOptimizer(space, seed, { random_probability: 0, n_initial_random: 0, n_random_candidates: 500, pending_lie: lie, log_offset_quantile: quantile });
    space.sample(new Rng(seed + 100), 30).forEach((config, id) => {
      smac.tell({ id, config, algorithm: 'bowl', status: 'SUCCESS', cost: cost(config), score: null, fitSeconds: 0, finishedAt: 0, seed: id });
    });
    const batch = Array.from({ length: 4 }, () => smac.ask()!);
    assert.equal(new Set(batch.map(configurationKey)).size, 4);
    assert.equal(smac.pendingCount, 4);
    let closest = Infinity;
    for (let i = 0; i < 4; i++) {
      for (let j = i + 1; j < 4; j++) {
        closest = Math.min(closest, Math.hypot(Number(batch[i]!['x']) - Number(batch[j]!['x']), Number(batch[i]!['y']) - Number(batch[j]!['y'])));
      }
    }
    return closest;
  }

  // The mechanism is measured under the sharpest cost transform (no quantile offset), where
  // crowding is worst.
  it('spreads out the configurations proposed while others are pending', () => {
    const median = (values: number[]): number => values.sort((a, b) => a - b)[values.length >> 1]!;
    const seeds = [1, 2, 3, 4, 5, 6, 7, 8];
    const without = median(seeds.map((seed) => closestPendingPair('none', seed)));
    const withMean = median(seeds.map((seed) => closestPendingPair('mean', seed)));
    assert.ok(withMean > 3 * without, `closest pending pair: ${withMean} with fantasies, ${without} without`);
    // Under the default cost transform (an offset of the 5 % quantile) the model is less peaked
    // and proposals crowd less to begin with; fantasies still spread them further.
    const withoutDefault = median(seeds.map((seed) => closestPendingPair('none', seed, 0.05)));
    const withMeanDefault = median(seeds.map((seed) => closestPendingPair('mean', seed, 0.05)));
    assert.ok(withoutDefault > without, `without fantasies: ${withoutDefault} under the default transform, ${without} under the sharp one`);
    assert.ok(withMeanDefault > withoutDefault, `default transform: ${withMeanDefault} with fantasies, ${withoutDefault} without`);
  });

  it('rejects an unknown lie', () => {
    assert.throws(() => new SmacOptimizer(space, 1, { pending_lie: 'median' as PendingLie }), RangeError);
  });
});
