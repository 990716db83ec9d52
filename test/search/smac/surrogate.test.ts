import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Surrogate } from '../../../src/search/smac/surrogate.ts';
import { resolveSmacSettings } from '../../../src/search/smac/defaults.ts';
import { fitTrees } from '../../../src/components/models/tree/fit-trees.ts';
import { TREE_GROWTH_DEFAULTS } from '../../../src/components/models/tree/index.ts';
import type { FeatureMatrix } from '../../../src/components/matrix.ts';
import { Rng } from '../../../src/util/rng.ts';

/** Rows of a 3-dimensional unit cube with target x0 + 2·x1 (x2 is noise-free filler). */
function data(n: number, seed: number): { x: FeatureMatrix; y: Float64Array } {
  const rng = new Rng(seed);
  const columns = [0, 1, 2].map(() => Float64Array.from({ length: n }, () => rng.next()));
  const y = Float64Array.from({ length: n }, (_, i) => columns[0]![i]! + 2 * columns[1]![i]!);
  return { x: { nRows: n, columns }, y };
}

describe('surrogate', () => {
  it('regrows part of the forest and refreshes the kept trees to the current targets', () => {
    const { x, y } = data(200, 1);
    const surrogate = new Surrogate(resolveSmacSettings({ refit_fraction: 0.5 }), 3);
    surrogate.fit(x, y);
    // The cost transform moves the whole scale when a new best arrives; the kept half of the
    // trees must follow, or the mean would sit halfway between the two scales.
    const shifted = Float64Array.from(y, (v) => v + 10);
    surrogate.fit(x, shifted);
    const { mean, variance } = surrogate.predict(x);
    let error = 0;
    for (let i = 0; i < x.nRows; i++) error += Math.abs(mean[i]! - shifted[i]!);
    assert.ok(error / x.nRows < 0.25, `mean absolute error ${error / x.nRows}`);
    assert.ok(variance.every((v) => v >= 0 && v < 1));
    assert.ok(Math.abs(surrogate.incumbentValue - Math.min(...shifted)) < 0.5);
  });

  it('judges the incumbent among the observed rows only', () => {
    const { x, y } = data(100, 2);
    const withFantasy = { nRows: 101, columns: x.columns.map((c) => Float64Array.of(...c, 0.99)) };
    const surrogate = new Surrogate(resolveSmacSettings({}), 4);
    surrogate.fit(withFantasy, Float64Array.of(...y, -100), 100, true);
    assert.ok(surrogate.incumbentValue > -50, `incumbent ${surrogate.incumbentValue}`);
  });
});

/**
 * A categorical dimension with 4 choices whose codes 0 and 2 are good and 1 and 3 bad, plus
 * inactive rows (code 4, good): no prefix or suffix of the code order separates them.
 */
function categoricalData(n: number, seed: number): { x: FeatureMatrix; y: Float64Array } {
  const rng = new Rng(seed);
  const codes = Float64Array.from({ length: n }, () => rng.int(5));
  const y = Float64Array.from(codes, (code) => (code % 2 === 0 ? 0 : 1) + 0.05 * rng.next());
  return { x: { nRows: n, columns: [codes] }, y };
}

describe('surrogate on categorical dimensions', () => {
  it('separates categories that no split of the code order can, with one split per tree', () => {
    const { x, y } = categoricalData(80, 11);
    const surrogate = new Surrogate(resolveSmacSettings({ max_depth: 1, min_samples_leaf: 1 }), 5, Int32Array.of(4));
    surrogate.fit(x, y);
    const { mean } = surrogate.predict({ nRows: 5, columns: [Float64Array.of(0, 1, 2, 3, 4)] });
    for (const good of [0, 2, 4]) for (const bad of [1, 3]) assert.ok(mean[good]! + 0.5 < mean[bad]!, `means ${Array.from(mean)}`);
  });
});

describe('fitTrees treeIndices', () => {
  it('grows the chosen trees: a prefix gives the first trees of the whole ensemble', () => {
    const { x, y } = data(150, 5);
    const settings = { growth: { ...TREE_GROWTH_DEFAULTS, max_features: 0.7 }, splitter: 'best', nTrees: 4, bootstrap: true, seed: 9 } as const;
    const weights = new Float64Array(150).fill(1);
    const all = fitTrees(x, { kind: 'regression', y }, weights, settings);
    const json = (trees: readonly { toJSON(): unknown }[]): string[] => trees.map((t) => JSON.stringify(t.toJSON()));
    const prefix = fitTrees(x, { kind: 'regression', y }, weights, { ...settings, treeIndices: [0, 1] });
    assert.deepEqual(json(prefix), json(all.slice(0, 2)));
    const some = fitTrees(x, { kind: 'regression', y }, weights, { ...settings, treeIndices: [3, 1] });
    assert.equal(some.length, 2);
    assert.deepEqual(json(some), json(fitTrees(x, { kind: 'regression', y }, weights, { ...settings, treeIndices: [3, 1] })));
    assert.notDeepEqual(json(some)[0], json(prefix)[0]);
  });
});

describe('surrogate bootstrap samples', () => {
  /** Leaf of each row of x in `tree`. */
  function leavesOf(tree: { applyRowMajor(rows: Float64Array, d: number, n: number, out: Int32Array, offset: number): void }, x: FeatureMatrix): Int32Array {
    const d = x.columns.length;
    const rows = new Float64Array(x.nRows * d);
    x.columns.forEach((c, f) => c.forEach((v, i) => (rows[i * d + f] = v)));
    const out = new Int32Array(x.nRows);
    tree.applyRowMajor(rows, d, x.nRows, out, 0);
    return out;
  }

  it('a kept tree refreshes each leaf from its own bootstrap rows, new rows joining its sample', () => {
    const { x, y } = data(120, 7);
    const surrogate = new Surrogate(resolveSmacSettings({ refit_fraction: 0.5 }), 8);
    surrogate.fit({ nRows: 100, columns: x.columns.map((c) => c.subarray(0, 100)) }, y.subarray(0, 100));
    // Every tree grown on 100 rows; the next fit regrows half and keeps the others, on 120 rows.
    const shifted = Float64Array.from(y, (v, i) => v * 3 + (i % 7));
    surrogate.fit(x, shifted);
    let keptTrees = 0;
    let differsFromAllRows = 0;
    for (let t = 0; t < 10; t++) {
      const { tree, sample } = surrogate.treeWithSample(t);
      assert.equal(sample.length, 120, 'the sample covers the new rows');
      const leaves = leavesOf(tree, x);
      const own = new Map<number, [number, number]>();
      const all = new Map<number, [number, number]>();
      for (let i = 0; i < 120; i++) {
        const o = own.get(leaves[i]!) ?? [0, 0];
        own.set(leaves[i]!, [o[0] + sample[i]! * shifted[i]!, o[1] + sample[i]!]);
        const a = all.get(leaves[i]!) ?? [0, 0];
        all.set(leaves[i]!, [a[0] + shifted[i]!, a[1] + 1]);
      }
      if (sample.subarray(100).every((w: number) => w === 0) && t < 5) continue;
      keptTrees++;
      for (const [leaf, [sum, weight]] of own) {
        if (weight === 0) continue;
        assert.ok(Math.abs(tree.leafValues[leaf]! - sum / weight) < 1e-9, `tree ${t} leaf ${leaf}`);
        const [allSum, allCount] = all.get(leaf)!;
        if (Math.abs(allSum / allCount - sum / weight) > 1e-6) differsFromAllRows++;
      }
    }
    assert.ok(keptTrees >= 5);
    assert.ok(differsFromAllRows > 0, 'the bootstrap means are not the all-row means');
  });

  it('is seeded: the same fits give the same forest', () => {
    const { x, y } = data(80, 9);
    const run = () => {
      const surrogate = new Surrogate(resolveSmacSettings({}), 11);
      surrogate.fit(x, y);
      surrogate.fit(x, Float64Array.from(y, (v) => v / 2));
      return surrogate.predict(x);
    };
    assert.deepEqual(run(), run());
  });
});

describe('surrogate variants', () => {
  it("categorical_splits 'ordered' thresholds the codes: a single split cannot separate interleaved choices", () => {
    const { x, y } = categoricalData(80, 11);
    const surrogate = new Surrogate(resolveSmacSettings({ max_depth: 1, min_samples_leaf: 1, categorical_splits: 'ordered' }), 5, Int32Array.of(4));
    surrogate.fit(x, y);
    const { mean } = surrogate.predict({ nRows: 5, columns: [Float64Array.of(0, 1, 2, 3, 4)] });
    const separated = [0, 2, 4].every((good) => [1, 3].every((bad) => mean[good]! + 0.5 < mean[bad]!));
    assert.equal(separated, false, `means ${Array.from(mean)}`);
  });

  it("refresh_sample 'all' averages a kept tree's leaves over every row once", () => {
    const { x, y } = data(120, 7);
    const surrogate = new Surrogate(resolveSmacSettings({ refit_fraction: 0.5, refresh_sample: 'all' }), 8);
    surrogate.fit({ nRows: 100, columns: x.columns.map((c) => c.subarray(0, 100)) }, y.subarray(0, 100));
    const shifted = Float64Array.from(y, (v, i) => v * 3 + (i % 7));
    surrogate.fit(x, shifted);
    const rows = new Float64Array(120 * 3);
    x.columns.forEach((c, f) => c.forEach((v, i) => (rows[i * 3 + f] = v)));
    let checkedLeaves = 0;
    // The first refit regrows trees 0–4 and keeps 5–9.
    for (let t = 5; t < 10; t++) {
      const { tree } = surrogate.treeWithSample(t);
      const leaves = new Int32Array(120);
      tree.applyRowMajor(rows, 3, 120, leaves, 0);
      const sums = new Map<number, [number, number]>();
      for (let i = 0; i < 120; i++) {
        const s = sums.get(leaves[i]!) ?? [0, 0];
        sums.set(leaves[i]!, [s[0] + shifted[i]!, s[1] + 1]);
      }
      for (const [leaf, [sum, count]] of sums) {
        assert.ok(Math.abs(tree.leafValues[leaf]! - sum / count) < 1e-9, `tree ${t} leaf ${leaf}`);
        checkedLeaves++;
      }
    }
    assert.ok(checkedLeaves > 5);
  });

  it('rejects unknown variant names', () => {
    assert.throws(() => resolveSmacSettings({ categorical_splits: 'random' as 'sets' }), RangeError);
    assert.throws(() => resolveSmacSettings({ refresh_sample: 'some' as 'own' }), RangeError);
  });
});
