import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { rankSum } from '../../src/bench/rank-sum.ts';

describe('rankSum', () => {
  it('matches the normal-approximation Mann–Whitney test on separated samples', () => {
    const result = rankSum([1, 2, 3, 4, 5], [6, 7, 8, 9, 10]);
    assert.equal(result.probabilityLower, 1);
    // Reference value: the two-sided asymptotic test with continuity correction.
    assert.ok(Math.abs(result.pValue - 0.0121858) < 1e-5, String(result.pValue));
  });

  it('corrects for ties and is symmetric in its p-value', () => {
    const a = [1, 2, 2, 3, 5, 7];
    const b = [2, 3, 3, 4, 8];
    const forward = rankSum(a, b);
    assert.ok(Math.abs(forward.pValue - 0.5150757) < 1e-5, String(forward.pValue));
    assert.ok(Math.abs(forward.probabilityLower - (1 - 11 / 30)) < 1e-12);
    const backward = rankSum(b, a);
    assert.ok(Math.abs(backward.pValue - forward.pValue) < 1e-12);
    assert.ok(Math.abs(backward.probabilityLower - (1 - forward.probabilityLower)) < 1e-12);
  });

  it('finds no difference between identical samples and refuses empty ones', () => {
    assert.deepEqual(rankSum([3, 3, 3], [3, 3, 3]), { probabilityLower: 0.5, pValue: 1 });
    assert.throws(() => rankSum([], [1]), RangeError);
  });
});
