/**
 * Cross-validated trials fit their preprocessing on each fold's training rows only: a rescaler or
 * imputer fitted on rows it is then scored on leaks the validation rows into the trial's score.
 * The spies wrap the fit of the imputer and of the standard scaler (the components the
 * configuration chooses) and record which rows each fit saw, through a column holding each row's
 * own position.
 */
import { afterEach, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FitTarget } from '../../src/components/transformer.ts';
import type { FeatureMatrix } from '../../src/components/matrix.ts';
import type { Dataset } from '../../src/data/dataset.ts';
import { rowsToRawTable } from '../../src/data/adapters.ts';
import { buildTrainingData } from '../../src/data/build.ts';
import { Imputer } from '../../src/components/preprocessing/imputer.ts';
import { StandardScaler } from '../../src/components/preprocessing/standard-scaler.ts';
import { buildSearchSpace, componentContextFor } from '../../src/components/registry.ts';
import { getScorer } from '../../src/metrics/scorers.ts';
import { evaluateTrial } from '../../src/search/evaluate-trial.ts';
import { buildResampling } from '../../src/search/resampling.ts';

const ROWS = 60;
const FOLDS = 5;

/** Row positions seen by each fit, in call order, one list per spied component. */
const seen = { imputer: [] as number[][], scaler: [] as number[][] };
const originalImputerFit = Imputer.prototype.fit;
const originalScalerFit = StandardScaler.prototype.fit;

beforeEach(() => {
  seen.imputer.length = 0;
  seen.scaler.length = 0;
  // The `position` column is the first one and holds position + 0.5 (no missing values, so
  // imputation leaves it as it is, and it reaches the scaler as column 0).
  Imputer.prototype.fit = function (this: Imputer, data: Dataset, target?: FitTarget): void {
    const column = data.columns.find((c) => c.name === 'position');
    assert.ok(column?.kind === 'numeric', 'the imputer receives the position column');
    seen.imputer.push(Array.from(column.values, (v) => v - 0.5));
    originalImputerFit.call(this, data, target);
  };
  StandardScaler.prototype.fit = function (this: StandardScaler, x: FeatureMatrix, target?: FitTarget): void {
    seen.scaler.push(Array.from(x.columns[0]!, (v) => v - 0.5));
    originalScalerFit.call(this, x, target);
  };
});

afterEach(() => {
  Imputer.prototype.fit = originalImputerFit;
  StandardScaler.prototype.fit = originalScalerFit;
});

test('each fold\'s preprocessing is fitted on exactly the rows outside its validation part', () => {
  const rows = Array.from({ length: ROWS }, (_, i) => ({ position: i + 0.5, x: Math.sin(i), class: i % 3 === 0 ? 'a' : 'b' }));
  const labelled = buildTrainingData(rowsToRawTable(rows), { target: 'class' });
  const resampling = buildResampling(labelled.features, labelled.target, { strategy: 'cv', folds: FOLDS, holdoutFraction: 0.33, seed: 3 });
  const context = componentContextFor(labelled.features, labelled.task);
  const config = buildSearchSpace(context, { rescaling: ['standard'], feature_preprocessor: ['no_preprocessing'], classifier: ['lda'] }).defaultConfiguration();
  const outcome = evaluateTrial(config, { resampling, scorer: getScorer('balanced_accuracy', labelled.task), context }, 1);
  assert.equal(outcome.status, 'SUCCESS', outcome.error);

  assert.equal(seen.imputer.length, FOLDS);
  assert.equal(seen.scaler.length, FOLDS);
  const validated = new Set<number>();
  resampling.folds.forEach((fold, k) => {
    // Scored positions are positions in the whole training data under cross-validation.
    const validation = new Set(fold.scoredPositions);
    for (const p of validation) validated.add(p);
    const expected = Array.from({ length: ROWS }, (_, i) => i).filter((i) => !validation.has(i));
    for (const [name, fits] of Object.entries(seen)) {
      const fitted = [...fits[k]!].sort((a, b) => a - b);
      assert.deepEqual(fitted, expected, `fold ${k}: ${name} fitted on other rows than the fold's training rows`);
    }
  });
  // Every row is validated once, so every row was kept out of some fold's preprocessing.
  assert.equal(validated.size, ROWS);
});
