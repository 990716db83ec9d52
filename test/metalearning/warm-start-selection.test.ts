import { test } from 'node:test';
import assert from 'node:assert/strict';
import { referenceSpace } from '../../src/metalearning/metadata-base.ts';
import type { BaseEntry } from '../../src/metalearning/metadata-files.ts';
import { selectConfigurations } from '../../src/metalearning/warm-start-selection.ts';

const MAX_ITER = 'classifier:gradient_boosting:max_iter';

function entry(dataset: string, rows: number, configurations: BaseEntry['configurations']): BaseEntry {
  return {
    dataset,
    metaFeatures: {} as BaseEntry['metaFeatures'],
    configurations,
    build: { space_hash: 'h', budget_seconds: 1, max_trials: null, seed: 0, trials: 1, successful_trials: 1, seconds: 1, built_at: '2026-01-01T00:00:00.000Z', rows, features: 2 },
  };
}

test('configurations of equal rank go cheapest first, by fit time per data cell; ranks keep their order', () => {
  const { space } = referenceSpace('classification');
  const defaults = space.defaultConfiguration();
  const variant = (n: number) => ({ ...defaults, [MAX_ITER]: n });
  const neighbours = [
    // Nearest, but its best took 2 s on 10 rows (0.1 s per cell).
    { entry: entry('near', 10, [{ cost: 0.1, config: variant(201), fit_seconds: 2 }, { cost: 0.2, config: variant(202), fit_seconds: 0.001 }]), distance: 0.1 },
    // Its best took 5 s but on 1 000 rows (0.0025 s per cell): cheaper on the new data.
    { entry: entry('middle', 1000, [{ cost: 0.1, config: variant(301), fit_seconds: 5 }, { cost: 0.2, config: variant(302), fit_seconds: 1 }]), distance: 0.2 },
    // No stored time: after the timed ones of its rank.
    { entry: entry('far', 10, [{ cost: 0.1, config: variant(401) }, { cost: 0.2, config: variant(402), fit_seconds: 0.5 }]), distance: 0.3 },
  ];
  const selection = selectConfigurations(neighbours, space, 6, new Set());
  assert.deepEqual(selection.configurations.map((c) => c[MAX_ITER]), [301, 201, 401, 202, 302, 402]);
  // The cut at `count` takes the same configurations as nearest-first would: the first rank whole.
  const two = selectConfigurations(neighbours, space, 2, new Set());
  assert.deepEqual(two.configurations.map((c) => c[MAX_ITER]), [301, 201]);
});
