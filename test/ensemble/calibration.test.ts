import { test } from 'node:test';
import assert from 'node:assert/strict';
import { crossFittedPredictions, crossFittedTemperature, stratifiedHalves } from '../../src/ensemble/calibration.ts';
import { getScorer } from '../../src/metrics/scorers.ts';
import type { Prediction } from '../../src/metrics/prediction.ts';
import { Rng } from '../../src/util/rng.ts';
import { selectEnsemble } from '../../src/ensemble/index.ts';
import { combinePredictions } from '../../src/export/combine.ts';
import { candidate, noisyClassifier, randomClassTruth } from './fixtures.ts';

test('the halves split every class evenly and follow the seed', () => {
  const codes = Int32Array.from({ length: 101 }, (_, i) => (i % 7 === 0 ? 2 : i % 3 === 0 ? 1 : 0));
  const half = stratifiedHalves(codes, 3, 5);
  for (let k = 0; k < 3; k++) {
    const inClass = [...codes.keys()].filter((i) => codes[i] === k);
    const first = inClass.filter((i) => half[i] === 0).length;
    assert.ok(Math.abs(2 * first - inClass.length) <= 1, `class ${k}: ${first} of ${inClass.length}`);
  }
  assert.deepEqual(stratifiedHalves(codes, 3, 5), half);
});

test('half 0 is predicted by the ensemble selected on half 1 alone', () => {
  const rng = new Rng(3);
  const truth = randomClassTruth(200, 3, rng);
  const scorer = getScorer('accuracy', 'multiclass');
  const pool = Array.from({ length: 8 }, (_, j) => candidate(j, noisyClassifier(truth, 0.1 * j, rng), truth, scorer));
  const options = { ensembleSize: 10, seed: 7 };
  const half = stratifiedHalves(truth.codes, 3, options.seed);
  const rows = (h: number): number[] => [...half.keys()].filter((i) => half[i] === h);
  const take = (p: Prediction, at: number[]): Prediction => {
    if (p.kind !== 'classification') throw new Error('classification expected');
    return { kind: 'classification', proba: { nRows: at.length, nClasses: 3, data: Float64Array.from(at.flatMap((i) => Array.from(p.proba.data.subarray(i * 3, i * 3 + 3)))) } };
  };
  const selectTruth = { kind: 'classification', nClasses: 3, codes: Int32Array.from(rows(1), (i) => truth.codes[i]!) } as const;
  const selection = selectEnsemble(pool.map((c) => ({ ...c, prediction: take(c.prediction, rows(1)) })), { truth: selectTruth, scorer }, options);
  const expected = combinePredictions(selection.members.map((m) => take(pool[m.id]!.prediction, rows(0))), Float64Array.from(selection.members, (m) => m.weight));
  const crossFitted = crossFittedPredictions(pool, truth, { truth, scorer }, options);
  assert.ok(crossFitted !== null);
  assert.deepEqual(take(crossFitted, rows(0)), expected);
});

test('candidates without skill get no sharpening, and too few rows get no temperature', () => {
  const rng = new Rng(4);
  const truth = randomClassTruth(400, 3, rng);
  const scorer = getScorer('log_loss', 'multiclass');
  const pool = Array.from({ length: 6 }, (_, j) => candidate(j, noisyClassifier(truth, 0.02, rng), truth, scorer));
  const fit = crossFittedTemperature(pool, { truth, scorer, dummyCost: Infinity }, { ensembleSize: 10, seed: 1 });
  assert.ok(fit !== null && fit.temperature >= 1, JSON.stringify(fit));
  const small = randomClassTruth(20, 3, rng);
  const smallPool = [candidate(0, noisyClassifier(small, 1, rng), small, scorer)];
  assert.equal(crossFittedTemperature(smallPool, { truth: small, scorer }, { ensembleSize: 5, seed: 1 }), null);
});
