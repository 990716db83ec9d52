import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AutoML } from '../../src/api/index.ts';
import { readTrials, RunLog, RUN_FILE, TRIALS_FILE } from '../../src/search/run-log.ts';
import type { TrialRecord } from '../../src/search/trial.ts';
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

test('a trial below full fidelity logs its fidelity and rung and reads them back; a full trial logs neither', () => {
  const runDir = join(mkdtempSync(join(tmpdir(), 'automl-run-')), 'run');
  const log = new RunLog(runDir, { test: true });
  const base = { algorithm: 'random_forest', config: { 'classifier:__choice__': 'random_forest' }, fitSeconds: 0.5, finishedAt: 1, seed: 3 };
  const trials: TrialRecord[] = [
    { ...base, id: 1, status: 'SUCCESS', cost: 0.2, score: 0.8, fidelity: 1 / 9, rung: 0 },
    { ...base, id: 2, status: 'STOPPED', cost: 0.4, score: 0.6, fidelity: 0.25, rung: 1 },
    { ...base, id: 3, status: 'SUCCESS', cost: 0.1, score: 0.9 },
  ];
  for (const trial of trials) log.append(trial);
  log.close();
  const lines = readFileSync(join(runDir, TRIALS_FILE), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
  assert.deepEqual(lines.map((line) => [line['fidelity'], line['rung']]), [[1 / 9, 0], [0.25, 1], [undefined, undefined]]);
  assert.deepEqual(readTrials(runDir), trials);
});
