import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AutoML, AutoMLError } from '../../src/api/index.ts';
import { readManifest } from '../../src/bench/manifest.ts';
import { buildMetadata } from '../../src/metalearning/build-metadata.ts';
import { readBase } from '../../src/metalearning/metadata-files.ts';
import { rankByDistance } from '../../src/metalearning/nearest-datasets.ts';
import { runMetaFeatures } from '../../src/metalearning/warm-start.ts';
import { buildTrainingData } from '../../src/data/build.ts';
import { dataFingerprint, readTrials } from '../../src/search/run-log.ts';
import { parseCsvText } from '../../src/data/csv.ts';
import { configurationKey } from '../../src/space/index.ts';
import { recordingLogger } from '../helpers/recording-logger.ts';
import { DATASETS_DIR, loadSplitDataset } from '../helpers/datasets.ts';

const TINY_SPACE = fileURLToPath(new URL('../../pipelines/tiny.json', import.meta.url));

interface WarmStartField {
  source: string;
  configurations: number;
  nearest: { dataset: string; distance: number }[];
}

test('metadata warm start: the nearest datasets’ best configurations follow the default one', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'automl-warm-'));
  const datasets = readManifest(join(DATASETS_DIR, 'manifest.json')).filter((d) => d.name === 'zoo' || d.name === 'glass');
  await buildMetadata(datasets, { budget: 30, maxTrials: 3, topK: 3, seed: 0, workers: 0, out: dir, force: false, runsDir: join(dir, 'runs') }, recordingLogger());
  const stored = readBase(dir, 'classification', 'balanced_accuracy')!;
  const { train } = await loadSplitDataset('iris');
  const runDir = join(dir, 'iris-run');
  const model = await AutoML.fit(train, { target: 'class', maxTrials: 3, seed: 0, workers: 0, metadataDir: dir, warmStart: 2, runDir });
  const summary = model.artifact.summary as Record<string, unknown>;
  const warm = summary['warm_start'] as WarmStartField;
  assert.equal(warm.source, 'metadata');
  assert.equal(warm.configurations, 2);
  assert.ok(warm.nearest.length >= 1 && warm.nearest.every((n) => n.dataset === 'glass' || n.dataset === 'zoo'));
  assert.ok(warm.nearest.every((n, i) => i === 0 || n.distance >= warm.nearest[i - 1]!.distance), 'nearest first');
  const metaFeatures = summary['meta_features'] as Record<string, number>;
  assert.equal(metaFeatures['n_instances'], 112);
  // After the default: the best configuration of each dataset, nearest first, then the second
  // best of each (a stored configuration equal to the default is not repeated).
  const trials = readTrials(runDir);
  const byName = new Map(stored.entries.map((e) => [e.dataset, e]));
  const ranked = rankByDistance(runMetaFeatures(buildTrainingData(train, { target: 'class' }), 0), stored.entries).map((n) => byName.get(n.entry.dataset)!);
  const expected: string[] = [];
  const defaultKey = configurationKey(trials[0]!.config);
  for (let rank = 0; rank < 3; rank++) {
    for (const entry of ranked) {
      const config = entry.configurations[rank]?.config;
      if (config !== undefined && configurationKey(config) !== defaultKey && !expected.includes(configurationKey(config))) expected.push(configurationKey(config));
    }
  }
  assert.deepEqual(trials.slice(1).map((t) => configurationKey(t.config)), expected.slice(0, 2));
});

test('missing metadata or --warm-start 0: cold start, with an info line and no error', async () => {
  const { train } = await loadSplitDataset('iris');
  const logger = recordingLogger();
  const empty = mkdtempSync(join(tmpdir(), 'automl-warm-'));
  const model = await AutoML.fit(train, { target: 'class', maxTrials: 1, seed: 0, workers: 0, metadataDir: join(empty, 'absent'), space: TINY_SPACE, logger });
  assert.deepEqual((model.artifact.summary as Record<string, unknown>)['warm_start'], { source: 'none', configurations: 0, nearest: [] });
  assert.ok(logger.infos.some((m) => /no metadata .* cold start/.test(m)));
  const off = await AutoML.fit(train, { target: 'class', maxTrials: 1, seed: 0, workers: 0, warmStart: 0, space: TINY_SPACE });
  assert.equal(((off.artifact.summary as Record<string, unknown>)['warm_start'] as WarmStartField).source, 'none');
});

test('parent run on the same data and space: the search continues without repeating a configuration', async () => {
  const { train } = await loadSplitDataset('iris');
  const dir = mkdtempSync(join(tmpdir(), 'automl-warm-'));
  const options = { target: 'class', seed: 0, workers: 0, space: TINY_SPACE, warmStart: 0 };
  await AutoML.fit(train, { ...options, maxTrials: 8, runDir: join(dir, 'parent') });
  const logger = recordingLogger();
  const child = await AutoML.fit(train, { ...options, maxTrials: 8, runDir: join(dir, 'child'), warmStartFrom: join(dir, 'parent'), logger });
  const warm = (child.artifact.summary as Record<string, unknown>)['warm_start'] as WarmStartField;
  assert.equal(warm.source, 'parent-run');
  assert.equal(warm.configurations, 8);
  const parentKeys = new Set(readTrials(join(dir, 'parent')).map((t) => configurationKey(t.config)));
  const childKeys = readTrials(join(dir, 'child')).map((t) => configurationKey(t.config));
  assert.equal(childKeys.length, 8);
  assert.equal(new Set(childKeys).size, 8);
  for (const key of childKeys) assert.ok(!parentKeys.has(key), 'a parent configuration was proposed again');
  // A trials.jsonl path works as well as the directory.
  const again = await AutoML.fit(train, { ...options, maxTrials: 1, warmStartFrom: join(dir, 'parent', 'trials.jsonl') });
  assert.equal(((again.artifact.summary as Record<string, unknown>)['warm_start'] as WarmStartField).source, 'parent-run');
});

test('parent run on other data: its best valid configurations start the search; invalid ones are dropped with a warning', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'automl-warm-'));
  const parent = join(dir, 'parent');
  mkdirSync(parent);
  writeFileSync(join(parent, 'run.json'), JSON.stringify({ space_hash: 'another-space', data_fingerprint: 'other-data', metric: 'balanced_accuracy' }));
  const good = {
    'balancing:strategy': 'none', 'classifier:__choice__': 'logistic_regression', 'classifier:logistic_regression:C': 2,
    'classifier:logistic_regression:penalty': 'l2', 'encoding:__choice__': 'one_hot', 'feature_preprocessor:__choice__': 'no_preprocessing',
    'imputation:__choice__': 'simple', 'imputation:simple:strategy': 'mean', 'rescaling:__choice__': 'standard',
  };
  const logScaleZero = { ...good, 'classifier:logistic_regression:C': 0 };
  const line = (id: number, cost: number, config: object) => JSON.stringify({ id, algorithm: 'logistic_regression', status: 'SUCCESS', cost, score: 1 - cost, fit_seconds: 0.1, finished_at: id, seed: id, config });
  writeFileSync(join(parent, 'trials.jsonl'), `${line(1, 0.05, logScaleZero)}\n${line(2, 0.1, good)}\n`);
  const { train } = await loadSplitDataset('iris');
  const logger = recordingLogger();
  const runDir = join(dir, 'child');
  const model = await AutoML.fit(train, { target: 'class', seed: 0, workers: 0, space: TINY_SPACE, maxTrials: 2, runDir, warmStartFrom: parent, logger });
  const warm = (model.artifact.summary as Record<string, unknown>)['warm_start'] as WarmStartField;
  assert.deepEqual(warm, { source: 'parent-run', configurations: 1, nearest: [] });
  assert.ok(logger.warnings.some((m) => /1 configuration of .* invalid .*trial 1/.test(m)), logger.warnings.join('\n'));
  const trials = readTrials(runDir);
  assert.equal(trials[1]!.config['classifier:logistic_regression:C'], 2);
});

test('a path that is not a run directory or run log is a typed error', async () => {
  const { train } = await loadSplitDataset('iris');
  const dir = mkdtempSync(join(tmpdir(), 'automl-warm-'));
  const notALog = join(dir, 'notes.txt');
  writeFileSync(notALog, 'hello\nworld\n');
  for (const path of [join(dir, 'nowhere'), dir, notALog]) {
    await assert.rejects(
      AutoML.fit(train, { target: 'class', maxTrials: 1, workers: 0, space: TINY_SPACE, warmStartFrom: path }),
      (error: unknown) => error instanceof AutoMLError && ['BAD_OPTION', 'BAD_INPUT'].includes(error.code) && /run/.test(error.message),
    );
  }
});

test('the data fingerprint is stable for the same rows and changes with any value, the target or the task', () => {
  const csv = (last: string) => parseCsvText(`x,c,y\n1,a,p\n2,b,q\n3,a,p\n${last}\n`);
  const base = dataFingerprint(buildTrainingData(csv('4,b,q'), { target: 'y' }));
  assert.equal(dataFingerprint(buildTrainingData(csv('4,b,q'), { target: 'y' })), base);
  assert.notEqual(dataFingerprint(buildTrainingData(csv('5,b,q'), { target: 'y' })), base);
  assert.notEqual(dataFingerprint(buildTrainingData(csv('4,a,q'), { target: 'y' })), base);
  assert.notEqual(dataFingerprint(buildTrainingData(csv('4,b,p'), { target: 'y' })), base);
  assert.notEqual(dataFingerprint(buildTrainingData(csv('4,b,q'), { target: 'x', task: 'regression' })), base);
});
