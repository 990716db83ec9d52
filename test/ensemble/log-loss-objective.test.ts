import { test } from 'node:test';
import assert from 'node:assert/strict';
import { selectEnsemble } from '../../src/ensemble/index.ts';
import { combinePredictions } from '../../src/export/combine.ts';
import { getScorer } from '../../src/metrics/scorers.ts';
import { logLoss } from '../../src/metrics/classification.ts';
import { fit } from '../../src/api/fit.ts';
import { readCsvFile } from '../../src/data/csv.ts';
import { buildSearchSpace } from '../../src/components/registry.ts';
import { datasetPath } from '../helpers/datasets.ts';
import { binaryProba, candidate, classTruth } from './fixtures.ts';

test('under log loss the ensemble is chosen and costed by log loss, not by the labels', () => {
  const codes = [0, 1, 0, 1, 0, 1, 0, 1];
  const truth = classTruth(codes, 2);
  // Sharp: 7 of 8 rows right but certain of the wrong class once. Mild: 6 of 8 right, never certain.
  const sharp = binaryProba([0, 1, 0, 1, 0, 1, 1, 1].map((p) => (p === 1 ? 1 - 1e-9 : 1e-9)));
  const mild = binaryProba([0.3, 0.7, 0.3, 0.7, 0.3, 0.7, 0.55, 0.45]);
  const logLossScorer = getScorer('log_loss', 'binary');
  const accuracyScorer = getScorer('accuracy', 'binary');
  const pool = (scorer: typeof logLossScorer) => [candidate(1, sharp, truth, scorer), candidate(2, mild, truth, scorer)];
  const byLogLoss = selectEnsemble(pool(logLossScorer), { truth, scorer: logLossScorer }, { ensembleSize: 10, seed: 1 });
  const byAccuracy = selectEnsemble(pool(accuracyScorer), { truth, scorer: accuracyScorer }, { ensembleSize: 10, seed: 1 });
  assert.equal(byAccuracy.members[0]!.id, 1);
  assert.equal(byLogLoss.members[0]!.id, 2);
  // The reported cost is the log loss of the weighted members as the deployed model combines them.
  const byId = new Map([[1, sharp], [2, mild]]);
  const combined = combinePredictions(byLogLoss.members.map((m) => byId.get(m.id)!), Float64Array.from(byLogLoss.members, (m) => m.weight));
  if (combined.kind !== 'classification') throw new Error('classification expected');
  assert.ok(Math.abs(byLogLoss.cost - logLoss(Int32Array.from(codes), combined.proba)) < 1e-9);
});

test('a log_loss fit selects, ensembles and reports on log loss, and deploys argmax labels', async () => {
  const raw = await readCsvFile(datasetPath('iris'));
  const space = buildSearchSpace(
    { task: 'multiclass', nRows: raw.nRows, nFeatures: 4, nNumeric: 4, nCategorical: 0, nEncoded: 4 },
    { classifier: ['logistic_regression', 'gaussian_nb', 'lda'], feature_preprocessor: ['no_preprocessing'] },
  );
  const model = await fit(raw, { target: 'class', metric: 'log_loss', space, maxTrials: 4, workers: 0, timeBudget: 60, seed: 3 });
  const artifact = model.toJSON();
  assert.equal(artifact.metric, 'log_loss');
  assert.equal(artifact.summary['metric'], 'log_loss');
  assert.deepEqual(artifact.decision, { rule: 'argmax' });
  // Trial costs are log losses (positive, lower is better) and the ensemble is no worse than the best trial on them.
  const costs = artifact.leaderboard.filter((row) => row.status === 'SUCCESS').map((row) => row.validation_cost!);
  assert.ok(costs.every((c) => c > 0 && c < 5), costs.join(','));
  const best = Math.min(...costs);
  assert.ok(Number(artifact.summary['ensemble_validation_score']) <= best + 1e-9);
  assert.equal(artifact.validationScore, artifact.summary['ensemble_validation_score']);
});
