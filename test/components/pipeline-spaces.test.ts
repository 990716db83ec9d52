import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CategoricalHyperparameter, spaceToJSONText, type ConfigurationSpace } from '../../src/space/index.ts';
import { PIPELINE_SPACE_FILES, pipelineSpace, readSpaceFile } from '../../src/components/pipeline-spaces.ts';
import { Rng } from '../../src/util/rng.ts';
import { AutoMLError } from '../../src/util/errors.ts';

const PIPELINES = fileURLToPath(new URL('../../pipelines/', import.meta.url));

test('committed pipelines/*.json are exactly what the registry generates (run `npm run spaces`)', () => {
  for (const entry of PIPELINE_SPACE_FILES) {
    const committed = readFileSync(`${PIPELINES}${entry.file}`, 'utf8');
    assert.equal(committed, spaceToJSONText(pipelineSpace(entry)), `pipelines/${entry.file} is stale`);
  }
});

function checkSamples(space: ConfigurationSpace, count: number): void {
  const seen = new Map<string, Set<unknown>>();
  for (const config of space.sample(new Rng(42), count)) {
    space.validate(config);
    for (const [name, value] of Object.entries(config)) {
      if (!seen.has(name)) seen.set(name, new Set());
      seen.get(name)!.add(value);
    }
  }
  for (const hp of space.hyperparameters) {
    assert.ok(seen.has(hp.name), `${hp.name} never active in ${count} samples`);
    if (hp instanceof CategoricalHyperparameter) {
      for (const choice of hp.choices) assert.ok(seen.get(hp.name)!.has(choice), `${hp.name}=${String(choice)} never sampled`);
    }
  }
}

test('10 000 seeded samples of each default space are valid and cover every choice', () => {
  for (const entry of PIPELINE_SPACE_FILES.filter((e) => e.file !== 'tiny.json')) {
    const space = readSpaceFile(`${PIPELINES}${entry.file}`, entry.family === 'regression' ? 'regression' : 'multiclass');
    checkSamples(space, 10_000);
    // No sample pairs a tree model with a kernel expansion (a forbidden clause).
    for (const config of space.sample(new Rng(1), 2000)) {
      const model = String(config['classifier:__choice__'] ?? config['regressor:__choice__']);
      const fp = String(config['feature_preprocessor:__choice__']);
      assert.ok(!(['random_forest', 'extra_trees', 'gradient_boosting', 'decision_tree'].includes(model) && ['nystroem', 'random_fourier', 'polynomial'].includes(fp)));
    }
  }
});

test('a space file with an unknown component or hyperparameter is BAD_SPACE naming it', () => {
  const tiny = readFileSync(`${PIPELINES}tiny.json`, 'utf8');
  const dir = mkdtempSync(join(tmpdir(), 'automl-space-'));
  const cases: [string, string, RegExp][] = [
    ['typo.json', tiny.replace('"classifier:random_forest:max_features"', '"classifier:random_forest:max_feature"'), /max_feature/],
    ['unknown-model.json', tiny.replaceAll('"logistic_regression"', '"svm_nonexistent"'), /svm_nonexistent/],
  ];
  for (const [name, text, pattern] of cases) {
    writeFileSync(join(dir, name), text);
    assert.throws(() => readSpaceFile(join(dir, name), 'binary'), (e: unknown) => e instanceof AutoMLError && e.code === 'BAD_SPACE' && pattern.test(e.message));
  }
  assert.throws(() => readSpaceFile(`${PIPELINES}regression.json`, 'binary'), (e: unknown) => e instanceof AutoMLError && e.code === 'BAD_SPACE');
});
