import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AutoML, loadModel } from '../../src/api/index.ts';
import type { AutoMLModel } from '../../src/export/model.ts';
import { ARTIFACT_FORMAT_VERSION, formatVersionFor, type Artifact } from '../../src/export/artifact.ts';
import { PROBABILITY_FLOOR } from '../../src/export/combine.ts';
import { loadSplitDataset } from '../helpers/datasets.ts';
import type { RawTable } from '../../src/data/raw-table.ts';
import { cellText } from '../../src/data/raw-column.ts';
import { AutoMLModel as Model } from '../../src/export/model.ts';
import { buildTrainingData } from '../../src/data/build.ts';
import { takeRows, takeTargetRows } from '../../src/data/dataset.ts';
import { buildSearchSpace, componentContextFor } from '../../src/components/registry.ts';
import { refitMembers, type FinalFit } from '../../src/api/refit.ts';
import type { TrialRecord } from '../../src/search/trial.ts';
import { silentLogger } from '../../src/util/log.ts';
import { Rng } from '../../src/util/rng.ts';

const dir = mkdtempSync(join(tmpdir(), 'automl-final-models-'));
const space = 'pipelines/tiny.json';

function roundTrip(model: AutoMLModel, name: string): AutoMLModel {
  const path = join(dir, name);
  model.save(path);
  return loadModel(path);
}

/** Raw table rows as objects, numbers parsed where the cell reads as one (as an API user would pass). */
function asObjects(table: RawTable): Record<string, string | number | null>[] {
  return Array.from({ length: table.nRows }, (_, i) => {
    const row: Record<string, string | number | null> = {};
    table.header.forEach((name, j) => {
      const cell = cellText(table.columns[j]!, i);
      row[name] = cell === '' ? null : Number.isFinite(Number(cell)) ? Number(cell) : cell;
    });
    return row;
  });
}

test('cv-average: members hold one pipeline per fold, save → load predicts identically', async () => {
  const { train, test: testRows } = await loadSplitDataset('iris');
  const options = { target: 'class', maxTrials: 4, timeBudget: 60, seed: 2, workers: 0, space, resampling: 'cv', folds: 3, calibration: 'none' } as const;
  const averaged = await AutoML.fit(train, { ...options, finalModels: 'cv-average' });
  const artifact = averaged.toJSON();
  // Balanced accuracy (the default metric) deploys the prior-ratio decision rule, which needs version 4.
  assert.equal(artifact.formatVersion, 4);
  assert.equal(artifact.decision?.rule, 'prior-ratio');
  assert.equal(artifact.summary['final_models'], 'cv-average');
  for (const member of artifact.members) {
    assert.ok('foldPipelines' in member && member.foldPipelines.length === 3, 'a member has one pipeline per fold');
  }
  const loaded = roundTrip(averaged, 'cv-average.json');
  assert.deepEqual(loaded.predictProba(testRows), averaged.predictProba(testRows));
  assert.deepEqual(loaded.predict(testRows), averaged.predict(testRows));

  // The same search refitted: the same members (selection does not depend on the final models); fold
  // pipelines alone would need version 2, refitted ones version 1, under an argmax metric.
  const refitted = await AutoML.fit(train, { ...options, finalModels: 'refit' });
  assert.equal(formatVersionFor(artifact.members), 2);
  assert.equal(formatVersionFor(refitted.toJSON().members), 1);
  assert.deepEqual(
    refitted.toJSON().members.map((m) => [m.trialId, m.weight]),
    artifact.members.map((m) => [m.trialId, m.weight]),
  );
  await assert.rejects(AutoML.fit(train, { ...options, finalModels: 'bagging' as never }), (error: unknown) => (error as { code?: string }).code === 'BAD_OPTION');
  // Holdout has no folds: cv-average falls back to refitting.
  const holdout = await AutoML.fit(train, { ...options, resampling: 'holdout', finalModels: 'cv-average' });
  assert.equal(holdout.toJSON().summary['final_models'], 'refit');
  assert.equal(formatVersionFor(holdout.toJSON().members), 1);
});

test('artifacts: version errors, corrupt members and truncation are typed errors', async () => {
  const { train } = await loadSplitDataset('iris');
  const model = await AutoML.fit(train, { target: 'class', maxTrials: 2, timeBudget: 60, seed: 0, workers: 0, space, finalModels: 'cv-average', resampling: 'cv', folds: 2, calibration: 'none' });
  const text = JSON.stringify(model.toJSON());
  const write = (name: string, content: string) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
  const code = (path: string) => {
    try {
      loadModel(path);
      return 'loaded';
    } catch (error) {
      return (error as { code?: string }).code;
    }
  };
  const artifact = JSON.parse(text) as Artifact & Record<string, unknown>;
  assert.equal(code(write('newer.json', JSON.stringify({ ...artifact, formatVersion: ARTIFACT_FORMAT_VERSION + 1 }))), 'MODEL_VERSION');
  // A temperature needs version 3, a classification task and a positive value.
  assert.equal(code(write('temperature.json', JSON.stringify({ ...artifact, formatVersion: 3, decision: { rule: 'argmax' }, temperature: 1.7 }))), 'loaded');
  assert.equal(code(write('temperature-v2.json', JSON.stringify({ ...artifact, formatVersion: 2, decision: { rule: 'argmax' }, temperature: 1.7 }))), 'BAD_MODEL_FILE');
  // A decision rule: prior-ratio needs version 4 and one positive prior per class; argmax is readable by any version.
  const prior = [0.3, 0.3, 0.4];
  assert.equal(code(write('decision.json', JSON.stringify({ ...artifact, formatVersion: 4, decision: { rule: 'prior-ratio', prior } }))), 'loaded');
  assert.equal(code(write('decision-v3.json', JSON.stringify({ ...artifact, formatVersion: 3, decision: { rule: 'prior-ratio', prior } }))), 'BAD_MODEL_FILE');
  assert.equal(code(write('decision-argmax.json', JSON.stringify({ ...artifact, formatVersion: 2, decision: { rule: 'argmax' } }))), 'loaded');
  for (const bad of [{ rule: 'prior-ratio', prior: [0.5, 0.5] }, { rule: 'prior-ratio', prior: [0, 0.5, 0.5] }, { rule: 'vote' }, 'argmax']) {
    assert.equal(code(write('decision-bad.json', JSON.stringify({ ...artifact, formatVersion: 4, decision: bad }))), 'BAD_MODEL_FILE', JSON.stringify(bad));
  }
  for (const bad of [0, -1, 'warm', null]) assert.equal(code(write('temperature-bad.json', JSON.stringify({ ...artifact, formatVersion: 3, temperature: bad }))), 'BAD_MODEL_FILE');
  // Fold members claimed by a version-1 file are malformed.
  assert.equal(code(write('old-claim.json', JSON.stringify({ ...artifact, formatVersion: 1 }))), 'BAD_MODEL_FILE');
  const member = artifact.members[0] as unknown as Record<string, unknown>;
  const emptyFolds = { ...artifact, members: [{ ...member, foldPipelines: [] }, ...artifact.members.slice(1)] };
  assert.equal(code(write('empty-folds.json', JSON.stringify(emptyFolds))), 'BAD_MODEL_FILE');
  const both = { ...artifact, members: [{ ...member, pipeline: (member['foldPipelines'] as unknown[])[0] }, ...artifact.members.slice(1)] };
  assert.equal(code(write('both.json', JSON.stringify(both))), 'BAD_MODEL_FILE');
  const damagedFold = { ...artifact, members: [{ ...member, foldPipelines: [{ model: { type: 'random_forest', state: {} } }] }, ...artifact.members.slice(1)] };
  assert.equal(code(write('damaged-fold.json', JSON.stringify(damagedFold))), 'BAD_MODEL_FILE');
  for (const cut of [10, Math.floor(text.length / 2), text.length - 1]) assert.equal(code(write(`cut-${cut}.json`, text.slice(0, cut))), 'BAD_MODEL_FILE');
  assert.equal(code(write('whole.json', text)), 'loaded');
});

test('a version-1 file written before fold members existed still loads and predicts', async () => {
  const { train, test: testRows } = await loadSplitDataset('iris');
  // Accuracy deploys argmax, the only rule a version-1 reader knows.
  const model = await AutoML.fit(train, { target: 'class', metric: 'accuracy', maxTrials: 2, timeBudget: 60, seed: 0, workers: 0, space, ensembleSize: 1, calibration: 'none' });
  const artifact = model.toJSON();
  assert.equal(artifact.formatVersion, 1);
  const path = join(dir, 'v1.json');
  writeFileSync(path, JSON.stringify(artifact));
  assert.deepEqual(loadModel(path).predict(testRows), model.predict(testRows));
});

test('calibration: the temperature moves probabilities, never labels, and survives save → load', async () => {
  const { train, test: testRows } = await loadSplitDataset('iris');
  const model = await AutoML.fit(train, { target: 'class', maxTrials: 4, timeBudget: 60, seed: 0, workers: 0, space });
  const artifact = model.toJSON();
  const calibration = artifact.summary['calibration'] as { temperature: number; validation_log_loss_before: number; validation_log_loss_after: number };
  assert.ok(calibration.validation_log_loss_after <= calibration.validation_log_loss_before);
  assert.equal(artifact.temperature, calibration.temperature === 1 ? undefined : calibration.temperature);
  assert.equal(artifact.formatVersion, formatVersionFor(artifact.members, artifact.temperature, artifact.decision));
  // Whatever this search chose, a sharper and a flatter temperature keep every label.
  const { temperature: _fitted, ...uncalibrated } = artifact;
  const plain = new Model({ ...uncalibrated, formatVersion: 1 });
  for (const temperature of [0.5, 3]) {
    const scaled = new Model({ ...uncalibrated, formatVersion: 4, temperature });
    assert.deepEqual(scaled.predict(testRows), plain.predict(testRows));
    assert.notDeepEqual(scaled.predictProba(testRows), plain.predictProba(testRows));
    const loaded = roundTrip(scaled, `temperature-${temperature}.json`);
    assert.deepEqual(loaded.predictProba(testRows), scaled.predictProba(testRows));
  }
  const regression = await AutoML.fit((await loadSplitDataset('diabetes')).train, { target: 'target', maxTrials: 2, timeBudget: 60, seed: 0, workers: 0 });
  assert.equal(regression.toJSON().summary['calibration'], null);
  await assert.rejects(AutoML.fit(train, { target: 'class', maxTrials: 1, calibration: 'beta' as never }), (error: unknown) => (error as { code?: string }).code === 'BAD_OPTION');
});

test('row objects take the direct path and predict exactly as the text path; unusual rows still work', async () => {
  const { train, test: testRows } = await loadSplitDataset('house_votes84');
  const model = await AutoML.fit(train, { target: 'class', maxTrials: 2, timeBudget: 60, seed: 0, workers: 0, space });
  const objects = asObjects(testRows);
  assert.deepEqual(model.predictProba(objects), model.predictProba(testRows));
  // An unseen category, a missing value and a stray column: handled, and the same on both paths.
  const odd = objects.slice(0, 5).map((row, i) => ({ ...row, extra: 'x', [testRows.header[1]!]: i === 0 ? 'never-seen' : null }));
  const oddTable: RawTable = {
    header: Object.keys(odd[0]!),
    columns: Object.keys(odd[0]!).map((name) => odd.map((row) => (row[name] === null ? '' : String(row[name])))),
    nRows: odd.length,
  };
  assert.deepEqual(model.predictProba(odd), model.predictProba(oddTable));
  for (const row of model.predictProba(odd)) assert.ok(row.every((p) => p >= PROBABILITY_FLOOR / 2));
  // A needed column absent from every row is still the typed error.
  const missing = objects.slice(0, 3).map(({ [testRows.header[1]!]: _gone, ...rest }) => rest);
  assert.throws(() => model.predict(missing), (error: unknown) => (error as { code?: string }).code === 'MISSING_COLUMN');
});

test('the saved model file is complete JSON', () => {
  const path = join(dir, 'cv-average.json');
  assert.doesNotThrow(() => JSON.parse(readFileSync(path, 'utf8')));
});

test('an ensemble of every model type, refitted and fold-averaged members alike, predicts identically after loading', async () => {
  const { train, test: testRows } = await loadSplitDataset('house_votes84');
  const base = await AutoML.fit(train, { target: 'class', maxTrials: 1, timeBudget: 60, seed: 0, workers: 0, space, ensembleSize: 1 });
  const labelled = buildTrainingData(train, { target: 'class' });
  const context = componentContextFor(labelled.features, labelled.task);
  const fullSpace = buildSearchSpace(context);
  const choice = fullSpace.get('classifier:__choice__') as unknown as { choices: string[] };
  const algorithms = choice.choices.filter((a) => a !== 'mlp');
  const samples = fullSpace.sample(new Rng(3), 600);
  const half = Int32Array.from({ length: Math.floor(labelled.features.nRows / 2) }, (_, i) => 2 * i);
  const folds = [half, Int32Array.from(half, (i) => i + 1).filter((i) => i < labelled.features.nRows)].map((rows) => ({
    features: takeRows(labelled.features, rows),
    target: takeTargetRows(labelled.target, rows),
  }));
  const members = algorithms.map((algorithm, i) => {
    // Min-max scaling keeps features non-negative, which multinomial naive Bayes requires.
    const config = samples.find(
      (c) => c['classifier:__choice__'] === algorithm && c['feature_preprocessor:__choice__'] === 'no_preprocessing' && (algorithm !== 'multinomial_nb' || c['rescaling:__choice__'] === 'minmax'),
    );
    assert.ok(config, `no sample for ${algorithm}`);
    const trial = { id: i, seed: 5, algorithm, config } as unknown as TrialRecord;
    const final: FinalFit = i % 2 === 0 ? { kind: 'refit', data: labelled, context } : { kind: 'cv-average', folds, context };
    return refitMembers(final, [{ trial, weight: 1 }], [], { ...silentLogger, warn: (message: string) => assert.fail(message) })[0]!;
  });
  const weights = members.map(() => 1 / members.length);
  const artifact: Artifact = { ...base.toJSON(), formatVersion: formatVersionFor(members, base.toJSON().temperature), members: members.map((m, i) => ({ ...m, weight: weights[i]! })) };
  const model = new Model(artifact);
  // Unseen categories and missing values in the rows predicted.
  const odd = asObjects(testRows).map((row, i) => ({ ...row, [testRows.header[1]!]: i % 3 === 0 ? 'never-seen' : i % 3 === 1 ? null : row[testRows.header[1]!]! }));
  const before = model.predictProba(odd);
  const loaded = roundTrip(model, 'every-type.json');
  assert.deepEqual(loaded.predictProba(odd), before);
  assert.deepEqual(loaded.predict(odd), model.predict(odd));
  for (const row of before) {
    assert.ok(Math.abs(row.reduce((a, b) => a + b, 0) - 1) < 1e-9);
    assert.ok(row.every((p) => p >= PROBABILITY_FLOOR / 2));
  }
  const total = loaded.toJSON().members.reduce((sum, m) => sum + m.weight, 0);
  assert.ok(Math.abs(total - 1) < 1e-9);
});
