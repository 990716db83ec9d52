import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { classWeights } from '../../../src/components/preprocessing/index.ts';
import { loadSplit } from './load.ts';
import { assertThrowsCode, mean } from './helpers.ts';

describe('classWeights', () => {
  it('gives every present class the same total weight, with weights averaging 1', () => {
    const codes = Int32Array.from([0, 0, 0, 1, 2, 2]);
    const weights = classWeights(codes, 4, 'weighting');
    assert.deepEqual(Array.from(weights), [2 / 3, 2 / 3, 2 / 3, 2, 1, 1]);
    assert.ok(Math.abs(mean(weights) - 1) < 1e-15);
  });

  it('balances soybean, and weights nothing under "none"', () => {
    const { trainTarget } = loadSplit('soybean');
    assert.equal(trainTarget.kind, 'classification');
    if (trainTarget.kind !== 'classification') return;
    const weights = classWeights(trainTarget.codes, trainTarget.nClasses, 'weighting');
    assert.ok(Math.abs(mean(weights) - 1) < 1e-12);
    const totals = new Map<number, number>();
    trainTarget.codes.forEach((code, i) => totals.set(code, (totals.get(code) ?? 0) + weights[i]!));
    const [first, ...rest] = [...totals.values()];
    for (const total of rest) assert.ok(Math.abs(total - first!) < 1e-9);
    assert.ok(classWeights(trainTarget.codes, trainTarget.nClasses, 'none').every((w) => w === 1));
  });

  it('refuses codes outside the classes and unknown strategies', () => {
    assertThrowsCode(() => classWeights(Int32Array.from([0, 3]), 2, 'weighting'), 'BAD_INPUT');
    assertThrowsCode(() => classWeights(Int32Array.from([0, -1]), 2, 'none'), 'BAD_INPUT');
    assertThrowsCode(() => classWeights(Int32Array.from([0]), 1, 'smote' as 'none'), 'ILLEGAL_VALUE');
  });
});
