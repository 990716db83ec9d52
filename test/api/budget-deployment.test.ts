import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planDeployment, type DeploymentRequest } from '../../src/api/budget-deployment.ts';
import { COST_MARGIN, predictedRefitSeconds, type TrainingGeometry } from '../../src/api/budget-refit-cost.ts';
import { FINISH_SHARE, FitBudget, LAST_RESORT_SHARE, MAX_RESERVE_SHARE } from '../../src/api/budget-plan.ts';
import type { TrialRecord } from '../../src/search/trial.ts';
import type { WeightedTrial } from '../../src/api/refit.ts';

function trial(id: number, fitSeconds: number, cost = 0.1 * id): TrialRecord {
  return { id, config: {}, algorithm: 'random_forest', status: 'SUCCESS', cost, score: 1 - cost, fitSeconds, finishedAt: id, seed: id };
}

/** A holdout of 2/3 of 3000 rows: a refit sees 1.5 times the rows a trial fitted on. */
const HOLDOUT: TrainingGeometry = { allRows: 3000, trialRows: 2000, trialFits: 1 };
/** 5-fold CV of 1000 rows: a trial made five fits of 800 rows. */
const CV: TrainingGeometry = { allRows: 1000, trialRows: 800, trialFits: 5 };

function request(selected: WeightedTrial[], availableSeconds: number, geometry = HOLDOUT): DeploymentRequest {
  return { selected, best: selected[0]!.trial, geometry, strategy: geometry.trialFits === 1 ? 'holdout' : 'cv', cvAverage: false, availableSeconds };
}

test('a refit is predicted from the measured fit time, per fit, scaled up to all rows', () => {
  const measured = trial(1, 10);
  const holdout = predictedRefitSeconds(measured, HOLDOUT);
  const cv = predictedRefitSeconds(measured, CV);
  // More rows cost more than the trial's one fit, but a CV trial's five fits cost more than one refit.
  assert.ok(holdout > 10 * 1.5, `holdout refit ${holdout}`);
  assert.ok(cv > 10 / 5 && cv < 10, `cv refit ${cv}`);
});

test('when every member fits in the time left, all are refitted on all rows', () => {
  const selected = [
    { trial: trial(1, 1), weight: 0.6 },
    { trial: trial(2, 2), weight: 0.4 },
  ];
  const plan = planDeployment(request(selected, 100));
  assert.equal(plan.kind, 'refit');
  assert.equal(plan.fit, 'all-rows');
  assert.deepEqual(plan.members.map((m) => m.trial.id), [1, 2]);
});

test('a short reserve refits the heaviest members that fit, weights renormalised, and says why', () => {
  const selected = [
    { trial: trial(1, 2), weight: 0.5 },
    { trial: trial(2, 40), weight: 0.3 },
    { trial: trial(3, 2), weight: 0.2 },
  ];
  const plan = planDeployment(request(selected, 15));
  assert.equal(plan.kind, 'fewer-members');
  assert.deepEqual(plan.members.map((m) => m.trial.id), [1, 3]);
  assert.ok(Math.abs(plan.members[0]!.weight - 0.5 / 0.7) < 1e-12);
  assert.match(plan.reason, /all 3 members was predicted to take .* 2 of them \(70% of the weight\) fit/);
  assert.ok(plan.predictedSeconds <= 15);
});

test('when no refit fits, the best trial is deployed as fitted on its holdout training rows', () => {
  const selected = [{ trial: trial(4, 8), weight: 1 }];
  const plan = planDeployment(request(selected, 10));
  assert.equal(plan.kind, 'holdout-model');
  assert.equal(plan.fit, 'training-part');
  assert.deepEqual(plan.members.map((m) => m.trial.id), [4]);
  assert.match(plan.reason, /trial 4 was deployed as fitted on the holdout training rows/);
  assert.doesNotMatch(plan.reason, /may pass the budget/);
});

test('under cross-validation the fallback is one fold model, and an unavoidable overrun is said', () => {
  const selected = [{ trial: trial(5, 50), weight: 1 }];
  const plan = planDeployment(request(selected, 1, CV));
  assert.equal(plan.kind, 'fold-model');
  assert.match(plan.reason, /first fold's training rows/);
  assert.match(plan.reason, /even this may pass the budget/);
});

test('the search budget ends earlier as the predicted refit of the best trials grows', () => {
  const budget = new FitBudget(100, { geometry: HOLDOUT, ensembleSize: 50, cvAverage: false, fixedSeconds: 2 });
  const search = budget.searchBudget();
  const before = search.remaining();
  budget.observe([trial(1, 4), trial(2, 1)]);
  // The first success releases the last resort's share and reserves the refits instead.
  const reserved = predictedRefitSeconds(trial(1, 4), HOLDOUT) + predictedRefitSeconds(trial(2, 1), HOLDOUT) - LAST_RESORT_SHARE * 100;
  assert.ok(Math.abs(before - search.remaining() - reserved) < 0.05, `reserve grew by ${before - search.remaining()}, predicted ${reserved}`);
  // Many slow members cannot take the whole search: the refits reserved are capped...
  budget.observe([trial(3, 10, 0.01), trial(4, 10, 0.02), trial(5, 10, 0.03), trial(6, 10, 0.04), trial(7, 10, 0.05)]);
  const floor = 100 * (1 - MAX_RESERVE_SHARE - FINISH_SHARE) - 2;
  assert.ok(Math.abs(search.remaining() - floor) < 0.1, `search keeps ${search.remaining()} s, ${floor} s expected`);
  // ...but the best trial's own model, the last fallback, is always reserved.
  budget.observe([trial(8, 60, 0.001)]);
  assert.ok(budget.reserve() >= 60 * COST_MARGIN + 2, `reserve ${budget.reserve()} s`);
});
