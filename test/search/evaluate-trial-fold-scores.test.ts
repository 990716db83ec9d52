/** Cross-validated trials report each fold's own score (the spread automatic termination reads). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rowsToRawTable } from '../../src/data/adapters.ts';
import { buildTrainingData } from '../../src/data/build.ts';
import { buildSearchSpace, componentContextFor } from '../../src/components/registry.ts';
import { getScorer } from '../../src/metrics/scorers.ts';
import { evaluateTrial } from '../../src/search/evaluate-trial.ts';
import { buildResampling, type ResamplingStrategy } from '../../src/search/resampling.ts';

function evaluate(strategy: ResamplingStrategy) {
  const rows = Array.from({ length: 90 }, (_, i) => ({ x: Math.sin(i), z: (i * 7) % 11, class: Math.sin(i) + ((i * 7) % 11) / 20 > 0.4 ? 'a' : 'b' }));
  const labelled = buildTrainingData(rowsToRawTable(rows), { target: 'class' });
  const resampling = buildResampling(labelled.features, labelled.target, { strategy, folds: 3, holdoutFraction: 0.33, seed: 3 });
  const context = componentContextFor(labelled.features, labelled.task);
  const config = buildSearchSpace(context, { rescaling: ['standard'], feature_preprocessor: ['no_preprocessing'], classifier: ['lda'] }).defaultConfiguration();
  const scorer = getScorer('accuracy', labelled.task);
  return { outcome: evaluateTrial(config, { resampling, scorer, context }, 1), resampling };
}

test('under cross-validation each fold is scored on its own validation rows', () => {
  const { outcome, resampling } = evaluate('cv');
  assert.equal(outcome.status, 'SUCCESS', outcome.error);
  assert.equal(outcome.foldScores?.length, 3);
  // Accuracy over all rows is the row-weighted mean of the folds' accuracies.
  const sizes = resampling.folds.map((fold) => fold.scoredPositions.length);
  const pooled = outcome.foldScores!.reduce((sum, s, k) => sum + s * sizes[k]!, 0) / sizes.reduce((a, b) => a + b, 0);
  assert.ok(Math.abs(pooled - outcome.score!) < 1e-12);
});

test('a holdout trial has no fold scores', () => {
  const { outcome } = evaluate('holdout');
  assert.equal(outcome.status, 'SUCCESS', outcome.error);
  assert.equal(outcome.foldScores, undefined);
});
