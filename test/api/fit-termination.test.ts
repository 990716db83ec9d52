/** The `stop` option of a fit, end to end on a small public dataset (its own metadata left out). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AutoML } from '../../src/api/index.ts';
import { WARMUP_EVALUATIONS } from '../../src/search/termination/criterion.ts';
import { loadSplitDataset } from '../helpers/datasets.ts';
import { ownEntry } from '../helpers/leave-out.ts';

test("stop 'budget' (the default) reports why the search ended, with no bound computed", async () => {
  const { train } = await loadSplitDataset('iris');
  const model = await AutoML.fit(train, { target: 'class', maxTrials: 3, timeBudget: 60, seed: 1, metadataExclude: [ownEntry('iris', train)], space: 'pipelines/tiny.json' });
  const termination = model.artifact.summary['termination'] as Record<string, unknown>;
  assert.equal(termination['reason'], 'max_trials');
  assert.equal(termination['bound'], null);
  assert.equal(termination['error'], null);
});

test("stop 'converged' checks the bound against the incumbent's cross-validation error after the warm-up", async () => {
  const { train } = await loadSplitDataset('iris');
  const maxTrials = WARMUP_EVALUATIONS + 4;
  const model = await AutoML.fit(train, { target: 'class', maxTrials, timeBudget: 120, seed: 1, stop: 'converged', metadataExclude: [ownEntry('iris', train)], space: 'pipelines/tiny.json' });
  const termination = model.artifact.summary['termination'] as Record<string, unknown>;
  assert.ok(['converged', 'max_trials'].includes(String(termination['reason'])), String(termination['reason']));
  assert.equal(typeof termination['bound'], 'number');
  assert.ok(Number(termination['error']) > 0, `error ${String(termination['error'])}`);
  assert.ok(model.artifact.members.length >= 1, 'the fit went on to its final models');
});
