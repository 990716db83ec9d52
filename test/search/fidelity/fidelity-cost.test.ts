/**
 * A trial below full fidelity costs less: the default pipeline (gradient boosting) on satellite
 * (6435 rows, 36 columns, holdout) at a ninth of its rounds or of its training rows.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readCsvFile } from '../../../src/data/csv.ts';
import { buildTrainingData } from '../../../src/data/build.ts';
import { buildResampling } from '../../../src/search/resampling.ts';
import { getScorer } from '../../../src/metrics/scorers.ts';
import { buildSearchSpace, componentContextFor } from '../../../src/components/registry.ts';
import { evaluateTrial, type EvaluationData } from '../../../src/search/evaluate-trial.ts';
import type { TrialSetup } from '../../../src/search/runner/trial-runner.ts';
import { datasetPath } from '../../helpers/datasets.ts';

test('a ninth of the rounds or of the rows takes well under half the time of a full trial', async () => {
  const labelled = buildTrainingData(await readCsvFile(datasetPath('satellite')), { target: 'class' });
  const resampling = buildResampling(labelled.features, labelled.target, { strategy: 'holdout', folds: 5, holdoutFraction: 0.33, seed: 7 });
  const context = componentContextFor(resampling.folds[0]!.train.features, labelled.task);
  const data: EvaluationData = { resampling, scorer: getScorer('balanced_accuracy', labelled.task), context };
  const config = buildSearchSpace(context).defaultConfiguration();
  const timed = (setup?: TrialSetup): { seconds: number; score: number } => {
    const outcome = evaluateTrial(config, data, 1, setup);
    assert.equal(outcome.status, 'SUCCESS', outcome.error);
    return { seconds: outcome.fitSeconds, score: outcome.score! };
  };
  const full = timed();
  const rounds = timed({ fidelity: { share: 1 / 9, resource: 'auto' } });
  const rows = timed({ fidelity: { share: 1 / 9, resource: 'rows' } });
  assert.ok(rounds.seconds < full.seconds / 2, `a ninth of the rounds took ${rounds.seconds.toFixed(2)} s, the full trial ${full.seconds.toFixed(2)} s`);
  assert.ok(rows.seconds < full.seconds / 2, `a ninth of the rows took ${rows.seconds.toFixed(2)} s, the full trial ${full.seconds.toFixed(2)} s`);
  // Cheaper, not meaningless: still far above chance (1/6) on the same validation rows.
  assert.ok(rounds.score > 0.7 && rows.score > 0.7, `scores ${rounds.score.toFixed(3)} and ${rows.score.toFixed(3)}, full ${full.score.toFixed(3)}`);
});
