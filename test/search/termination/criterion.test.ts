import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TerminationCriterion, terminationSummary, WARMUP_EVALUATIONS } from '../../../src/search/termination/criterion.ts';
import type { Optimizer } from '../../../src/search/optimizer.ts';
import type { TrialOutcome } from '../../../src/search/evaluate-trial.ts';
import type { TrialRecord, TrialStatus } from '../../../src/search/trial.ts';

/** An optimiser whose regret bound is whatever the test sets. */
function optimizerWithBound(bound: () => number | null): Optimizer & { calls: number } {
  const optimizer = {
    name: 'fixed-bound',
    calls: 0,
    ask: () => null,
    tell: () => undefined,
    regretBound: () => {
      optimizer.calls++;
      return bound();
    },
  };
  return optimizer;
}

function trial(id: number, cost: number, status: TrialStatus = 'SUCCESS'): TrialRecord {
  return { id, config: {}, algorithm: 'a', status, cost: status === 'SUCCESS' ? cost : Infinity, score: null, fitSeconds: 0.1, finishedAt: id, seed: id };
}

const outcome: TrialOutcome = { status: 'SUCCESS', cost: 0, score: null, fitSeconds: 0.1 };

test('never stops before the warm-up, failures not counted, and stops at the first check after it', () => {
  assert.equal(WARMUP_EVALUATIONS, 20);
  const optimizer = optimizerWithBound(() => 0);
  const criterion = new TerminationCriterion(optimizer, () => 0.05);
  let id = 0;
  for (let successes = 0; successes < WARMUP_EVALUATIONS - 1;) {
    const failed = id % 3 === 2;
    criterion.observe(trial(++id, 0.5 - id / 100, failed ? 'CRASHED' : 'SUCCESS'), outcome);
    if (!failed) successes++;
    assert.equal(criterion.shouldStop(Infinity, id), false, `after ${successes} successes`);
  }
  assert.equal(optimizer.calls, 0, 'no bound is computed during the warm-up');
  criterion.observe(trial(++id, 0.9), outcome);
  assert.equal(criterion.shouldStop(Infinity, 12.5), true);
  assert.deepEqual(terminationSummary('converged', 30, criterion), { reason: 'converged', at_seconds: 12.5, bound: 0, error: 0.05 });
});

test('goes on while the bound is at or above the incumbent error, or either is unknown', () => {
  let bound: number | null = 0.05;
  const errors = new Map<number, number>();
  const criterion = new TerminationCriterion(optimizerWithBound(() => bound), (t) => errors.get(t.id) ?? 0.05);
  for (let id = 1; id <= 25; id++) criterion.observe(trial(id, 1 / id), outcome);
  assert.equal(criterion.shouldStop(Infinity, 1), false, 'bound equal to the error');
  bound = null;
  assert.equal(criterion.shouldStop(Infinity, 2), false, 'no bound');
  errors.set(26, Number.NaN);
  criterion.observe(trial(26, 0.001), outcome);
  bound = 0;
  assert.equal(criterion.shouldStop(Infinity, 3), false, "the incumbent's error is unknown");
  assert.deepEqual(terminationSummary('budget', 40, criterion), { reason: 'budget', at_seconds: 40, bound: 0, error: null });
});

test("the incumbent's error is the best trial's, among the trials the optimiser knows", () => {
  const seen: number[] = [];
  const criterion = new TerminationCriterion(optimizerWithBound(() => 0.03), (t) => {
    seen.push(t.id);
    return t.id === 30 ? 0.01 : 0.04;
  });
  for (let id = 1; id <= 30; id++) criterion.observe(trial(id, id === 30 ? 0.01 : 0.5 + id / 100), outcome);
  assert.deepEqual(seen, [1, 30], 'errors only of running bests');
  assert.equal(criterion.shouldStop(29, 1), true, 'trial 1 is the incumbent of trials ≤ 29: error 0.04 > bound 0.03');
  const later = new TerminationCriterion(optimizerWithBound(() => 0.03), (t) => (t.id === 30 ? 0.01 : 0.04));
  for (let id = 1; id <= 30; id++) later.observe(trial(id, id === 30 ? 0.01 : 0.5 + id / 100), outcome);
  assert.equal(later.shouldStop(Infinity, 1), false, 'trial 30 is the incumbent: error 0.01 < bound 0.03');
});

test('a criterion needs an optimiser with a regret bound', () => {
  assert.throws(() => new TerminationCriterion({ name: 'random', ask: () => null, tell: () => undefined }, () => 0));
});

test('a search that was not stopped by the criterion reports why it ended, without bound or error in budget mode', () => {
  assert.deepEqual(terminationSummary('max_trials', 12.345), { reason: 'max_trials', at_seconds: 12.35, bound: null, error: null });
});
