/** Quantile binning used by the best splitter. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { binEdges, binFeatures, binOf, MAX_BINS, midpoint } from '../../../../src/components/models/tree/binning.ts';

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
