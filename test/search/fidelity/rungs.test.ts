import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { rungOf, rungShares } from '../../../src/search/fidelity/rungs.ts';

function close(actual: readonly number[], expected: readonly number[]): void {
  assert.equal(actual.length, expected.length, `${actual.join(', ')} vs ${expected.join(', ')}`);
  actual.forEach((a, i) => assert.ok(Math.abs(a - expected[i]!) < 1e-12, `${actual.join(', ')} vs ${expected.join(', ')}`));
}

describe('rungShares', () => {
  it('multiplies the minimum fidelity by eta up to a full trial', () => {
    close(rungShares(1 / 9, 3), [1 / 9, 1 / 3, 1]);
    close(rungShares(1 / 27, 3), [1 / 27, 1 / 9, 1 / 3, 1]);
    close(rungShares(1 / 8, 2), [1 / 8, 1 / 4, 1 / 2, 1]);
  });

  it('keeps the asked minimum and ends on 1 when the minimum is not a power of 1/eta', () => {
    close(rungShares(0.1, 3), [0.1, 0.3, 1]);
    // Above 1/eta there is still a lower rung: the minimum itself.
    close(rungShares(0.5, 3), [0.5, 1]);
  });

  it('refuses a minimum outside (0, 1) and eta below 2', () => {
    assert.throws(() => rungShares(0, 3), RangeError);
    assert.throws(() => rungShares(1, 3), RangeError);
    assert.throws(() => rungShares(0.1, 1.5), RangeError);
  });

  it('finds a rung by its share despite rounding', () => {
    const shares = rungShares(1 / 9, 3);
    assert.equal(rungOf(shares, (1 / 9) * 3), 1);
    assert.equal(rungOf(shares, 1), 2);
    assert.equal(rungOf(shares, 0.5), -1);
  });
});
