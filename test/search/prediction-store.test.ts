import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AutoML } from '../../src/api/index.ts';
import { readTrials } from '../../src/search/run-log.ts';
import {
  PREDICTIONS_DIR, PredictionStore, predictionPath, readStoredPrediction, storedPredictionIds,
} from '../../src/search/prediction-store.ts';
import type { Prediction } from '../../src/metrics/prediction.ts';
import { AutoMLError } from '../../src/util/errors.ts';
import { loadSplitDataset } from '../helpers/datasets.ts';

const freshDir = (): string => mkdtempSync(join(tmpdir(), 'automl-predictions-'));
const regression = (...values: number[]): Prediction => ({ kind: 'regression', values: Float64Array.from(values) });

describe('prediction store', () => {
  it('round-trips classification and regression predictions exactly', () => {
    const dir = freshDir();
    const store = new PredictionStore(dir, 5);
    const proba = Float64Array.of(0.1, 0.9, 1 / 3, 2 / 3, 0, 1);
    assert.ok(store.offer(7, 0.25, { kind: 'classification', proba: { nRows: 3, nClasses: 2, data: proba } }));
    assert.ok(store.offer(8, -1.5e-300, regression(Math.PI, -0, 1e308)));
    const read = readStoredPrediction(dir, 7);
    assert.equal(read.trialId, 7);
    assert.equal(read.cost, 0.25);
    assert.equal(read.prediction.kind, 'classification');
    if (read.prediction.kind === 'classification') {
      assert.equal(read.prediction.proba.nRows, 3);
      assert.equal(read.prediction.proba.nClasses, 2);
      assert.deepEqual([...read.prediction.proba.data], [...proba]);
    }
    const values = readStoredPrediction(dir, 8);
    assert.equal(values.cost, -1.5e-300);
    assert.deepEqual(values.prediction.kind === 'regression' ? [...values.prediction.values] : [], [Math.PI, -0, 1e308]);
  });

  it('keeps only the best N by cost on disk, deleting the files of trials that drop out', () => {
    const dir = freshDir();
    const store = new PredictionStore(dir, 3);
    const costs = [0.5, 0.4, 0.9, 0.1, 0.4, 0.3, Infinity];
    const kept = costs.map((cost, i) => store.offer(i + 1, cost, regression(cost)));
    assert.deepEqual(kept, [true, true, true, true, true, true, false]);
    // Best first; of the tie at 0.4 the later trial (5) ranks lower and drops out first.
    assert.deepEqual(store.keptIds(), [4, 6, 2]);
    assert.deepEqual(storedPredictionIds(dir), [2, 4, 6]);
    assert.deepEqual(readdirSync(join(dir, PREDICTIONS_DIR)).sort(), ['2.bin', '4.bin', '6.bin']);
  });

  it('takes over the files of an earlier process in the same run directory', () => {
    const dir = freshDir();
    const first = new PredictionStore(dir, 2);
    first.offer(1, 0.3, regression(1));
    first.offer(2, 0.2, regression(2));
    const resumed = new PredictionStore(dir, 2);
    assert.deepEqual(resumed.keptIds(), [2, 1]);
    assert.ok(resumed.offer(3, 0.1, regression(3)));
    assert.deepEqual(storedPredictionIds(dir), [2, 3]);
  });

  it('reports a missing or corrupt file as an AutoMLError', () => {
    const dir = freshDir();
    new PredictionStore(dir, 1).offer(1, 0.5, regression(1, 2));
    assert.throws(() => readStoredPrediction(dir, 99), (e: unknown) => e instanceof AutoMLError && e.code === 'FILE_NOT_FOUND');
    writeFileSync(predictionPath(dir, 1), 'not a prediction');
    assert.throws(() => readStoredPrediction(dir, 1), (e: unknown) => e instanceof AutoMLError && e.code === 'BAD_INPUT');
  });

  it('holds the out-of-sample predictions of the best ensembleNbest trials of a fit', async () => {
    const runDir = join(freshDir(), 'run');
    const { train } = await loadSplitDataset('iris');
    await AutoML.fit(train, { target: 'class', maxTrials: 5, seed: 2, runDir, ensembleNbest: 2 });
    const best = readTrials(runDir)
      .filter((t) => t.status === 'SUCCESS')
      .sort((a, b) => a.cost - b.cost || a.id - b.id)
      .slice(0, 2);
    assert.deepEqual(storedPredictionIds(runDir), best.map((t) => t.id).sort((a, b) => a - b));
    for (const trial of best) {
      const stored = readStoredPrediction(runDir, trial.id);
      assert.equal(stored.cost, trial.cost);
      assert.equal(stored.prediction.kind, 'classification');
      if (stored.prediction.kind === 'classification') {
        // Small data resamples by cross-validation: out-of-fold predictions of every training
        // row, three classes, each row a distribution.
        const { nRows, nClasses, data } = stored.prediction.proba;
        assert.equal(nClasses, 3);
        assert.equal(nRows, train.nRows);
        for (let i = 0; i < nRows; i++) assert.ok(Math.abs(data[3 * i]! + data[3 * i + 1]! + data[3 * i + 2]! - 1) < 1e-9);
      }
    }
  });

  it('writes nothing without a run directory', async () => {
    const { train } = await loadSplitDataset('iris');
    const cwd = process.cwd();
    await AutoML.fit(train, { target: 'class', maxTrials: 2, seed: 2 });
    assert.equal(existsSync(join(cwd, PREDICTIONS_DIR)), false);
  });
});
