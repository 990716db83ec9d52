/**
 * A fit that continues a parent run on the same data: the parent's trials compete for the final
 * model only when they were validated on the same rows (same splits); otherwise they only
 * inform the optimiser.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fit } from '../../src/api/fit.ts';
import { storedPredictionIds } from '../../src/search/prediction-store.ts';
import { datasetPath } from '../helpers/datasets.ts';

const TINY_SPACE = fileURLToPath(new URL('../../pipelines/tiny.json', import.meta.url));
const BASE = { target: 'class', space: TINY_SPACE, workers: 0, seed: 2, timeBudget: 60, warmStart: 0, resampling: 'holdout' as const };

test('a continuation on the same splits takes the parent trials into the ensemble and numbers its trials after them', { timeout: 60_000 }, async () => {
  const parentDir = join(mkdtempSync(join(tmpdir(), 'automl-continue-')), 'parent');
  const parent = await fit(datasetPath('glass'), { ...BASE, maxTrials: 4, runDir: parentDir });
  assert.ok(storedPredictionIds(parentDir).length > 0);
  const child = await fit(datasetPath('glass'), { ...BASE, maxTrials: 2, warmStartFrom: parentDir });
  assert.equal(child.artifact.summary['continued_trials'], 4);
  const ids = child.leaderboard().map((row) => row.id).sort((a, b) => a - b);
  assert.deepEqual(ids, [1, 2, 3, 4, 5, 6], 'the leaderboard holds the parent trials and the new ones after them');
  // The parent's best is a candidate: the continuation is never worse on the same validation rows.
  assert.ok(child.artifact.validationScore >= (parent.artifact.summary['best_validation_score'] as number) - 1e-12);
});

test('a parent validated on other rows only informs the optimiser', { timeout: 60_000 }, async () => {
  const parentDir = join(mkdtempSync(join(tmpdir(), 'automl-continue-')), 'parent');
  await fit(datasetPath('glass'), { ...BASE, maxTrials: 3, runDir: parentDir });
  const child = await fit(datasetPath('glass'), { ...BASE, maxTrials: 2, holdoutFraction: 0.25, warmStartFrom: parentDir });
  assert.equal(child.artifact.summary['continued_trials'], 0);
  assert.equal((child.artifact.summary['warm_start'] as { source: string }).source, 'parent-run');
  const ids = child.leaderboard().map((row) => row.id).sort((a, b) => a - b);
  assert.deepEqual(ids, [4, 5], 'only the new trials, numbered after the parent');
});
