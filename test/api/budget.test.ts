import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AutoML } from '../../src/api/index.ts';
import { loadSplitDataset } from '../helpers/datasets.ts';

test('a 20 s fit stops its search within the budget (+5%) and reports the refit apart', async () => {
  const { train } = await loadSplitDataset('satellite');
  const started = performance.now();
  const model = await AutoML.fit(train, { target: 'class', timeBudget: 20, seed: 0, ensembleSize: 1 });
  const wall = (performance.now() - started) / 1000;
  const summary = model.artifact.summary as { search_seconds: number; refit_seconds: number; trials: { total: number } };
  assert.ok(summary.search_seconds <= 21, `search took ${summary.search_seconds} s`);
  assert.ok(summary.trials.total >= 1);
  // Everything but the reported refit (data preparation included) fits in budget + 5% + a few seconds of setup.
  assert.ok(wall - summary.refit_seconds <= 21 + 5, `fit took ${wall} s of which refit ${summary.refit_seconds} s`);
});
