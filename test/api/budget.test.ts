import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AutoML } from '../../src/api/index.ts';
import { datasetPath } from '../helpers/datasets.ts';

const DEPLOYMENTS = ['refit', 'fold-models', 'fewer-members', 'holdout-model', 'fold-model', 'last-resort'];

// The largest shipped dataset by file size (51 920 rows). The whole fit counts: reading and
// typing the CSV, the search, the member fits, calibration and the run directory's diagnostics.
test('a fit on the largest shipped dataset ends, refit included, within its budget + 5 %', async () => {
  const budget = 20;
  const runDir = join(mkdtempSync(join(tmpdir(), 'automl-budget-')), 'run');
  const started = performance.now();
  const model = await AutoML.fit(datasetPath('mpls_stops'), { target: 'class', timeBudget: budget, seed: 0, runDir });
  const wall = (performance.now() - started) / 1000;
  assert.ok(wall <= budget * 1.05, `the fit took ${wall.toFixed(2)} s of a ${budget} s budget`);
  const summary = model.artifact.summary as { elapsed_seconds: number; time_budget: number; deployment: { kind: string; reason: string } };
  // elapsed_seconds is the whole fit, not the search alone.
  assert.ok(summary.elapsed_seconds <= wall && summary.elapsed_seconds >= wall - 0.5, `elapsed ${summary.elapsed_seconds} s, wall ${wall} s`);
  assert.equal(summary.time_budget, budget);
  assert.ok(DEPLOYMENTS.includes(summary.deployment.kind), summary.deployment.kind);
  assert.ok(summary.deployment.reason.length > 0);
  assert.ok(model.artifact.members.length >= 1);
});
