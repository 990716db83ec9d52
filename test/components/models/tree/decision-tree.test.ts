/** CART behaviour: growth limits, criteria, splitters and the flat layout of a single tree. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { argmaxRows } from '../../../../src/components/matrix.ts';
import type { FeatureMatrix } from '../../../../src/components/matrix.ts';
import { DecisionTreeClassifier, DecisionTreeRegressor } from '../../../../src/components/models/tree/index.ts';
import type { FlatTree } from '../../../../src/components/models/tree/index.ts';
import { syntheticClassification, syntheticRegression } from './synthetic.ts';

const cls = syntheticClassification(600, 5, 3, 51);
const reg = syntheticRegression(600, 5, 52);

/** Training rows reaching each leaf, found by walking the tree by hand. */
function rowsPerLeaf(tree: FlatTree, x: FeatureMatrix): number[] {
  const counts = new Array<number>(tree.leafCount).fill(0);
  for (let row = 0; row < x.nRows; row++) {
    let node = 0;
    while (tree.feature[node]! >= 0) {
      node = x.columns[tree.feature[node]!]![row]! <= tree.threshold[node]! ? tree.left[node]! : tree.right[node]!;
    }
    counts[tree.left[node]!]!++;
  }
  return counts;
}

test('a fully grown tree reproduces its training data (gini, entropy, random splitter)', () => {
  for (const params of [{ criterion: 'gini' }, { criterion: 'entropy' }, { splitter: 'random' }] as const) {
    const model = new DecisionTreeClassifier({ seed: 1, ...params });
    model.fit(cls.x, cls.y, 3);
    assert.deepEqual(argmaxRows(model.predictProba(cls.x)), cls.y, JSON.stringify(params));
  }
  for (const splitter of ['best', 'random'] as const) {
    const model = new DecisionTreeRegressor({ seed: 1, splitter });
    model.fit(reg.x, reg.y);
    assert.deepEqual(model.predict(reg.x), reg.y, splitter);
  }
});

test('children sit after their parent; leaves carry distributions summing to 1', () => {
  const model = new DecisionTreeClassifier({ seed: 2 });
  model.fit(cls.x, cls.y, 3);
  const tree = model.trees[0]!;
  for (let node = 0; node < tree.nodeCount; node++) {
    if (tree.feature[node]! < 0) continue;
    assert.ok(tree.left[node]! > node && tree.right[node]! > node);
  }
  for (let leaf = 0; leaf < tree.leafCount; leaf++) {
    const sum = tree.leafValues[3 * leaf]! + tree.leafValues[3 * leaf + 1]! + tree.leafValues[3 * leaf + 2]!;
    assert.ok(Math.abs(sum - 1) < 1e-12);
  }
});

test('max_depth, min_samples_leaf, min_samples_split and max_leaf_nodes are honoured', () => {
  for (const depth of [1, 3, 6]) {
    const model = new DecisionTreeClassifier({ seed: 3, max_depth: depth });
    model.fit(cls.x, cls.y, 3);
    assert.ok(model.trees[0]!.depth() <= depth);
  }
  const leafy = new DecisionTreeRegressor({ seed: 3, min_samples_leaf: 7 });
  leafy.fit(reg.x, reg.y);
  assert.ok(rowsPerLeaf(leafy.trees[0]!, reg.x).every((count) => count >= 7));

  const split = new DecisionTreeClassifier({ seed: 3, min_samples_split: 40 });
  split.fit(cls.x, cls.y, 3);
  const unlimited = new DecisionTreeClassifier({ seed: 3 });
  unlimited.fit(cls.x, cls.y, 3);
  assert.ok(split.trees[0]!.leafCount < unlimited.trees[0]!.leafCount);

  for (const maxLeaves of [2, 5, 17]) {
    const model = new DecisionTreeClassifier({ seed: 3, max_leaf_nodes: maxLeaves });
    model.fit(cls.x, cls.y, 3);
    assert.equal(model.trees[0]!.leafCount, maxLeaves);
  }
  // Best-first growth with two leaves is the best stump, as is depth-first growth to depth 1.
  const twoLeaves = new DecisionTreeClassifier({ seed: 4, max_leaf_nodes: 2 });
  const stump = new DecisionTreeClassifier({ seed: 4, max_depth: 1 });
  twoLeaves.fit(cls.x, cls.y, 3);
  stump.fit(cls.x, cls.y, 3);
  assert.deepEqual(twoLeaves.predictProba(cls.x).data, stump.predictProba(cls.x).data);
});

test('min_weight_fraction_leaf keeps that share of the weight in every leaf', () => {
  const model = new DecisionTreeRegressor({ seed: 5, min_weight_fraction_leaf: 0.1 });
  model.fit(reg.x, reg.y);
  for (const count of rowsPerLeaf(model.trees[0]!, reg.x)) assert.ok(count >= 60, `leaf with ${count} rows`);
});

test('min_impurity_decrease prunes weak splits', () => {
  const loose = new DecisionTreeRegressor({ seed: 6 });
  const strict = new DecisionTreeRegressor({ seed: 6, min_impurity_decrease: 5 });
  const single = new DecisionTreeRegressor({ seed: 6, min_impurity_decrease: 1e9 });
  for (const model of [loose, strict, single]) model.fit(reg.x, reg.y);
  assert.ok(strict.trees[0]!.leafCount < loose.trees[0]!.leafCount);
  assert.equal(single.trees[0]!.nodeCount, 1);
});

test('XOR is learned although its first split has no gain', () => {
  const x: FeatureMatrix = { nRows: 4, columns: [new Float64Array([0, 0, 1, 1]), new Float64Array([0, 1, 0, 1])] };
  const y = new Int32Array([0, 1, 1, 0]);
  const model = new DecisionTreeClassifier({ seed: 0 });
  model.fit(x, y, 2);
  assert.deepEqual(argmaxRows(model.predictProba(x)), y);
});

test('thresholds lie between neighbouring training values, so unseen values go the sensible way', () => {
  const x: FeatureMatrix = { nRows: 4, columns: [new Float64Array([1, 2, 10, 11])] };
  const model = new DecisionTreeRegressor({ seed: 0, max_depth: 1 });
  model.fit(x, new Float64Array([0, 0, 5, 5]));
  assert.equal(model.trees[0]!.threshold[0], 6);
  assert.deepEqual(Array.from(model.predict({ nRows: 3, columns: [new Float64Array([5.9, 6, 6.1])] })), [0, 0, 5]);
});

test('max_features draws a subset per split: one feature per split still fits and differs from all features', () => {
  const one = new DecisionTreeClassifier({ seed: 7, max_features: 0.2 });
  const all = new DecisionTreeClassifier({ seed: 7 });
  one.fit(cls.x, cls.y, 3);
  all.fit(cls.x, cls.y, 3);
  assert.deepEqual(argmaxRows(one.predictProba(cls.x)), cls.y);
  assert.notDeepEqual(one.toJSON().state['trees'], all.toJSON().state['trees']);
});

test('features with more than 255 distinct values are binned but still split near the truth', () => {
  const n = 5000;
  const column = Float64Array.from({ length: n }, (_, i) => (i * 7919) % n);
  const y = Float64Array.from(column, (v) => (v > 2500.5 ? 1 : 0));
  const model = new DecisionTreeRegressor({ seed: 0, max_depth: 1 });
  model.fit({ nRows: n, columns: [column] }, y);
  const threshold = model.trees[0]!.threshold[0]!;
  // Quantile bins hold about 20 rows each here, so the cut lands within one bin of 2500.5.
  assert.ok(Math.abs(threshold - 2500.5) <= 20, `threshold ${threshold}`);
});

test('fast prediction agrees with walking x <= threshold, at thresholds, infinities and -0', () => {
  const model = new DecisionTreeRegressor({ seed: 8 });
  model.fit(reg.x, reg.y);
  const tree = model.trees[0]!;
  // Probe values: every threshold itself, its neighbours, infinities and signed zeros.
  const probes: number[][] = [];
  for (let node = 0; node < tree.nodeCount && probes.length < 3000; node++) {
    if (tree.feature[node]! < 0) continue;
    const t = tree.threshold[node]!;
    for (const v of [t, t + 1e-9, t - 1e-9]) {
      probes.push(Array.from({ length: 5 }, (_, f) => (f === tree.feature[node] ? v : reg.x.columns[f]![node % reg.x.nRows]!)));
    }
  }
  for (const special of [Infinity, -Infinity, 0, -0]) probes.push(new Array<number>(5).fill(special));
  const x: FeatureMatrix = { nRows: probes.length, columns: [0, 1, 2, 3, 4].map((f) => Float64Array.from(probes, (p) => p[f]!)) };
  const expected = Float64Array.from(probes, (p) => {
    let node = 0;
    while (tree.feature[node]! >= 0) node = p[tree.feature[node]!]! <= tree.threshold[node]! ? tree.left[node]! : tree.right[node]!;
    return tree.leafValues[tree.left[node]!]!;
  });
  assert.deepEqual(model.predict(x), expected);
});
