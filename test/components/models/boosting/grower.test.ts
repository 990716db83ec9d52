import { test } from 'node:test';
import assert from 'node:assert/strict';
import { binRows, fitBinMapper } from '../../../../src/components/models/boosting/binning.ts';
import { TreeGrower, type GrowerRules } from '../../../../src/components/models/boosting/grower.ts';
import { buildHistogram, histogramLayout, subtractHistogram } from '../../../../src/components/models/boosting/histogram.ts';
import { LEAF, leafCount, type TrainedTree } from '../../../../src/components/models/boosting/tree.ts';
import type { FeatureMatrix } from '../../../../src/components/matrix.ts';
import { Rng } from '../../../../src/util/rng.ts';
import { syntheticProblem } from './synthetic.ts';

const RULES: GrowerRules = {
  maxLeafNodes: 31,
  maxDepth: null,
  minSamplesLeaf: 1,
  minChildWeight: 0,
  l1: 0,
  l2: 0,
  learningRate: 1,
};

const allRows = (n: number): Int32Array => Int32Array.from({ length: n }, (_, i) => i);
const allFeatures = (x: FeatureMatrix): Int32Array => Int32Array.from(x.columns, (_, f) => f);

/** Grows one tree fitting `target` by squared error from a zero start (gradient -y, hessian 1). */
function growOn(x: FeatureMatrix, target: Float64Array, rules: GrowerRules, maxBins = 255): TrainedTree {
  const rows = allRows(x.nRows);
  const mapper = fitBinMapper(x, rows, maxBins, 0);
  const grower = new TreeGrower(binRows(mapper, x, rows), mapper, x.nRows, rules);
  const gradient = Float64Array.from(target, (v) => -v);
  return grower.grow(gradient, new Float64Array(x.nRows).fill(1), rows, allFeatures(x));
}

function depthOf(tree: TrainedTree): number {
  const depth = new Int32Array(tree.feature.length);
  let max = 0;
  for (let node = 0; node < tree.feature.length; node++) {
    if (tree.feature[node] === LEAF) continue;
    depth[tree.left[node]!] = depth[tree.right[node]!] = depth[node]! + 1;
    max = Math.max(max, depth[node]! + 1);
  }
  return max;
}

test('a stump finds the exact step of a step function on the raw scale', () => {
  const column = Float64Array.from({ length: 100 }, (_, i) => i / 10);
  const target = Float64Array.from(column, (v) => (v <= 3.3 ? -1 : 2));
  const tree = growOn({ nRows: 100, columns: [column] }, target, { ...RULES, maxDepth: 1 });
  assert.equal(tree.feature[0], 0);
  assert.ok(tree.threshold[0]! >= 3.3 && tree.threshold[0]! < 3.4, `threshold ${tree.threshold[0]}`);
  assert.equal(tree.value[tree.left[0]!], -1);
  assert.equal(tree.value[tree.right[0]!], 2);
});

test('children are numbered after their parent, right next to left', () => {
  const { x, target } = syntheticProblem(2000, 5, 1);
  const tree = growOn(x, target, RULES);
  for (let node = 0; node < tree.feature.length; node++) {
    if (tree.feature[node] === LEAF) continue;
    assert.ok(tree.left[node]! > node);
    assert.equal(tree.right[node], tree.left[node]! + 1);
  }
});

test('max_leaf_nodes and max_depth bound the tree', () => {
  const { x, target } = syntheticProblem(3000, 5, 2);
  assert.equal(leafCount(growOn(x, target, { ...RULES, maxLeafNodes: 7 })), 7);
  const shallow = growOn(x, target, { ...RULES, maxLeafNodes: null, maxDepth: 3 });
  assert.equal(depthOf(shallow), 3);
  assert.equal(leafCount(shallow), 8);
});

test('min_samples_leaf holds for every leaf', () => {
  const { x, target } = syntheticProblem(1000, 4, 3);
  const rules = { ...RULES, maxLeafNodes: 63, minSamplesLeaf: 40 };
  const tree = growOn(x, target, rules);
  const counts = new Int32Array(tree.feature.length);
  for (let row = 0; row < x.nRows; row++) {
    let node = 0;
    while (tree.feature[node] !== LEAF) node = x.columns[tree.feature[node]!]![row]! <= tree.threshold[node]! ? tree.left[node]! : tree.right[node]!;
    counts[node]!++;
  }
  for (let node = 0; node < tree.feature.length; node++) if (tree.feature[node] === LEAF) assert.ok(counts[node]! >= 40, `leaf of ${counts[node]} rows`);
});

test('leaf values are regularised Newton steps: -G / (H + lambda), L1 soft-thresholded', () => {
  const column = Float64Array.from({ length: 10 }, (_, i) => i);
  const target = new Float64Array(10).fill(3); // G = -30, H = 10 at the root
  const x = { nRows: 10, columns: [column] };
  assert.equal(growOn(x, target, { ...RULES, l2: 5 }).value[0], 30 / 15);
  assert.equal(growOn(x, target, { ...RULES, l1: 6 }).value[0], 24 / 10);
  assert.equal(growOn(x, target, { ...RULES, l1: 40 }).value[0], 0);
});

test('histogram subtraction gives the sibling histogram', () => {
  const rng = new Rng(4);
  const { x } = syntheticProblem(500, 6, 4);
  const rows = allRows(500);
  const mapper = fitBinMapper(x, rows, 64, 0);
  const codes = binRows(mapper, x, rows);
  const layout = histogramLayout(mapper, codes);
  const features = allFeatures(x);
  const gradient = Float64Array.from({ length: 500 }, () => rng.normal());
  const hessian = Float64Array.from({ length: 500 }, () => rng.next());
  const scratch = new Float64Array(1000);
  const parent = new Float64Array(layout.size);
  const child = new Float64Array(layout.size);
  const sibling = new Float64Array(layout.size);
  buildHistogram(parent, layout, codes, features, rows, 0, 500, gradient, hessian, scratch);
  buildHistogram(child, layout, codes, features, rows, 0, 200, gradient, hessian, scratch);
  buildHistogram(sibling, layout, codes, features, rows, 200, 500, gradient, hessian, scratch);
  subtractHistogram(parent, child, layout, features);
  for (let i = 0; i < layout.size; i++) assert.ok(Math.abs(parent[i]! - sibling[i]!) < 1e-9);
});

test('a mostly-constant feature skips its common bin and still gets exact sums', () => {
  const rng = new Rng(5);
  const n = 1000;
  const sparse = Float64Array.from({ length: n }, () => (rng.next() < 0.9 ? 0 : rng.int(5) + 1));
  const dense = Float64Array.from({ length: n }, () => rng.normal());
  const x = { nRows: n, columns: [sparse, dense, sparse.map((v) => -v)] };
  const rows = allRows(n);
  const mapper = fitBinMapper(x, rows, 255, 0);
  const codes = binRows(mapper, x, rows);
  const layout = histogramLayout(mapper, codes);
  assert.deepEqual([...layout.skippedBin], [0, -1, 5]);
  const gradient = Float64Array.from({ length: n }, () => rng.normal());
  const hessian = Float64Array.from({ length: n }, () => rng.next());
  const subset = Int32Array.from({ length: 300 }, (_, i) => i * 3);
  const histogram = new Float64Array(layout.size);
  buildHistogram(histogram, layout, codes, allFeatures(x), subset, 0, 300, gradient, hessian, new Float64Array(600));
  const expected = new Float64Array(layout.size);
  for (let f = 0; f < 3; f++) {
    for (const row of subset) {
      const at = (layout.offsets[f]! + codes[f]![row]!) * 3;
      expected[at] += gradient[row]!;
      expected[at + 1] += hessian[row]!;
      expected[at + 2] += 1;
    }
  }
  for (let i = 0; i < layout.size; i++) assert.ok(Math.abs(histogram[i]! - expected[i]!) < 1e-9, `entry ${i}`);
});
