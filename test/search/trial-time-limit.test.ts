import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BUDGET_SHARE, MEDIAN_MULTIPLE, MIN_SECONDS, REFERENCE_MARGIN, TrialTimeLimit } from '../../src/search/trial-time-limit.ts';
import type { TrialRecord, TrialStatus } from '../../src/search/trial.ts';

function trial(id: number, status: TrialStatus, fitSeconds: number): TrialRecord {
  return { id, config: {}, algorithm: 'x', status, cost: status === 'SUCCESS' ? 0.5 : Infinity, score: null, fitSeconds, finishedAt: 0, seed: id };
}

test('the initial limit holds until a trial succeeds', () => {
  const limit = new TrialTimeLimit({ budgetSeconds: 30, initialSeconds: 30, adaptive: true });
  assert.equal(limit.seconds(), 30);
  limit.observe(trial(1, 'CRASHED', 0.1), true);
  limit.observe(trial(2, 'TIMEOUT', 30), false);
  assert.equal(limit.seconds(), 30);
});

test('after a success no trial may take more than a fifth of the budget, even when the reference is slower', () => {
  const limit = new TrialTimeLimit({ budgetSeconds: 30, initialSeconds: 30, adaptive: true });
  limit.observe(trial(1, 'SUCCESS', 12), true);
  assert.equal(limit.seconds(), 30 * BUDGET_SHARE);
});

test('the limit follows the median successful fit time, never below the reference trial nor a second', () => {
  const limit = new TrialTimeLimit({ budgetSeconds: 600, initialSeconds: 60, adaptive: true });
  limit.observe(trial(1, 'SUCCESS', 0.02), true);
  assert.equal(limit.seconds(), MIN_SECONDS);
  for (let id = 2; id <= 6; id++) limit.observe(trial(id, 'SUCCESS', 0.5), false);
  assert.equal(limit.seconds(), MEDIAN_MULTIPLE * 0.5);
  const slowReference = new TrialTimeLimit({ budgetSeconds: 600, initialSeconds: 60, adaptive: true });
  slowReference.observe(trial(1, 'SUCCESS', 8), true);
  for (let id = 2; id <= 8; id++) slowReference.observe(trial(id, 'SUCCESS', 0.1), false);
  assert.equal(slowReference.seconds(), REFERENCE_MARGIN * 8);
});

test('a fixed limit is never adapted', () => {
  const limit = new TrialTimeLimit({ budgetSeconds: 30, initialSeconds: 25, adaptive: false });
  limit.observe(trial(1, 'SUCCESS', 0.01), true);
  assert.equal(limit.seconds(), 25);
});
