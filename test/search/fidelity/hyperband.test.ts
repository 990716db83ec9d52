import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BracketCycle, bracketSizes } from '../../../src/search/fidelity/hyperband.ts';

describe('bracketSizes', () => {
  it("gives Hyperband's configuration counts per entry rung", () => {
    // K = 2, eta = 3: ⌈3/3 · 9⌉, ⌈3/2 · 3⌉, ⌈3/1 · 1⌉.
    assert.deepEqual(bracketSizes(3, 3), [9, 5, 3]);
    // K = 3, eta = 2: ⌈4/4 · 8⌉, ⌈4/3 · 4⌉, ⌈4/2 · 2⌉, ⌈4/1 · 1⌉.
    assert.deepEqual(bracketSizes(4, 2), [8, 6, 4, 4]);
    assert.deepEqual(bracketSizes(1, 3), [1]);
  });
});

describe('BracketCycle', () => {
  it('assigns brackets in exact proportions over each cycle', () => {
    const cycle = new BracketCycle([9, 5, 3], 7);
    for (let round = 0; round < 3; round++) {
      const counts = [0, 0, 0];
      for (let i = 0; i < 17; i++) counts[cycle.next()]!++;
      assert.deepEqual(counts, [9, 5, 3]);
    }
  });

  it('is the same sequence for the same seed and another for another seed', () => {
    const draw = (seed: number): number[] => {
      const cycle = new BracketCycle([9, 5, 3], seed);
      return Array.from({ length: 34 }, () => cycle.next());
    };
    assert.deepEqual(draw(1), draw(1));
    assert.notDeepEqual(draw(1), draw(2));
    // Shuffled, not the slots in order.
    assert.notDeepEqual(draw(1).slice(0, 17), [...Array<number>(9).fill(0), ...Array<number>(5).fill(1), ...Array<number>(3).fill(2)].reverse());
  });

  it('refuses sizes that give no bracket', () => {
    assert.throws(() => new BracketCycle([], 1), RangeError);
    assert.throws(() => new BracketCycle([0, 0], 1), RangeError);
  });
});
