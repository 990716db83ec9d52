import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTrainingData } from '../../src/data/build.ts';
import { toRawTable } from '../../src/data/tabular-input.ts';
import { BALANCING_HP, buildSearchSpace, componentContextFor, instantiatePipeline } from '../../src/components/registry.ts';
import { sampleWeightsFor } from '../../src/components/balancing-weights.ts';
import { loadPipeline } from '../../src/components/load.ts';
import { applyPriorShift, priorShiftOf } from '../../src/components/prior-shift.ts';
import { Rng } from '../../src/util/rng.ts';

const PRIOR = 0.1;

/** Rows whose class 'rare' has prior PRIOR and a feature that only weakly separates it. */
function imbalancedRows(n: number, seed: number): Record<string, number | string>[] {
  const rng = new Rng(seed);
  return Array.from({ length: n }, () => {
    const rare = rng.next() < PRIOR;
    return { x: rng.normal() + (rare ? 0.8 : 0), noise: rng.normal(), y: rare ? 'rare' : 'common' };
  });
}

function meanOfClass(proba: { nRows: number; nClasses: number; data: Float64Array }, k: number): number {
  let sum = 0;
  for (let i = 0; i < proba.nRows; i++) sum += proba.data[i * proba.nClasses + k]!;
  return sum / proba.nRows;
}

test('a class-reweighted model reports probabilities whose mean matches the real prior', () => {
  const train = buildTrainingData(toRawTable(imbalancedRows(3000, 1)), { target: 'y' });
  const test = buildTrainingData(toRawTable(imbalancedRows(3000, 2)), { target: 'y' });
  if (train.target.kind !== 'classification') throw new Error('classification expected');
  const rare = train.target.classes.indexOf('rare');
  const context = componentContextFor(train.features, train.task);
  for (const classifier of ['logistic_regression', 'gaussian_nb', 'lda']) {
    const space = buildSearchSpace(context, { classifier: [classifier], balancing: ['weighting'], feature_preprocessor: ['no_preprocessing'] });
    const config = space.defaultConfiguration();
    assert.equal(config[BALANCING_HP], 'weighting');
    const { pipeline, balancing } = instantiatePipeline(config, context, 3);
    pipeline.fit(train.features, train.target, sampleWeightsFor(train.target, balancing));
    const prediction = pipeline.predict(test.features);
    if (prediction.kind !== 'classification') throw new Error('classification expected');
    const mean = meanOfClass(prediction.proba, rare);
    assert.ok(Math.abs(mean - PRIOR) < 0.02, `${classifier}: mean P(rare) ${mean.toFixed(3)}, prior ${PRIOR}`);
    // Without the shift the model would report the balanced world: P(rare) near a half on average.
    const shift = priorShiftOf(train.target.codes, 2, sampleWeightsFor(train.target, balancing))!;
    const balancedWorld = Float64Array.from(prediction.proba.data);
    applyPriorShift({ ...prediction.proba, data: balancedWorld }, Float64Array.from(shift, (s) => 1 / s));
    assert.ok(meanOfClass({ ...prediction.proba, data: balancedWorld }, rare) > 0.3, `${classifier}: the weights did rebalance the model`);
    // The saved pipeline keeps the shift.
    const reloaded = loadPipeline(JSON.parse(JSON.stringify(pipeline.toJSON())), classifier).predict(test.features);
    assert.deepEqual(reloaded, prediction);
  }
});

test('unweighted training leaves the probabilities alone', () => {
  assert.equal(priorShiftOf(Int32Array.from([0, 0, 1]), 2, undefined), undefined);
  assert.equal(priorShiftOf(Int32Array.from([0, 0, 1]), 2, Float64Array.from([2, 2, 2])), undefined);
  const shift = priorShiftOf(Int32Array.from([0, 0, 0, 1]), 2, Float64Array.from([1, 1, 1, 3]))!;
  // weighted prior 1/2 each, real prior 3/4 and 1/4: factors 3/2 and 1/2, scaled to a largest of 1
  assert.deepEqual(Array.from(shift), [1, 1 / 3]);
});
