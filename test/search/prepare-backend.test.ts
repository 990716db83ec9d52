/** The tensor-backend preference reaches worker threads, and a forced one is used there. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WorkerPoolRunner } from '../../src/search/runner/worker-pool-runner.ts';
import { backendInUse, backendPreference, prepareBackendFor, setBackendPreference } from '../../src/search/prepare-backend.ts';
import { irisEvaluation } from './runner/fixtures/evaluation-data.ts';

const REPORTER = new URL('./fixtures/backend-reporting-evaluator.ts', import.meta.url);
const LIMITS = { timeSeconds: 60, memoryMb: 1024 };

test('a worker pool forwards the backend preference to its threads', async () => {
  const { data, defaultConfig } = await irisEvaluation();
  const mlp = { ...defaultConfig, 'classifier:__choice__': 'mlp' };
  for (const [backend, expected] of [['cpu', 'cpu'], ['auto', 'wasm']] as const) {
    const pool = new WorkerPoolRunner({ data, workers: 1, memoryMb: LIMITS.memoryMb, evaluatorModule: REPORTER, backend });
    try {
      const outcome = await pool.run(mlp, 0, LIMITS);
      assert.equal(outcome.status, 'CRASHED');
      assert.match(outcome.error ?? '', new RegExp(`backend=${expected}\\b`));
    } finally {
      await pool.close();
    }
  }
});

test('in this thread: a forced preference replaces an earlier selection; the summary name needs a network', async () => {
  const { defaultConfig } = await irisEvaluation();
  setBackendPreference('cpu');
  assert.equal(backendPreference(), 'cpu');
  await prepareBackendFor(defaultConfig);
  assert.equal(backendInUse(), 'none');
  await prepareBackendFor({ ...defaultConfig, 'classifier:__choice__': 'mlp' });
  assert.equal(backendInUse(), 'cpu');
  setBackendPreference('wasm');
  await prepareBackendFor({ ...defaultConfig, 'classifier:__choice__': 'mlp' });
  assert.equal(backendInUse(), 'wasm');
  setBackendPreference('auto');
});
