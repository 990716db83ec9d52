import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readCsvFile } from '../../src/data/csv.ts';
import { buildTrainingData } from '../../src/data/build.ts';
import { algorithmOf, buildSearchSpace, componentContextFor, instantiatePipeline } from '../../src/components/registry.ts';
import { buildResampling } from '../../src/search/resampling.ts';
import { evaluateTrial } from '../../src/search/evaluate-trial.ts';
import { getScorer } from '../../src/metrics/scorers.ts';
import { loadPipeline } from '../../src/components/load.ts';
import { Rng } from '../../src/util/rng.ts';
import { datasetPath } from '../helpers/datasets.ts';

async function setup(name: string, target: string) {
  const labelled = buildTrainingData(await readCsvFile(datasetPath(name)), { target });
  const context = componentContextFor(labelled.features, labelled.task);
  const resampling = buildResampling(labelled.features, labelled.target, { strategy: 'holdout', folds: 5, holdoutFraction: 0.33, seed: 1 });
  const scorer = getScorer(labelled.task === 'regression' ? 'rmse' : 'balanced_accuracy', labelled.task);
  return { labelled, context, data: { resampling, scorer, context } };
}

test('random configurations of the full space fit on data with categoricals and missing values', async () => {
  const { context, data } = await setup('house_votes84', 'class');
  // Networks have their own tests; on the main thread they train on the slow cpu backend.
  const classifiers = ['random_forest', 'extra_trees', 'gradient_boosting', 'decision_tree', 'logistic_regression', 'k_nearest_neighbors', 'gaussian_nb', 'multinomial_nb', 'bernoulli_nb', 'lda', 'qda'];
  const space = buildSearchSpace(context, { classifier: classifiers });
  const failures: string[] = [];
  const algorithms = new Set<string>();
  for (const config of space.sample(new Rng(5), 60)) {
    const outcome = evaluateTrial(config, data, 1);
    if (outcome.status === 'SUCCESS') algorithms.add(algorithmOf(config));
    else failures.push(`${algorithmOf(config)}: ${outcome.error}`);
  }
  // Failures are allowed only as recorded values (e.g. a polynomial expansion over the size cap).
  assert.ok(failures.length <= 3, failures.join('\n'));
  assert.ok(algorithms.size >= 5, [...algorithms].join(','));
});

test('every algorithm default fits, and its saved pipeline predicts identically after loading', async () => {
  for (const [name, target] of [['titanic', 'class'], ['ozone', 'target']] as const) {
    const { labelled, context } = await setup(name, target);
    const space = buildSearchSpace(context);
    const modelChoice = space.has('classifier:__choice__') ? 'classifier:__choice__' : 'regressor:__choice__';
    const hp = space.get(modelChoice)!;
    for (const algorithm of (hp as unknown as { choices: string[] }).choices.filter((a) => a !== 'mlp')) {
      const config = space.sample(new Rng(3), 400).find((c) => c[modelChoice] === algorithm && c['feature_preprocessor:__choice__'] === 'no_preprocessing');
      assert.ok(config, `no sample for ${algorithm}`);
      const { pipeline } = instantiatePipeline(config, context, 9);
      pipeline.fit(labelled.features, labelled.target);
      const before = pipeline.predict(labelled.features);
      const after = loadPipeline(JSON.parse(JSON.stringify(pipeline.toJSON())), algorithm).predict(labelled.features);
      assert.deepEqual(after, before, `${name}/${algorithm} round trip`);
    }
  }
});

test('the same configuration and seed give the same validation cost', async () => {
  const { context, data } = await setup('glass', 'class');
  // Networks train on the slow cpu backend on the main thread; they have their own determinism tests.
  const choices = (buildSearchSpace(context).get('classifier:__choice__') as unknown as { choices: string[] }).choices;
  const space = buildSearchSpace(context, { classifier: choices.filter((a) => a !== 'mlp') });
  for (const config of space.sample(new Rng(11), 8)) {
    assert.equal(evaluateTrial(config, data, 4).cost, evaluateTrial(config, data, 4).cost);
  }
});
