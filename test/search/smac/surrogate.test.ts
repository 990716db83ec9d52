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
