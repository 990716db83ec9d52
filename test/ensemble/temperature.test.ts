import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { applyTemperature, fitTemperature, MAX_SHARPENING } from '../../src/ensemble/temperature.ts';
import type { ProbabilityMatrix } from '../../src/components/matrix.ts';
import { argmaxRows } from '../../src/components/matrix.ts';
import { PROBABILITY_FLOOR } from '../../src/export/combine.ts';
import { Rng } from '../../src/util/rng.ts';

const CLASSES = 3;

/** Rows whose true class probabilities are softmax(z), labels drawn from them, and softmax(sharpness · z) as the model's output. */
function problem(n: number, sharpness: number, seed: number): { proba: ProbabilityMatrix; codes: Int32Array } {
  const rng = new Rng(seed);
  const data = new Float64Array(n * CLASSES);
  const codes = new Int32Array(n);
  const softmax = (z: number[], scale: number): number[] => {
    const e = z.map((v) => Math.exp(scale * v));
    const sum = e.reduce((a, b) => a + b, 0);
    return e.map((v) => v / sum);
  };
  for (let i = 0; i < n; i++) {
    const z = Array.from({ length: CLASSES }, () => 2 * rng.normal());
    const truth = softmax(z, 1);
    let u = rng.next();
    codes[i] = truth.findIndex((p) => (u -= p) < 0);
    if (codes[i]! < 0) codes[i] = CLASSES - 1;
    data.set(softmax(z, sharpness), i * CLASSES);
  }
  return { proba: { nRows: n, nClasses: CLASSES, data }, codes };
}

describe('temperature scaling', () => {
  it('recovers the temperature of an overconfident and of an underconfident model', () => {
    for (const sharpness of [3, 0.6]) {
      const { proba, codes } = problem(4000, sharpness, 1);
      const fit = fitTemperature(proba, codes);
      assert.ok(Math.abs(fit.temperature / sharpness - 1) < 0.1, `sharpness ${sharpness}: temperature ${fit.temperature}`);
      assert.ok(fit.logLossAfter < fit.logLossBefore - 0.01, `${fit.logLossBefore} → ${fit.logLossAfter}`);
    }
  });

  it('never sharpens beyond its bound, however underconfident the model', () => {
    for (const sharpness of [0.3, 0.1]) {
      const { proba, codes } = problem(4000, sharpness, 4);
      const fit = fitTemperature(proba, codes);
      assert.ok(fit.temperature >= 1 / MAX_SHARPENING - 1e-9, `sharpness ${sharpness}: temperature ${fit.temperature}`);
      // the bound is binding here, and the bounded fit still helps
      assert.ok(fit.temperature < 1 / MAX_SHARPENING + 1e-3, `sharpness ${sharpness}: temperature ${fit.temperature}`);
      assert.ok(fit.logLossAfter < fit.logLossBefore);
    }
  });

  it('keeps T = 1 when the gain is within noise (a small, mildly miscalibrated sample)', () => {
    const { proba, codes } = problem(60, 1.05, 5);
    assert.equal(fitTemperature(proba, codes).temperature, 1);
  });

  it('leaves a calibrated model alone', () => {
    const { proba, codes } = problem(4000, 1, 2);
    const fit = fitTemperature(proba, codes);
    assert.equal(fit.temperature, 1);
    assert.equal(fit.logLossAfter, fit.logLossBefore);
  });

  it('keeps every row a distribution with the same most likely class, floored', () => {
    const { proba } = problem(500, 1, 3);
    const before = argmaxRows(proba);
    for (const temperature of [0.05, 0.5, 2, 20]) {
      const scaled = { ...proba, data: Float64Array.from(proba.data) };
      applyTemperature(scaled, temperature);
      assert.deepEqual(argmaxRows(scaled), before, `temperature ${temperature}`);
      for (let i = 0; i < scaled.nRows; i++) {
        const row = scaled.data.subarray(i * CLASSES, (i + 1) * CLASSES);
        assert.ok(Math.abs(row.reduce((a, b) => a + b, 0) - 1) < 1e-12);
        // Renormalising after the floor can take a floored entry a hair below it.
        assert.ok(row.every((p) => p >= PROBABILITY_FLOOR * (1 - CLASSES * PROBABILITY_FLOOR)));
      }
    }
    const unchanged = Float64Array.from(proba.data);
    applyTemperature(proba, 1);
    assert.deepEqual(proba.data, unchanged);
  });
});
