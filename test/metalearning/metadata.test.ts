import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readManifest } from '../../src/bench/manifest.ts';
import { buildMetadata } from '../../src/metalearning/build-metadata.ts';
import { loadMetadataBase, referenceSpace } from '../../src/metalearning/metadata-base.ts';
import { readBase, writeBase, type BaseEntry, type MetadataBase } from '../../src/metalearning/metadata-files.ts';
import { META_FEATURE_NAMES, type MetaFeatures } from '../../src/metalearning/meta-features.ts';
import { rankByDistance } from '../../src/metalearning/nearest-datasets.ts';
import { selectConfigurations } from '../../src/metalearning/warm-start-selection.ts';
import { recordingLogger } from '../helpers/recording-logger.ts';
import { DATASETS_DIR } from '../helpers/datasets.ts';

function features(values: Partial<MetaFeatures>): MetaFeatures {
  return Object.fromEntries(META_FEATURE_NAMES.map((name) => [name, values[name] ?? 0])) as MetaFeatures;
}

function entry(dataset: string, spaceHash: string, configurations: BaseEntry['configurations'], metaFeatures = features({})): BaseEntry {
  return {
    dataset,
    metaFeatures,
    configurations,
    build: { space_hash: spaceHash, budget_seconds: 1, max_trials: null, seed: 0, trials: 1, successful_trials: 1, seconds: 1, built_at: '2026-01-01T00:00:00.000Z', rows: 10, features: 2 },
  };
}

function base(entries: BaseEntry[]): MetadataBase {
  return {
    kind: 'classification',
    metric: 'balanced_accuracy',
    description: {
      format: 'automl-ts/metadata', format_version: 1, task_kind: 'classification', metric: 'balanced_accuracy', space_file: 'pipelines/classification.json',
      space_hash: 'x', package_version: '0', top_k: 10, updated_at: '2026-01-01T00:00:00.000Z', total_seconds: 0, datasets: {},
    },
    entries,
  };
}

test('a stale entry keeps only the configurations still valid in the current space, with a warning each', () => {
  const reference = referenceSpace('classification');
  const valid = reference.space.defaultConfiguration();
  const outOfRange = { ...valid, 'classifier:__choice__': 'random_forest' } as Record<string, string | number | boolean>;
  for (const name of Object.keys(outOfRange)) if (name.startsWith('classifier:gradient_boosting:')) delete outOfRange[name];
  Object.assign(outOfRange, {
    'classifier:random_forest:bootstrap': true, 'classifier:random_forest:criterion': 'gini', 'classifier:random_forest:max_features': 7,
    'classifier:random_forest:min_samples_leaf': 1, 'classifier:random_forest:min_samples_split': 2, 'classifier:random_forest:n_estimators': 100,
  });
  const unknownModel = { ...valid, 'classifier:__choice__': 'a_model_that_was_removed' };
  const dir = mkdtempSync(join(tmpdir(), 'automl-meta-'));
  writeBase(dir, base([
    entry('fresh', reference.hash, [{ cost: 0.1, config: valid }]),
    entry('stale', 'an-old-space-hash', [{ cost: 0.1, config: unknownModel }, { cost: 0.2, config: valid }, { cost: 0.3, config: outOfRange }]),
  ]));
  const logger = recordingLogger();
  const loaded = loadMetadataBase(dir, 'classification', 'balanced_accuracy', logger, reference)!;
  const stale = loaded.entries.find((e) => e.dataset === 'stale')!;
  assert.deepEqual(stale.configurations.map((c) => c.cost), [0.2]);
  assert.equal(loaded.entries.find((e) => e.dataset === 'fresh')!.configurations.length, 1);
  assert.equal(logger.warnings.length, 2, logger.warnings.join('\n'));
  assert.match(logger.warnings[0]!, /configuration 1 of dataset stale .*a_model_that_was_removed/);
  assert.match(logger.warnings[1]!, /configuration 3 of dataset stale .*max_features/);
});

test('files are text, sorted and round-trip; NaN features are empty cells; an absent base is null', () => {
  const dir = mkdtempSync(join(tmpdir(), 'automl-meta-'));
  assert.equal(readBase(dir, 'classification', 'balanced_accuracy'), null);
  writeBase(dir, base([entry('b', 'h', [{ cost: 0.5, config: { z: 1, a: 'x' } }], features({ n_instances: 3, class_entropy: NaN })), entry('a', 'h', [])]));
  const csv = readFileSync(join(dir, 'classification-balanced_accuracy', 'meta_features.csv'), 'utf8').split('\n');
  assert.equal(csv[0], ['dataset', ...META_FEATURE_NAMES].join(','));
  assert.match(csv[1]!, /^a,/);
  assert.match(csv[2]!, /^b,3,/);
  const json = readFileSync(join(dir, 'classification-balanced_accuracy', 'configurations.json'), 'utf8');
  assert.ok(json.indexOf('"a": "x"') < json.indexOf('"z": 1'), 'hyperparameters sorted by name');
  const back = readBase(dir, 'classification', 'balanced_accuracy')!;
  assert.deepEqual(back.entries.map((e) => e.dataset), ['a', 'b']);
  assert.ok(Number.isNaN(back.entries[1]!.metaFeatures.class_entropy));
  assert.equal(back.entries[1]!.metaFeatures.n_instances, 3);
});

test('distance: min-max scaled L1, constant features and features NaN on both sides skipped', () => {
  const entries = [
    { dataset: 'near', metaFeatures: features({ n_instances: 100, n_features: 5, n_classes: NaN }) },
    { dataset: 'far', metaFeatures: features({ n_instances: 1100, n_features: 5, n_classes: NaN }) },
    { dataset: 'mid', metaFeatures: features({ n_instances: 600, n_features: 5, n_classes: NaN }) },
  ];
  // Only n_instances varies over the base (range 100..1100); n_features is constant there.
  const ranked = rankByDistance(features({ n_instances: 340, n_features: 9, n_classes: NaN }), entries);
  assert.deepEqual(ranked.map((r) => r.entry.dataset), ['near', 'mid', 'far']);
  const expected = [0.24, 0.26, 0.76];
  ranked.forEach((r, i) => assert.ok(Math.abs(r.distance - expected[i]!) < 1e-12, `${r.entry.dataset}: ${r.distance}`));
  // A tie keeps the name order.
  assert.deepEqual(rankByDistance(features({ n_instances: 350 }), entries).slice(0, 2).map((r) => r.entry.dataset), ['mid', 'near']);
});

test('build-metadata: training rows only, best configurations valid, resumable per dataset', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'automl-meta-'));
  const datasets = readManifest(join(DATASETS_DIR, 'manifest.json')).filter((d) => d.name === 'iris');
  const settings = { budget: 30, maxTrials: 3, topK: 2, seed: 0, workers: 0, out: dir, force: false, runsDir: join(dir, 'runs') };
  const logger = recordingLogger();
  assert.deepEqual(await buildMetadata(datasets, settings, logger), []);
  const built = readBase(dir, 'classification', 'balanced_accuracy')!;
  const iris = built.entries[0]!;
  assert.equal(iris.dataset, 'iris');
  assert.equal(iris.build.rows, 112, 'the 38 test rows of iris are never used');
  assert.equal(iris.metaFeatures.n_instances, 112);
  assert.equal(iris.configurations.length, 2);
  assert.ok(iris.configurations[0]!.cost <= iris.configurations[1]!.cost);
  assert.equal(iris.build.space_hash, referenceSpace('classification').hash);
  assert.ok(existsSync(join(settings.runsDir, 'iris', 'trials.jsonl')));
  // The fingerprint a fit on the same training rows records, so a benchmark can leave iris out.
  const run = JSON.parse(readFileSync(join(settings.runsDir, 'iris', 'run.json'), 'utf8')) as { data_fingerprint: string };
  assert.match(iris.build.data_fingerprint ?? '', /^[0-9a-f]{16}$/);
  assert.equal(iris.build.data_fingerprint, run.data_fingerprint);
  await buildMetadata(datasets, settings, logger);
  assert.ok(logger.infos.some((m) => /iris: already in the base, skipped/.test(m)));
});

test('warm start passes over stored configurations too slow for the new run, scaled by data size', () => {
  const { space } = referenceSpace('classification');
  const defaults = space.defaultConfiguration();
  const variant = (n: number) => ({ ...defaults, 'classifier:gradient_boosting:max_iter': n });
  // Stored on 10 rows × 2 features: one configuration took 4 s, the other 0.01 s.
  const stored = entry('a', 'h', [{ cost: 0.1, config: variant(200), fit_seconds: 4 }, { cost: 0.2, config: variant(300), fit_seconds: 0.01 }]);
  const neighbours = [{ entry: stored, distance: 0 }];
  const none = new Set<string>();
  const unlimited = selectConfigurations(neighbours, space, 5, none);
  assert.equal(unlimited.configurations.length, 2);
  // 10× the cells, 30 s per trial: 4 s → 40 s expected, over half the limit; 0.01 s → 0.1 s kept.
  const limited = selectConfigurations(neighbours, space, 5, none, { seconds: 30, cells: 200 });
  assert.deepEqual(limited.configurations.map((c) => c['classifier:gradient_boosting:max_iter']), [300]);
  // The fit time survives the text round trip.
  const dir = mkdtempSync(join(tmpdir(), 'automl-meta-'));
  writeBase(dir, base([stored]));
  assert.deepEqual(readBase(dir, 'classification', 'balanced_accuracy')!.entries[0]!.configurations.map((c) => c.fit_seconds), [4, 0.01]);
});
