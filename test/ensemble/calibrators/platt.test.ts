import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fitPlatt, plattFitter } from '../../../src/ensemble/calibrators/platt.ts';
import { MAX_SHARPENING } from '../../../src/ensemble/temperature.ts';
import { binaryRows, copyOf, meanLogLoss } from './synthetic.ts';
import { Rng } from '../../../src/util/rng.ts';

describe('Platt scaling', () => {
  it('recovers a known slope and intercept from labels drawn on logits', () => {
    const rng = new Rng(3);
    const n = 6000;
    const z = new Float64Array(n);
    const y = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      z[i] = rng.uniform(-5, 5);
      y[i] = rng.next() < 1 / (1 + Math.exp(-(0.6 * z[i]! - 0.4))) ? 1 : 0;
    }
    const { a, b } = fitPlatt(z, y);
    // Standard errors at this size are about 0.02 (a) and 0.04 (b).
    assert.ok(Math.abs(a - 0.6) < 0.08, `a = ${a}`);
    assert.ok(Math.abs(b + 0.4) < 0.15, `b = ${b}`);
  });

  it('bounds the sharpening at a = MAX_SHARPENING when the rows ask for more', () => {
    // Reported log-odds a fifth of the true ones: the free fit would want a ≈ 5.
    const { proba, codes } = binaryRows(3000, 0.2, 0, 5);
    const saved = plattFitter.fit(proba, codes).toJSON();
    assert.equal(saved.method, 'platt');
    if (saved.method === 'platt') assert.equal(saved.a, MAX_SHARPENING);
  });

  it('improves log loss of biased, overconfident probabilities and keeps the ranking of rows', () => {
    const fitRows = binaryRows(2000, 2.5, 1, 7);
    const calibrator = plattFitter.fit(fitRows.proba, fitRows.codes);
    const fresh = binaryRows(4000, 2.5, 1, 8);
    assert.ok(meanLogLoss(fresh.proba, fresh.codes, (p) => calibrator.apply(p)) < meanLogLoss(fresh.proba, fresh.codes) - 0.05);
    const after = copyOf(fresh.proba);
    calibrator.apply(after);
    const order = (data: Float64Array): number[] => Array.from({ length: fresh.proba.nRows }, (_, i) => i).sort((i, j) => data[2 * i + 1]! - data[2 * j + 1]! || i - j);
    assert.deepEqual(order(after.data), order(fresh.proba.data));
  });
});
