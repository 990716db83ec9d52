import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ClassificationTarget, RegressionTarget } from '../../../src/data/dataset.ts';
import { MIN_ROWS_PER_CLASS, MIN_SUBSET_ROWS, stratifiedOrder, subsetRows, subsetSize } from '../../../src/search/fidelity/row-subset.ts';

/** Classes of 600, 300, 90 and 10 rows, interleaved as real data would be. */
function imbalanced(): ClassificationTarget {
  const counts = [600, 300, 90, 10];
  const codes: number[] = [];
  counts.forEach((count, code) => {
    for (let i = 0; i < count; i++) codes.push(code);
  });
  // A fixed interleaving, so that class runs do not line up with row order.
  const order = codes.map((code, i) => ({ code, key: (i * 7919) % codes.length })).sort((a, b) => a.key - b.key);
  return { kind: 'classification', name: 'y', codes: Int32Array.from(order.map((o) => o.code)), classes: ['a', 'b', 'c', 'd'] };
}

function classCounts(target: ClassificationTarget, rows: Int32Array): number[] {
  const counts = new Array<number>(target.classes.length).fill(0);
  for (const row of rows) counts[target.codes[row]!]!++;
  return counts;
}

describe('subsetRows', () => {
  it('keeps each class in its share of the part, every class at least twice', () => {
    const target = imbalanced();
    const rows = subsetRows(target, 0.25, 11);
    assert.equal(rows.length, 250);
    const counts = classCounts(target, rows);
    [600, 300, 90, 10].forEach((total, code) => {
      assert.ok(Math.abs(counts[code]! - total * 0.25) <= 2, `class ${code}: ${counts[code]} of ${total} rows at share 0.25`);
    });
    // At a share where proportional rounding would give the rarest class none, it still has two.
    const tiny = classCounts(target, subsetRows(target, 0.1, 11));
    assert.ok(tiny.every((count) => count >= MIN_ROWS_PER_CLASS), `class counts ${tiny}`);
  });

  it('is seeded: the same seed gives the same rows, another seed others', () => {
    const target = imbalanced();
    assert.deepEqual(subsetRows(target, 0.3, 5), subsetRows(target, 0.3, 5));
    assert.notDeepEqual(subsetRows(target, 0.3, 5), subsetRows(target, 0.3, 6));
  });

  it('returns ascending row positions without repeats, a smaller share inside a larger one', () => {
    const target = imbalanced();
    const small = subsetRows(target, 1 / 9, 3);
    const large = subsetRows(target, 1 / 3, 3);
    for (let i = 1; i < large.length; i++) assert.ok(large[i - 1]! < large[i]!);
    const inLarge = new Set(large);
    assert.ok([...small].every((row) => inLarge.has(row)), 'the rows of a lower rung are among those of a higher one');
  });

  it('keeps at least the floor, and every row of a part smaller than it', () => {
    const target = imbalanced();
    assert.equal(subsetSize(target, 0.01), MIN_SUBSET_ROWS);
    const small: ClassificationTarget = { ...target, codes: target.codes.slice(0, 60) };
    assert.equal(subsetRows(small, 0.2, 1).length, 60);
  });

  it('shuffles regression rows with the seed', () => {
    const target: RegressionTarget = { kind: 'regression', name: 'y', values: Float64Array.from({ length: 1000 }, (_, i) => i) };
    const rows = subsetRows(target, 0.2, 9);
    assert.equal(rows.length, 200);
    assert.deepEqual(rows, subsetRows(target, 0.2, 9));
    const order = stratifiedOrder(target, 9);
    assert.deepEqual([...order].sort((a, b) => a - b), Array.from({ length: 1000 }, (_, i) => i), 'the order is a permutation');
    // A shuffle, not the first rows: the mean position is near the middle.
    const mean = rows.reduce((sum, row) => sum + row, 0) / rows.length;
    assert.ok(mean > 400 && mean < 600, `mean row ${mean}`);
  });
});
