import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AutoML } from '../../src/api/index.ts';
import { readTrials, RUN_FILE, TRIALS_FILE } from '../../src/search/run-log.ts';
import { loadSplitDataset } from '../helpers/datasets.ts';

test('a fit with runDir logs every trial as one JSON line, readable back; a torn last line is skipped', async () => {
  const runDir = join(mkdtempSync(join(tmpdir(), 'automl-run-')), 'run');
  const { train } = await loadSplitDataset('iris');
  const seen: number[] = [];
  await AutoML.fit(train, { target: 'class', maxTrials: 5, seed: 2, runDir, onTrial: (t) => seen.push(t.id) });
  assert.ok(existsSync(join(runDir, RUN_FILE)));
  const description = JSON.parse(readFileSync(join(runDir, RUN_FILE), 'utf8')) as { metric: string; seed: number };
  assert.equal(description.metric, 'balanced_accuracy');
  assert.equal(description.seed, 2);
  const trials = readTrials(runDir);
  assert.deepEqual(trials.map((t) => t.id), seen);
  assert.ok(trials.every((t) => t.status === 'SUCCESS' && Number.isFinite(t.cost) && typeof t.config['classifier:__choice__'] === 'string'));
  appendFileSync(join(runDir, TRIALS_FILE), '{"id": 6, "algorithm": "rand');
  assert.equal(readTrials(join(runDir, TRIALS_FILE)).length, 5);
});
