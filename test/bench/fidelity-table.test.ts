import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { formatFidelityTable, type FidelityRun } from '../../src/bench/fidelity-table.ts';
import { largestDatasets } from '../../src/bench/comparison-options.ts';
import { DATASETS_DIR } from '../helpers/datasets.ts';

function run(dataset: string, mode: string, seed: number, configurations: number, testScore: number, greaterIsBetter = true): FidelityRun {
  return {
    dataset, time: 30, seed, mode, resolved: mode === 'auto' ? 'sh' : 'off', metric: greaterIsBetter ? 'balanced_accuracy' : 'rmse', greaterIsBetter,
    fullEquivalentTrials: 5, configurations, trials: configurations, bestValidation: 0.9, testScore, fitSeconds: 30,
  };
}

describe('formatFidelityTable', () => {
  it('compares the means over seeds and counts the targets met', () => {
    const runs = [
      run('a', 'auto', 0, 20, 0.9), run('a', 'auto', 1, 10, 0.8), run('a', 'off', 0, 5, 0.84), run('a', 'off', 1, 5, 0.86),
      // Lower is better for rmse: auto's 110 is worse than off's 100.
      run('b', 'auto', 0, 12, 110, false), run('b', 'off', 0, 5, 100, false),
    ];
    const table = formatFidelityTable(runs);
    assert.match(table, /\| a \| balanced_accuracy \| sh \| 2 \/ 2 \| 15\.0 \/ 5\.0 \| .* \| 0\.8500 \/ 0\.8500 \| yes \| 3\.00× \|/);
    assert.match(table, /\| b \| rmse \| sh \| 1 \/ 1 \| 12\.0 \/ 5\.0 \| .* \| 110\.0000 \/ 100\.0000 \| no \| 2\.40× \|/);
    assert.match(table, /better than or equal to off on 1 of 2 datasets; at least 2× the configurations on 2 of 2; both on 1 of 2\./);
  });

  it('lists failed fits and leaves them out of the means', () => {
    const failed: FidelityRun = { ...run('a', 'auto', 2, Number.NaN, Number.NaN), error: 'boom' };
    const table = formatFidelityTable([run('a', 'auto', 0, 20, 0.9), failed, run('a', 'off', 0, 5, 0.8)]);
    assert.match(table, /\| a \| balanced_accuracy \| sh \| 1 \/ 1 \| 20\.0 \/ 5\.0 /);
    assert.match(table, /- failed: a --time 30 seed 2 auto: boom/);
  });
});

describe('largestDatasets', () => {
  it('takes the datasets with the most cells from the manifest', () => {
    assert.deepEqual(largestDatasets(join(DATASETS_DIR, 'manifest.json'), 6), ['mpls_stops', 'diamonds', 'letter', 'satellite', 'ames', 'income']);
  });
});
