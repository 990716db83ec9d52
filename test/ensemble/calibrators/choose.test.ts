import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { argmaxRows } from '../../../src/components/matrix.ts';
import { chooseCalibrator } from '../../../src/ensemble/calibrators/choose.ts';
import { temperatureFitter } from '../../../src/ensemble/calibrators/temperature.ts';
import { binaryRows, copyOf, meanLogLoss, multiclassRows } from './synthetic.ts';

const ALL = ['temperature', 'platt', 'isotonic'] as const;

describe('calibrator choice', () => {
  it('on an overconfident, biased binary classifier picks a method that improves log loss on fresh rows', () => {
    const fit = binaryRows(1200, 2.5, 1, 31);
    const choice = chooseCalibrator(fit.proba, fit.codes, ALL, 1);
    assert.ok(choice.calibrator !== null);
    assert.equal(choice.scores.length, 3, 'isotonic is offered from 1000 rows');
    assert.ok(choice.logLossAfter < choice.logLossBefore);
    const fresh = binaryRows(4000, 2.5, 1, 32);
    assert.ok(meanLogLoss(fresh.proba, fresh.codes, (p) => choice.calibrator!.apply(p)) < meanLogLoss(fresh.proba, fresh.codes) - 0.05);
  });

  it('on calibrated probabilities keeps none, or a method whose effect on fresh rows is within noise', () => {
    for (const seed of [41, 42, 43]) {
      const fit = binaryRows(1200, 1, 0, seed);
      const choice = chooseCalibrator(fit.proba, fit.codes, ALL, seed);
      if (choice.calibrator === null) {
        assert.equal(choice.logLossAfter, choice.logLossBefore);
        continue;
      }
      const fresh = binaryRows(4000, 1, 0, seed + 100);
      const change = meanLogLoss(fresh.proba, fresh.codes) - meanLogLoss(fresh.proba, fresh.codes, (p) => choice.calibrator!.apply(p));
      assert.ok(Math.abs(change) < 5e-3, `seed ${seed}: ${choice.calibrator.method} changed fresh log loss by ${change}`);
    }
    const calibrated = binaryRows(1200, 1, 0, 44);
    assert.equal(chooseCalibrator(calibrated.proba, calibrated.codes, ALL, 44).calibrator, null);
  });

  it("does not keep a method whose held-out labels cost the run's metric, whatever its log-loss gain", () => {
    const fit = binaryRows(1200, 2.5, 1, 31);
    const unguarded = chooseCalibrator(fit.proba, fit.codes, ALL, 1);
    assert.notEqual(unguarded.calibrator?.method, 'temperature', 'an intercept-moving map wins on log loss here');
    // Recall of class 1: the uncalibrated probabilities lean to class 1 (shift +1), so moving the
    // threshold back to where it belongs, as Platt's intercept does, costs recall well beyond noise.
    const recall = (p: Parameters<typeof argmaxRows>[0], codes: Int32Array): number => {
      const labels = argmaxRows(p);
      let hits = 0;
      let positives = 0;
      codes.forEach((code, i) => {
        if (code === 1) {
          positives++;
          if (labels[i] === 1) hits++;
        }
      });
      return hits / Math.max(positives, 1);
    };
    const guarded = chooseCalibrator(fit.proba, fit.codes, ALL, 1, recall);
    assert.equal(guarded.calibrator?.method, 'temperature');
    assert.equal(guarded.scores.find((s) => s.method === 'platt')?.metricKept, false);
  });

  it('offers only the methods asked for, and nothing for none', () => {
    const fit = binaryRows(600, 2.5, 1, 51);
    const choice = chooseCalibrator(fit.proba, fit.codes, ['temperature'], 1);
    assert.deepEqual(choice.scores.map((s) => s.method), ['temperature']);
    assert.equal(choice.calibrator?.method, 'temperature');
    assert.equal(chooseCalibrator(fit.proba, fit.codes, [], 1).calibrator, null);
  });

  it('multiclass under 1000 rows: temperature (Platt is binary only, isotonic needs more rows), labels unchanged', () => {
    const fit = multiclassRows(600, 5, 2.5, 61);
    const choice = chooseCalibrator(fit.proba, fit.codes, ALL, 1);
    assert.deepEqual(choice.scores.map((s) => s.method), ['temperature']);
    assert.equal(choice.calibrator?.method, 'temperature');
    const fresh = multiclassRows(2000, 5, 2.5, 62);
    const after = copyOf(fresh.proba);
    choice.calibrator!.apply(after);
    assert.deepEqual(argmaxRows(after), argmaxRows(fresh.proba));
    assert.ok(meanLogLoss(after, fresh.codes) < meanLogLoss(fresh.proba, fresh.codes));
  });

  it('a temperature never changes the argmax label, sharpening or flattening', () => {
    const rows = multiclassRows(500, 6, 0.3, 71);
    const calibrator = temperatureFitter.fit(rows.proba, rows.codes);
    assert.equal(calibrator.method, 'temperature');
    const after = copyOf(rows.proba);
    calibrator.apply(after);
    assert.notDeepEqual(after.data, rows.proba.data);
    assert.deepEqual(argmaxRows(after), argmaxRows(rows.proba));
  });
});
