import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildResampling, MIN_TRAINING_ROWS, resolveStrategy, trainingRowsFor, affordableCells } from '../../src/search/resampling.ts';
import type { Dataset, Target } from '../../src/data/dataset.ts';

function numericData(nRows: number, nColumns: number): { features: Dataset; target: Target } {
  const columns = Array.from({ length: nColumns }, (_, j) => ({
    name: `x${j}`,
    kind: 'numeric' as const,
    values: Float64Array.from({ length: nRows }, (_, i) => Math.sin(i * (j + 1))),
  }));
  // Three classes, one of them rare, so that stratification is visible.
  const codes = Int32Array.from({ length: nRows }, (_, i) => (i % 20 === 0 ? 2 : i % 2));
  return { features: { nRows, columns }, target: { kind: 'classification', name: 'y', classes: ['a', 'b', 'c'], codes } };
}

test('auto cross-validates small data only while its folds fit the first trial\'s share of the budget', () => {
  assert.equal(resolveStrategy('auto', 500, 5, 10, 30), 'cv');
  // 2000 × 500 is small in rows but five fits of it are far more than a share of 20 s.
  assert.equal(resolveStrategy('auto', 2000, 5, 500, 20), 'holdout');
  // 200 × 5000 likewise.
  assert.equal(resolveStrategy('auto', 200, 5, 5000, 10), 'holdout');
  // A longer budget affords the folds again; without a budget, rows alone decide.
  assert.equal(resolveStrategy('auto', 2000, 5, 500, 20_000), 'cv');
  assert.equal(resolveStrategy('auto', 2000, 5, 500), 'cv');
  // An explicit strategy is never overridden.
  assert.equal(resolveStrategy('cv', 2000, 5, 500, 20), 'cv');
});

test('a holdout training part too large for the first trial\'s share is subsampled, stratified, never below the floor', () => {
  const { features, target } = numericData(2000, 500);
  const resampling = buildResampling(features, target, { strategy: 'auto', folds: 5, holdoutFraction: 0.33, seed: 3, budgetSeconds: 20 });
  assert.equal(resampling.strategy, 'holdout');
  const fold = resampling.folds[0]!;
  const kept = fold.train.features.nRows;
  assert.deepEqual(resampling.subsample, { rows: kept, of: 1340 });
  assert.equal(kept, trainingRowsFor(1340, 500, 20));
  assert.ok(kept * 500 <= Math.max(affordableCells(20), MIN_TRAINING_ROWS * 500));
  assert.ok(kept >= MIN_TRAINING_ROWS && kept < 1340);
  // The validation rows are all kept.
  assert.equal(fold.valid.features.nRows, 660);
  // The rare class keeps about its share in the subsample.
  const trainCodes = (fold.train.target as { codes: Int32Array }).codes;
  const rare = trainCodes.filter((c) => c === 2).length;
  assert.ok(Math.abs(rare / kept - 0.05) < 0.01, `rare class share ${rare / kept}`);
  // Same options, same rows.
  const again = buildResampling(features, target, { strategy: 'auto', folds: 5, holdoutFraction: 0.33, seed: 3, budgetSeconds: 20 });
  assert.deepEqual(again.folds[0]!.train.features.columns[0], fold.train.features.columns[0]);
});

test('nothing is subsampled when the training part fits, or when the holdout was asked for', () => {
  const { features, target } = numericData(3000, 5);
  const roomy = buildResampling(features, target, { strategy: 'auto', folds: 5, holdoutFraction: 0.33, seed: 3, budgetSeconds: 30 });
  assert.equal(roomy.subsample, undefined);
  assert.equal(roomy.folds[0]!.train.features.nRows, 2010);
  const wide = numericData(2000, 500);
  const explicit = buildResampling(wide.features, wide.target, { strategy: 'holdout', folds: 5, holdoutFraction: 0.33, seed: 3, budgetSeconds: 20 });
  assert.equal(explicit.subsample, undefined);
  assert.equal(explicit.folds[0]!.train.features.nRows, 1340);
});
