import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { curveAt, isotonicFitter, poolAdjacentViolators } from '../../../src/ensemble/calibrators/isotonic.ts';
import { PROBABILITY_FLOOR } from '../../../src/export/combine.ts';
import { Rng } from '../../../src/util/rng.ts';
import { copyOf, meanLogLoss, multiclassRows } from './synthetic.ts';

describe('isotonic regression', () => {
  it('gives a non-decreasing map on noisy outcomes, and pools ties into one value', () => {
    const rng = new Rng(11);
    const x = Float64Array.from({ length: 500 }, () => Math.round(rng.next() * 50) / 50);
    const y = Float64Array.from(x, (p) => (rng.next() < p ? 1 : 0));
    const curve = poolAdjacentViolators(x, y);
    for (let i = 1; i < curve.x.length; i++) {
      assert.ok(curve.x[i]! >= curve.x[i - 1]!);
      assert.ok(curve.y[i]! >= curve.y[i - 1]!);
    }
    let previous = -Infinity;
    for (let p = 0; p <= 1; p += 0.01) {
      const value = curveAt(curve, p);
      assert.ok(value >= previous);
      previous = value;
    }
    // Each distinct x has one value on the curve: no two knots share an x with different values.
    for (let i = 1; i < curve.x.length; i++) if (curve.x[i] === curve.x[i - 1]) assert.equal(curve.y[i], curve.y[i - 1]);
  });

  it('fits a known step exactly (up to the probability floor)', () => {
    const x = Float64Array.from({ length: 200 }, (_, i) => i / 199);
    const y = Float64Array.from(x, (p) => (p > 0.5 ? 1 : 0));
    const curve = poolAdjacentViolators(x, y);
    assert.equal(curveAt(curve, 0.2), PROBABILITY_FLOOR);
    assert.equal(curveAt(curve, 0.49), PROBABILITY_FLOOR);
    assert.equal(curveAt(curve, 0.8), 1 - PROBABILITY_FLOOR);
    assert.equal(curve.x.length, 4, 'two flat blocks, two knots each');
  });

  it('multiclass: one-vs-rest curves renormalised, floored, and better log loss on fresh rows', () => {
    const fit = multiclassRows(3000, 4, 2.5, 21);
    const calibrator = isotonicFitter.fit(fit.proba, fit.codes);
    const fresh = multiclassRows(3000, 4, 2.5, 22);
    const after = copyOf(fresh.proba);
    calibrator.apply(after);
    for (let i = 0; i < after.nRows; i++) {
      const row = after.data.subarray(i * 4, (i + 1) * 4);
      assert.ok(Math.abs(row.reduce((a, b) => a + b, 0) - 1) < 1e-12);
      // Floored, then renormalised by floorProbabilities: a floored entry ends within nClasses · floor of it.
      assert.ok(row.every((p) => p >= PROBABILITY_FLOOR * (1 - 4 * PROBABILITY_FLOOR)));
    }
    assert.ok(meanLogLoss(after, fresh.codes) < meanLogLoss(fresh.proba, fresh.codes) - 0.05);
  });
});
