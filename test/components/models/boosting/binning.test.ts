import { test } from 'node:test';
import assert from 'node:assert/strict';
import { binRows, fitBinMapper, quantileEdges } from '../../../../src/components/models/boosting/binning.ts';
import { Rng } from '../../../../src/util/rng.ts';

const allRows = (n: number): Int32Array => Int32Array.from({ length: n }, (_, i) => i);

test('few distinct values: one bin per value, edges between neighbours', () => {
  const edges = quantileEdges(Float64Array.from([1, 1, 2, 3, 3, 3, 7]), 255);
  assert.deepEqual([...edges], [1.5, 2.5, 5]);
});

test('constant feature: a single bin, no edges', () => {
  assert.equal(quantileEdges(Float64Array.from([4, 4, 4]), 255).length, 0);
});

test('many distinct values: at most max_bins bins of similar size', () => {
  const rng = new Rng(3);
  const n = 10_000;
  const column = Float64Array.from({ length: n }, () => rng.normal());
  const mapper = fitBinMapper({ nRows: n, columns: [column] }, allRows(n), 32, 0);
  assert.equal(mapper.nBins[0], 32);
  const counts = new Array<number>(32).fill(0);
  for (const code of binRows(mapper, { nRows: n, columns: [column] }, allRows(n))[0]!) counts[code]!++;
  for (const count of counts) assert.ok(Math.abs(count - n / 32) < n / 32 / 4, `bin count ${count}`);
});

test('a heavily repeated value does not use up the other bins', () => {
  // half the values are 0, the rest distinct: the distinct half still gets most of the bins
  const values = Float64Array.from({ length: 2000 }, (_, i) => (i < 1000 ? 0 : i));
  const edges = quantileEdges(values.sort(), 16);
  assert.equal(edges.length, 15);
});

test('bin codes agree with the raw-value rule "x <= edge"', () => {
  const rng = new Rng(9);
  const n = 3000;
  const column = Float64Array.from({ length: n }, () => Math.round(rng.normal() * 50) / 10);
  const x = { nRows: n, columns: [column] };
  const mapper = fitBinMapper(x, allRows(n), 40, 0);
  const codes = binRows(mapper, x, allRows(n))[0]!;
  const edges = mapper.edges[0]!;
  for (let i = 0; i < n; i++) {
    for (let b = 0; b < edges.length; b++) assert.equal(codes[i]! <= b, column[i]! <= edges[b]!);
  }
});

test('extreme and infinite values bin consistently', () => {
  const column = Float64Array.from([-Infinity, -1e308, 1e308, Infinity, 0]);
  const x = { nRows: 5, columns: [column] };
  const mapper = fitBinMapper(x, allRows(5), 255, 0);
  const codes = binRows(mapper, x, allRows(5))[0]!;
  const edges = mapper.edges[0]!;
  assert.deepEqual([...codes], [0, 1, 3, 4, 2]);
  for (let i = 0; i < 5; i++) for (let b = 0; b < edges.length; b++) assert.equal(codes[i]! <= b, column[i]! <= edges[b]!);
});
