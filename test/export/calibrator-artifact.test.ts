import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AutoML, loadModel } from '../../src/api/index.ts';
import { formatVersionFor, validateArtifact, type Artifact } from '../../src/export/artifact.ts';
import { AutoMLModel } from '../../src/export/model.ts';
import { loadSplitDataset } from '../helpers/datasets.ts';

const dir = mkdtempSync(join(tmpdir(), 'automl-calibrator-'));
const space = 'pipelines/tiny.json';

function roundTrip(model: AutoMLModel, name: string): AutoMLModel {
  const path = join(dir, name);
  model.save(path);
  return loadModel(path);
}

function rejects(artifact: unknown, fragment: string): void {
  assert.throws(() => validateArtifact(artifact, 'model.json'), (error: unknown) => (error as { code?: string }).code === 'BAD_MODEL_FILE' && (error as Error).message.includes(fragment));
}

test('Platt and isotonic calibrators: format 5, applied by the runtime, save → load predicts identical probabilities, bad values rejected', async () => {
  const { train, test: testRows } = await loadSplitDataset('breast_cancer');
  const model = await AutoML.fit(train, { target: 'class', metric: 'accuracy', maxTrials: 2, timeBudget: 60, seed: 0, workers: 0, space, ensembleSize: 1, calibration: 'platt' });
  const fitted = model.toJSON();
  const summary = fitted.summary['calibration'] as { method: string; validation_log_loss_before: number; validation_log_loss_after: number };
  assert.ok(summary.method === 'platt' || summary.method === 'none');
  assert.equal(fitted.calibrator?.method, summary.method === 'none' ? undefined : 'platt');
  assert.equal(fitted.formatVersion, formatVersionFor(fitted.members, fitted.temperature, fitted.decision, fitted.calibrator));

  const { calibrator: _chosen, temperature: _t, ...plainArtifact } = fitted;
  const plain = new AutoMLModel({ ...plainArtifact, formatVersion: 1 });
  const calibrators: NonNullable<Artifact['calibrator']>[] = [
    { method: 'platt', a: 0.7, b: 0.3 },
    { method: 'isotonic', curves: [{ x: [0, 0.2, 0.8, 1], y: [0.05, 0.1, 0.9, 0.95] }] },
  ];
  for (const calibrator of calibrators) {
    const calibrated = new AutoMLModel({ ...plainArtifact, formatVersion: formatVersionFor(plainArtifact.members, undefined, undefined, calibrator), calibrator });
    assert.equal(calibrated.artifact.formatVersion, 5);
    assert.notDeepEqual(calibrated.predictProba(testRows), plain.predictProba(testRows));
    const loaded = roundTrip(calibrated, `${calibrator.method}.json`);
    assert.deepEqual(loaded.predictProba(testRows), calibrated.predictProba(testRows));
    assert.deepEqual(loaded.predict(testRows), calibrated.predict(testRows));
  }

  const base = { ...plainArtifact, formatVersion: 5 };
  rejects({ ...base, formatVersion: 4, calibrator: calibrators[0] }, 'needs format version 5');
  rejects({ ...base, calibrator: { method: 'platt', a: -1, b: 0 } }, 'Platt');
  rejects({ ...base, calibrator: { method: 'platt', a: 1, b: null } }, 'Platt');
  rejects({ ...base, calibrator: { method: 'isotonic', curves: [{ x: [0, 1], y: [0.9, 0.1] }] } }, 'non-decreasing');
  rejects({ ...base, calibrator: { method: 'isotonic', curves: [{ x: [0, 1], y: [0.1, 0.9] }, { x: [0, 1], y: [0.1, 0.9] }] } }, 'curve');
  rejects({ ...base, calibrator: { method: 'isotonic', curves: [{ x: [0, 1], y: [0, 1] }] } }, 'outside');
  rejects({ ...base, calibrator: { method: 'beta' } }, 'method');
  rejects({ ...base, temperature: 2, calibrator: calibrators[0] }, 'not both');
  // A file without a calibrator loads as before, at the version it was written with.
  assert.equal(validateArtifact(JSON.parse(JSON.stringify({ ...plainArtifact, formatVersion: 4 })), 'model.json').calibrator, undefined);
});

test('calibration option: every method is accepted, an unknown one is a BAD_OPTION before any work', async () => {
  const { train } = await loadSplitDataset('iris');
  await assert.rejects(AutoML.fit(train, { target: 'class', maxTrials: 1, calibration: 'beta' as never }), (error: unknown) => (error as { code?: string }).code === 'BAD_OPTION' && (error as Error).message.includes("'isotonic'"));
  const model = await AutoML.fit(train, { target: 'class', maxTrials: 2, timeBudget: 60, seed: 0, workers: 0, space, calibration: 'auto' });
  const summary = model.toJSON().summary['calibration'] as { method: string; candidates: { method: string }[] };
  // Iris is multiclass with fewer than 1000 validation rows: only a temperature is on offer.
  assert.deepEqual(summary.candidates.map((c) => c.method), ['temperature']);
  assert.ok(summary.method === 'temperature' || summary.method === 'none');
});
