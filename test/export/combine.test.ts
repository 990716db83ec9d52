import { test } from 'node:test';
import assert from 'node:assert/strict';
import { averagePredictions, combinePredictions, PROBABILITY_FLOOR } from '../../src/export/combine.ts';
import type { Prediction } from '../../src/metrics/prediction.ts';

const proba = (data: number[]): Prediction => ({ kind: 'classification', proba: { nRows: data.length / 3, nClasses: 3, data: Float64Array.from(data) } });

test('combined probabilities are floored, sum to 1, keep the argmax, and leave member outputs untouched', () => {
  const hard = proba([1, 0, 0, 0, 0.3, 0.7]);
  const other = proba([0, 1, 0, 0, 0.2, 0.8]);
  for (const [outputs, weights] of [[[hard], [1]], [[hard, other], [0.75, 0.25]]] as const) {
    const combined = combinePredictions(outputs, Float64Array.from(weights));
    assert.equal(combined.kind, 'classification');
    if (combined.kind !== 'classification') return;
    const data = combined.proba.data;
    // Renormalising after the floor can take a floored value a hair below it.
    assert.ok(data.every((p) => p >= PROBABILITY_FLOOR / (1 + 3 * PROBABILITY_FLOOR)));
    for (let i = 0; i < 2; i++) assert.ok(Math.abs(data[3 * i]! + data[3 * i + 1]! + data[3 * i + 2]! - 1) < 1e-12);
    assert.ok(data[0]! > data[1]! && data[5]! > data[4]!);
  }
  assert.deepEqual(Array.from(hard.kind === 'classification' ? hard.proba.data : []), [1, 0, 0, 0, 0.3, 0.7]);
});

test('fold averaging is a plain mean; regression values pass through unfloored', () => {
  const a: Prediction = { kind: 'regression', values: Float64Array.of(1, -2) };
  const b: Prediction = { kind: 'regression', values: Float64Array.of(3, 0) };
  assert.deepEqual(averagePredictions([a, b]), { kind: 'regression', values: Float64Array.of(2, -1) });
  assert.equal(averagePredictions([a]), a);
  assert.deepEqual(combinePredictions([a, b], Float64Array.of(0.5, 0.5)), { kind: 'regression', values: Float64Array.of(2, -1) });
  const mean = averagePredictions([proba([1, 0, 0]), proba([0, 0, 1])]);
  assert.deepEqual(mean.kind === 'classification' ? Array.from(mean.proba.data) : [], [0.5, 0, 0.5]);
});
