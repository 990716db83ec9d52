/** Quantile binning used by the best splitter. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { binEdges, binFeatures, binOf, MAX_BINS, midpoint, NO_GROUP } from '../../../../src/components/models/tree/binning.ts';

test('few distinct values: one bin per value, edges at midpoints', () => {
  const edges = binEdges(Float64Array.from([1, 1, 2, 4, 4, 4, 10]));
  assert.deepEqual(Array.from(edges), [1.5, 3, 7]);
  assert.deepEqual(Array.from(binEdges(Float64Array.from([3, 3, 3]))), []);
});

test('many distinct values: at most 255 bins of similar size, and binOf agrees with x <= edge', () => {
  const n = 10_000;
  const values = Float64Array.from({ length: n }, (_, i) => Math.sin(i) * 1000).sort();
  const edges = binEdges(values);
  assert.ok(edges.length <= MAX_BINS - 1 && edges.length >= 200, `${edges.length} edges`);
  const sizes = new Array<number>(edges.length + 1).fill(0);
  for (const v of values) sizes[binOf(edges, v)]!++;
  assert.ok(Math.max(...sizes) <= (2 * n) / MAX_BINS + 1);
  for (const v of values) {
    const b = binOf(edges, v);
    if (b < edges.length) assert.ok(v <= edges[b]!);
    if (b > 0) assert.ok(v > edges[b - 1]!);
  }
});

test('a heavily repeated value does not create empty bins', () => {
  const values = new Float64Array(1000);
  for (let i = 0; i < 1000; i++) values[i] = i < 700 ? 0 : i;
  const edges = binEdges(values.sort());
  const sizes = new Array<number>(edges.length + 1).fill(0);
  for (const v of values) sizes[binOf(edges, v)]!++;
  assert.ok(sizes.every((s) => s > 0));
});

test('midpoint stays strictly below the upper value for adjacent doubles', () => {
  const low = 1;
  const high = 1 + Number.EPSILON;
  const mid = midpoint(low, high);
  assert.ok(mid >= low && mid < high);
  assert.equal(midpoint(-1e308, 1e308), 0);
});

test('binFeatures ignores zero-weight rows when placing edges', () => {
  const x = { nRows: 4, columns: [Float64Array.from([1, 2, 3, 100])] };
  const binned = binFeatures(x, Float64Array.from([1, 1, 1, 0]));
  assert.deepEqual(Array.from(binned.edges[0]!), [1.5, 2.5]);
  assert.deepEqual(Array.from(binned.columns[0]!), [0, 1, 2, 2]);
});

/** binFeatures as it would be with one plain sort of all used values and a lookup per row. */
function referenceBins(column: Float64Array, weights: Float64Array | undefined): { bins: number[]; edges: number[] } {
  const used = Float64Array.from(column.filter((_, i) => weights === undefined || weights[i]! > 0)).sort();
  const edges = binEdges(used);
  return { bins: Array.from(column, (v) => binOf(edges, v)), edges: Array.from(edges) };
}

test('binFeatures on columns dominated by one value matches a plain sort of every value', () => {
  const n = 3000;
  let seed = 1;
  const random = (): number => (seed = (Math.imul(seed, 48271) >>> 0) % 2147483647) / 2147483647;
  const columns = [
    // A fill value with scattered others, most distinct values in a quantile column, a fill of
    // 0 mixed with -0, no majority at all, and a constant column.
    Float64Array.from({ length: n }, () => (random() < 0.8 ? -1 : random())),
    Float64Array.from({ length: n }, () => (random() < 0.6 ? 0.5 : random())),
    Float64Array.from({ length: n }, () => (random() < 0.7 ? (random() < 0.5 ? 0 : -0) : Math.floor(random() * 5) - 2)),
    Float64Array.from({ length: n }, () => Math.floor(random() * 4)),
    new Float64Array(n).fill(3),
  ];
  const weights = Float64Array.from({ length: n }, (_, i) => (i % 5 === 0 ? 0 : 1));
  for (const w of [undefined, weights]) {
    const binned = binFeatures({ nRows: n, columns }, w);
    columns.forEach((column, f) => {
      const expected = referenceBins(column, w);
      assert.deepEqual(Array.from(binned.edges[f]!), expected.edges, `edges of feature ${f}`);
      assert.deepEqual(Array.from(binned.columns[f]!), expected.bins, `bins of feature ${f}`);
    });
  }
});

test('features share a common-bin group exactly when their common bins hold the same rows', () => {
  const n = 200;
  const active = (i: number): boolean => i % 3 === 0;
  const columns = [
    Float64Array.from({ length: n }, (_, i) => (active(i) ? i / n : -1)),
    Float64Array.from({ length: n }, (_, i) => (active(i) ? i % 5 : 5)),
    Float64Array.from({ length: n }, (_, i) => (active(i) || i === 100 ? i / n : -1)),
    Float64Array.from({ length: n }, (_, i) => (i % 3 === 1 ? i / n : -1)),
  ];
  const { common, columns: bins } = binFeatures({ nRows: n, columns }, undefined);
  // Row 2 holds every column's fill value.
  columns.forEach((_, f) => assert.equal(common.bin[f], bins[f]![2]));
  assert.equal(common.group[0], common.group[1]);
  assert.notEqual(common.group[0], common.group[2]);
  assert.notEqual(common.group[0], common.group[3]);
  assert.equal(common.groupCount, 3);
});

test('a feature without a majority value is in no group and scanned plainly', () => {
  const n = 300;
  const columns = [
    Float64Array.from({ length: n }, (_, i) => (i % 4 === 0 ? i / n : -1)),
    // Half the rows share a value: not more than half, so no common-bin path.
    Float64Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 0.5 : i)),
    Float64Array.from({ length: n }, (_, i) => Math.sin(i)),
  ];
  const { common } = binFeatures({ nRows: n, columns }, undefined);
  assert.equal(common.group[0], 0);
  assert.equal(common.group[1], NO_GROUP);
  assert.equal(common.group[2], NO_GROUP);
  assert.equal(common.groupCount, 1);
  // Unused rows do not count towards the majority.
  const weights = Float64Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 1 : 0));
  assert.equal(binFeatures({ nRows: n, columns }, weights).common.group[1], 0);
});
