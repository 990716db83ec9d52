import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AutoML, AutoMLError } from '../../src/api/index.ts';
import { resolveFitOptions } from '../../src/api/options.ts';
import { readManifest } from '../../src/bench/manifest.ts';
import { buildTrainingData } from '../../src/data/build.ts';
import { trainingRowsExclusion } from '../../src/metalearning/corpus.ts';
import { projectConfiguration } from '../../src/metalearning/fit-configuration.ts';
import { leaveOut } from '../../src/metalearning/leave-out.ts';
import { DEFAULT_METADATA_DIR, referenceSpace } from '../../src/metalearning/metadata-base.ts';
import { readBase, writeBase, type BaseEntry } from '../../src/metalearning/metadata-files.ts';
import { recordFingerprints } from '../../src/metalearning/record-fingerprints.ts';
import { planWarmStart } from '../../src/metalearning/warm-start.ts';
import { configurationKey, type Configuration } from '../../src/space/index.ts';
import { silentLogger } from '../../src/util/log.ts';
import { recordingLogger } from '../helpers/recording-logger.ts';
import { DATASETS_DIR, loadSplitDataset } from '../helpers/datasets.ts';

interface WarmStartField {
  source: string;
  nearest: { dataset: string }[];
  left_out: string[];
}

const committed = readBase(DEFAULT_METADATA_DIR, 'classification', 'balanced_accuracy')!;
const stored = (name: string): BaseEntry => committed.entries.find((e) => e.dataset === name)!;
const manifestEntry = (name: string) => readManifest(join(DATASETS_DIR, 'manifest.json')).find((d) => d.name === name)!;

/** The entry as a base written before fingerprints were recorded holds it. */
function withoutFingerprint(entry: BaseEntry): BaseEntry {
  const { data_fingerprint: _dropped, ...build } = entry.build;
  return { ...entry, build };
}

test('the committed base records the data fingerprint of every dataset', () => {
  const regression = readBase(DEFAULT_METADATA_DIR, 'regression', 'rmse')!;
  for (const entry of [...committed.entries, ...regression.entries]) assert.match(entry.build.data_fingerprint ?? '', /^[0-9a-f]{16}$/, entry.dataset);
});

test('leaveOut matches by fingerprint whatever the name, and by name only entries that record no fingerprint, with a warning', () => {
  const iris = stored('iris');
  const entries = [{ ...iris, dataset: 'flowers' }, stored('glass'), withoutFingerprint(stored('zoo'))];
  const logger = recordingLogger();
  assert.deepEqual(leaveOut(entries, [], logger).entries, entries);
  const result = leaveOut(entries, [{ fingerprint: iris.build.data_fingerprint! }, { fingerprint: 'ffffffffffffffff', dataset: 'glass' }, { fingerprint: 'eeeeeeeeeeeeeeee', dataset: 'zoo' }], logger);
  assert.deepEqual(result.leftOut, ['flowers', 'zoo']);
  assert.deepEqual(result.entries.map((e) => e.dataset), ['glass'], 'glass was built from other rows than the excluded ones');
  assert.ok(logger.warnings.some((m) => /glass .*other rows/.test(m)), logger.warnings.join('\n'));
  assert.ok(logger.warnings.some((m) => /zoo left out .* by name/.test(m)), logger.warnings.join('\n'));
});

test('a fit of a base dataset that leaves it out never starts from it; without the exclusion it does', async () => {
  const { train } = await loadSplitDataset('iris');
  const { fingerprint } = trainingRowsExclusion(manifestEntry('iris'), train);
  const dir = mkdtempSync(join(tmpdir(), 'automl-leave-out-'));
  const options = { target: 'class', maxTrials: 1, seed: 0, workers: 0, ensembleSize: 1, calibration: 'none' } as const;

  const excluded = await AutoML.fit(train, { ...options, runDir: dir, metadataExclude: [{ fingerprint }] });
  const left = (excluded.artifact.summary as Record<string, unknown>)['warm_start'] as WarmStartField;
  assert.equal(left.source, 'metadata');
  assert.deepEqual(left.left_out, ['iris']);
  assert.ok(left.nearest.length > 0 && !left.nearest.some((n) => n.dataset === 'iris'), JSON.stringify(left.nearest));
  // The base's fingerprint is the one a fit on the same training rows computes.
  const run = JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8')) as { data_fingerprint: string };
  assert.equal(run.data_fingerprint, fingerprint);
  assert.equal(stored('iris').build.data_fingerprint, fingerprint);

  const included = await AutoML.fit(train, options);
  const kept = (included.artifact.summary as Record<string, unknown>)['warm_start'] as WarmStartField;
  assert.deepEqual(kept.left_out, []);
  assert.equal(kept.nearest[0]?.dataset, 'iris', 'iris is nearest to itself');
});

test('the warm start of a left-out dataset proposes none of the configurations only it holds', async () => {
  const { train } = await loadSplitDataset('iris');
  const data = buildTrainingData(train, { target: 'class' });
  const { fingerprint } = trainingRowsExclusion(manifestEntry('iris'), train);
  const space = referenceSpace('classification').space;
  // Stored configurations as the warm start proposes them: projected onto the space (defaults filled in).
  const key = (config: Configuration) => {
    const projection = projectConfiguration(config, space);
    return 'config' in projection ? configurationKey(projection.config) : '';
  };
  const request = {
    data, space, metric: 'balanced_accuracy', seed: 0, count: 25, from: undefined,
    metadataDir: DEFAULT_METADATA_DIR, dataFingerprint: fingerprint, splitsFingerprint: '', logger: silentLogger,
  };
  const elsewhere = new Set(committed.entries.filter((e) => e.dataset !== 'iris').flatMap((e) => e.configurations.map((c) => key(c.config))));
  const irisOnly = new Set(stored('iris').configurations.map((c) => key(c.config)).filter((k) => k !== '' && !elsewhere.has(k)));
  assert.ok(irisOnly.size > 0, 'iris holds configurations no other dataset holds');
  const left = planWarmStart({ ...request, metadataExclude: [{ fingerprint }] });
  assert.equal(left.initial.length, 25);
  assert.ok(left.initial.every((c) => !irisOnly.has(configurationKey(c))));
  const kept = planWarmStart(request);
  assert.ok(kept.initial.some((c) => irisOnly.has(configurationKey(c))));
});

test('build-metadata --fingerprints adds the fingerprint from the training rows, and refuses an entry built from other rows', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'automl-fingerprints-'));
  const iris = stored('iris');
  const zoo = withoutFingerprint(stored('zoo'));
  writeBase(dir, { ...committed, entries: [withoutFingerprint(iris), { ...zoo, build: { ...zoo.build, rows: zoo.build.rows + 1 } }] });
  const logger = recordingLogger();
  const failed = await recordFingerprints(['iris', 'zoo', 'diabetes'].map(manifestEntry), dir, logger);
  assert.deepEqual(failed, ['zoo']);
  assert.ok(logger.infos.some((m) => /diabetes: not in the base/.test(m)));
  const back = readBase(dir, 'classification', 'balanced_accuracy')!;
  const backIris = back.entries.find((e) => e.dataset === 'iris')!;
  assert.equal(backIris.build.data_fingerprint, iris.build.data_fingerprint);
  assert.deepEqual(backIris.configurations, iris.configurations);
  assert.equal(back.entries.find((e) => e.dataset === 'zoo')!.build.data_fingerprint, undefined);
  // Run again: nothing left to record.
  assert.deepEqual(await recordFingerprints([manifestEntry('iris')], dir, logger), []);
  assert.ok(logger.infos.some((m) => /iris: fingerprint [0-9a-f]+ already recorded/.test(m)));
});

test('metadataExclude must be a list of { fingerprint, dataset? }', () => {
  const bad = (value: unknown) =>
    assert.throws(() => resolveFitOptions({ target: 'y', metadataExclude: value as never }), (e: unknown) => e instanceof AutoMLError && e.code === 'BAD_OPTION' && /metadataExclude/.test(e.message));
  bad('abc');
  bad(['6226f8607becc605']);
  bad([{ fingerprint: '' }]);
  bad([{ fingerprint: 'a', dataset: 3 }]);
  assert.deepEqual(resolveFitOptions({ target: 'y', metadataExclude: [{ fingerprint: 'a', dataset: 'iris' }] }).metadataExclude, [{ fingerprint: 'a', dataset: 'iris' }]);
  assert.deepEqual(resolveFitOptions({ target: 'y' }).metadataExclude, []);
});
