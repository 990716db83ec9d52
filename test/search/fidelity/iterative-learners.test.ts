/**
 * A trial at a quarter of the iterations fits a quarter of the trees, rounds or epochs, for every
 * iterative learner of the registry (fitted on one iris fold).
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildSearchSpace, instantiatePipeline } from '../../../src/components/registry.ts';
import type { Model } from '../../../src/components/model.ts';
import type { EvaluationData } from '../../../src/search/evaluate-trial.ts';
import { applyFidelity } from '../../../src/search/fidelity/apply-fidelity.ts';
import { ITERATIVE_LEARNERS } from '../../../src/search/fidelity/iterative-learners.ts';
import { prepareBackendFor } from '../../../src/search/prepare-backend.ts';
import { HistGradientBoostingClassifier } from '../../../src/components/models/boosting/index.ts';
import { ExtraTreesClassifier, RandomForestClassifier } from '../../../src/components/models/tree/index.ts';
import { XgboostClassifier } from '../../../src/components/models/xgboost/index.ts';
import { treeCount, treesFromJson } from '../../../src/components/models/xgboost/trees.ts';
import { MlpClassifier } from '../../../src/components/models/mlp/index.ts';
import { isJsonObject } from '../../../src/util/json.ts';
import { irisEvaluation } from '../runner/fixtures/evaluation-data.ts';

/** What each learner did: trees, boosting rounds (iris has 3 classes: xgboost grows 3 trees a round) or the epoch cap. */
function iterationsDone(model: Model): number {
  if (model instanceof RandomForestClassifier || model instanceof ExtraTreesClassifier) return model.trees.length;
  if (model instanceof HistGradientBoostingClassifier) return model.nIterations;
  if (model instanceof XgboostClassifier) {
    const trees = model.toJSON().state['trees'];
    assert.ok(isJsonObject(trees));
    return treeCount(treesFromJson(trees)) / 3;
  }
  if (model instanceof MlpClassifier) {
    assert.ok(model.training.epochs <= model.params.max_epochs);
    return model.params.max_epochs;
  }
  throw new Error(`no iteration count for ${model.constructor.name}`);
}

describe('iterations below full fidelity', () => {
  let data: EvaluationData;

  before(async () => {
    ({ data } = await irisEvaluation());
  });

  const fitAt = async (algorithm: string, share: number): Promise<number> => {
    const config = buildSearchSpace(data.context, { classifier: [algorithm] }).defaultConfiguration();
    const trial = applyFidelity(config, data.resampling, { share, resource: 'auto' });
    await prepareBackendFor(trial.config);
    const { pipeline } = instantiatePipeline(trial.config, data.context, 3);
    const fold = trial.resampling.folds[0]!;
    pipeline.fit(fold.train.features, fold.train.target);
    return iterationsDone(pipeline.steps.model);
  };

  for (const algorithm of Object.keys(ITERATIVE_LEARNERS)) {
    it(`${algorithm}: a quarter of the iterations at share 1/4`, async () => {
      const full = await fitAt(algorithm, 1);
      const quarter = await fitAt(algorithm, 0.25);
      assert.ok(full >= 32, `${algorithm} runs ${full} iterations at full fidelity`);
      assert.equal(quarter, Math.round(full / 4));
    });
  }
});
