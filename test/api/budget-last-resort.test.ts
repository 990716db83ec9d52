import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fit } from '../../src/api/fit.ts';
import { parseModel } from '../../src/export/model.ts';
import { FitBudget, LAST_RESORT_SHARE } from '../../src/api/budget-plan.ts';
import { cheapestConfiguration, lastResortReserveSeconds, lastResortRows, LAST_RESORT_MIN_ROWS, LAST_RESORT_MIN_SHARE, runLastResort } from '../../src/api/budget-last-resort.ts';
import { buildTrainingData } from '../../src/data/build.ts';
import { buildResampling } from '../../src/search/resampling.ts';
import { getScorer } from '../../src/metrics/scorers.ts';
import { buildSearchSpace, componentContextFor } from '../../src/components/registry.ts';
import type { ComponentContext } from '../../src/components/component.ts';
import { wideTable, WIDE_TARGET } from '../../src/bench/wide-data.ts';
import type { TrialRecord } from '../../src/search/trial.ts';

function context(task: ComponentContext['task'], nFeatures = 20): ComponentContext {
  return { task, nRows: 500, nFeatures, nNumeric: nFeatures, nCategorical: 0, nEncoded: nFeatures };
}

test('the last resort takes the cheapest learner of the space, without rescaling or feature preprocessing', () => {
  const binary = cheapestConfiguration(buildSearchSpace(context('binary')), context('binary'));
  assert.equal(binary['classifier:__choice__'], 'gaussian_nb');
  assert.equal(binary['rescaling:__choice__'], 'none');
  assert.equal(binary['feature_preprocessor:__choice__'], 'no_preprocessing');
  const regression = cheapestConfiguration(buildSearchSpace(context('regression')), context('regression'));
  assert.equal(regression['regressor:__choice__'], 'decision_tree');
  // A space without naive Bayes falls to the next cheapest learner it has.
  const restricted = buildSearchSpace(context('binary'), { classifier: ['random_forest', 'decision_tree'] });
  assert.equal(cheapestConfiguration(restricted, context('binary'))['classifier:__choice__'], 'decision_tree');
  // Only expensive learners: the space's own default, still a valid configuration.
  const expensive = buildSearchSpace(context('binary'), { classifier: ['random_forest'] });
  assert.equal(cheapestConfiguration(expensive, context('binary'))['classifier:__choice__'], 'random_forest');
});

test('the last resort is sized to the time left and the width, never below its floor nor above the rows', () => {
  assert.equal(lastResortRows(1000, 10, 100), 1000);
  const wide = lastResortRows(100_000, 5000, 2);
  const narrow = lastResortRows(100_000, 50, 2);
  assert.ok(wide < narrow, `${wide} rows at 5000 columns, ${narrow} at 50`);
  assert.ok(lastResortRows(100_000, 50, 4) > narrow);
  assert.equal(lastResortRows(100_000, 5000, 0), LAST_RESORT_MIN_ROWS);
  assert.equal(lastResortRows(30, 5000, 0), 30);
});

test('the last resort fits a stratified row subsample and returns the fitted pipeline', () => {
  const labelled = buildTrainingData(wideTable(1500, 40, 3), { target: WIDE_TARGET });
  const resampling = buildResampling(labelled.features, labelled.target, { strategy: 'holdout', folds: 5, holdoutFraction: 0.33, seed: 1 });
  const evaluationContext = componentContextFor(resampling.folds[0]!.train.features, labelled.task);
  const evaluation = { resampling, scorer: getScorer('balanced_accuracy', labelled.task), context: evaluationContext };
  const seconds = 0.0005;
  const result = runLastResort({ space: buildSearchSpace(evaluationContext), evaluation, task: labelled.task, id: 7, seed: 1, availableSeconds: seconds, searchElapsed: () => 3 });
  assert.equal(result.record.status, 'SUCCESS', result.record.error);
  assert.equal(result.record.id, 7);
  assert.equal(result.of, resampling.folds[0]!.train.features.nRows);
  assert.equal(result.rows, lastResortRows(result.of, 40, seconds));
  assert.ok(result.rows < result.of);
  assert.ok(result.pipeline !== undefined);
  // The signal is in five columns: even a small naive Bayes beats chance clearly.
  assert.ok(result.record.score! > 0.6, `balanced accuracy ${result.record.score}`);
});

function holdoutEvaluation(rows: number, columns: number) {
  const labelled = buildTrainingData(wideTable(rows, columns, 4), { target: WIDE_TARGET });
  const resampling = buildResampling(labelled.features, labelled.target, { strategy: 'holdout', folds: 5, holdoutFraction: 0.33, seed: 1 });
  return { resampling, scorer: getScorer('balanced_accuracy', labelled.task), context: componentContextFor(resampling.folds[0]!.train.features, labelled.task) };
}

test('the last resort reserve follows the size of the data, from a floor share of the budget to the cap', () => {
  const narrow = lastResortReserveSeconds(10, holdoutEvaluation(100, 5));
  const wide = lastResortReserveSeconds(10, holdoutEvaluation(200, 2000));
  assert.equal(narrow, LAST_RESORT_MIN_SHARE * 10);
  assert.ok(wide > narrow, `wide ${wide} s, narrow ${narrow} s`);
  const geometry = { allRows: 1000, trialRows: 600, trialFits: 1 };
  const capped = new FitBudget(10, { geometry, ensembleSize: 1, cvAverage: false, fixedSeconds: 0, lastResortSeconds: 60 });
  const small = new FitBudget(10, { geometry, ensembleSize: 1, cvAverage: false, fixedSeconds: 0, lastResortSeconds: narrow });
  assert.ok(Math.abs(capped.reserve() - small.reserve() - (LAST_RESORT_SHARE * 10 - narrow)) < 1e-9);
});

test('the budget holds the last resort back until a trial succeeds', () => {
  const budget = new FitBudget(100, { geometry: { allRows: 1000, trialRows: 600, trialFits: 1 }, ensembleSize: 1, cvAverage: false, fixedSeconds: 0 });
  assert.ok(budget.reserve() >= LAST_RESORT_SHARE * 100, `reserve ${budget.reserve()} s`);
  budget.observe([]);
  assert.ok(budget.reserve() >= LAST_RESORT_SHARE * 100);
  const success: TrialRecord = { id: 1, config: {}, algorithm: 'gaussian_nb', status: 'SUCCESS', cost: 0.2, score: 0.8, fitSeconds: 0.1, finishedAt: 1, seed: 1 };
  budget.observe([success]);
  assert.ok(budget.reserve() < LAST_RESORT_SHARE * 100, `reserve ${budget.reserve()} s after a success`);
});

test('a fit whose every trial times out still returns a model, the last resort, within its budget', async () => {
  const budget = 4;
  const trials: TrialRecord[] = [];
  const started = performance.now();
  // A 1 ms limit per trial: no search trial can finish, deterministically.
  const model = await fit(wideTable(600, 30, 5), { target: WIDE_TARGET, timeBudget: budget, perTrialTime: 0.001, workers: 1, seed: 0, warmStart: 0, onTrial: (t) => trials.push(t) });
  const wall = (performance.now() - started) / 1000;
  assert.ok(wall <= budget * 1.05, `the fit took ${wall.toFixed(2)} s of ${budget} s`);
  const summary = model.artifact.summary as { deployment: { kind: string; reason: string }; resampling: string; trials: { success: number } };
  assert.equal(summary.deployment.kind, 'last-resort');
  assert.match(summary.deployment.reason, /no trial succeeded/);
  assert.match(summary.resampling, /last resort fitted on \d+ of \d+ training rows/);
  assert.equal(summary.trials.success, 1);
  const last = trials.at(-1)!;
  assert.equal(last.status, 'SUCCESS');
  assert.ok(trials.slice(0, -1).every((t) => t.status === 'TIMEOUT'));
  assert.equal(model.artifact.members.length, 1);
  // The deployed model survives a save and predicts.
  const reloaded = parseModel(JSON.stringify(model.artifact), 'the saved model');
  assert.equal(reloaded.predict(wideTable(20, 30, 6)).length, 20);
});

// 10 s: the shortest budget the wall contract is stated for (README, Time budget).
test('200 × 5000 numeric columns at a short budget yield a model within the budget', async () => {
  const budget = 10;
  const started = performance.now();
  const model = await fit(wideTable(200, 5000, 2), { target: WIDE_TARGET, timeBudget: budget, seed: 0, warmStart: 0 });
  const wall = (performance.now() - started) / 1000;
  assert.ok(model.artifact.members.length >= 1);
  assert.ok(wall <= budget * 1.05, `the fit took ${wall.toFixed(2)} s of ${budget} s`);
});
