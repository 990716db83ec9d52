import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SetSplitTreeBuilder } from '../../../src/search/smac/set-split-builder.ts';
import { fitTrees } from '../../../src/components/models/tree/fit-trees.ts';
import { TREE_GROWTH_DEFAULTS } from '../../../src/components/models/tree/index.ts';
import { predictRegressionMean } from '../../../src/components/models/tree/predict-trees.ts';
import type { FeatureMatrix } from '../../../src/components/matrix.ts';
import { Rng } from '../../../src/util/rng.ts';

/**
 * A categorical with four choices (codes 0–3) plus "inactive" (4) whose good choices, 0 and 2,
 * are not neighbours in code order; a numeric filler column carries nothing.
 */
function interleaved(n: number, seed: number): { x: FeatureMatrix; y: Float64Array } {
  const rng = new Rng(seed);
  const codes = Float64Array.from({ length: n }, () => rng.int(5));
  const filler = Float64Array.from({ length: n }, () => rng.next());
  const y = Float64Array.from(codes, (c) => (c === 0 || c === 2 ? 0 : c === 4 ? 0.5 : 1) + 0.01 * rng.normal());
  return { x: { nRows: n, columns: [codes, filler] }, y };
}

const STUMP = { maxDepth: 1, minSamplesSplit: 2, minSamplesLeaf: 1, featuresPerSplit: 2 };

describe('set splits of categorical dimensions', () => {
  it('one split separates non-adjacent good choices from the bad ones', () => {
    const { x, y } = interleaved(300, 1);
    const tree = new SetSplitTreeBuilder(x, y, Int32Array.of(4, 0), STUMP).grow(new Float64Array(300).fill(1), new Rng(2));
    assert.equal(tree.feature[0], 0, 'the root splits the categorical');
    const probe: FeatureMatrix = { nRows: 5, columns: [Float64Array.of(0, 1, 2, 3, 4), new Float64Array(5).fill(0.5)] };
    const value = predictRegressionMean([tree], probe);
    assert.equal(value[0], value[2], 'codes 0 and 2 share a leaf');
    assert.equal(value[1], value[3], 'codes 1 and 3 share a leaf');
    assert.ok(value[0]! < 0.3 && value[1]! > 0.6, `good ${value[0]}, bad ${value[1]}`);
  });

  it('a threshold stump on the codes cannot do the same (what set splits are for)', () => {
    const { x, y } = interleaved(300, 1);
    const [stump] = fitTrees(x, { kind: 'regression', y }, new Float64Array(300).fill(1), {
      growth: { ...TREE_GROWTH_DEFAULTS, max_depth: 1 }, splitter: 'best', nTrees: 1, bootstrap: false, seed: 2,
    });
    const probe: FeatureMatrix = { nRows: 4, columns: [Float64Array.of(0, 1, 2, 3), new Float64Array(4).fill(0.5)] };
    const value = predictRegressionMean([stump!], probe);
    assert.ok(value[0] === value[1] || value[1] === value[2] || value[2] === value[3], 'some good and bad codes share a leaf');
  });

  it('routes a code its node never saw to the larger child, and is seeded', () => {
    const { x, y } = interleaved(300, 3);
    // Drop code 3 from the training rows: the root's set must still place it.
    const keep = Array.from({ length: 300 }, (_, i) => i).filter((i) => x.columns[0]![i] !== 3);
    const sub: FeatureMatrix = { nRows: keep.length, columns: x.columns.map((c) => Float64Array.from(keep, (i) => c[i]!)) };
    const suby = Float64Array.from(keep, (i) => y[i]!);
    const build = () => new SetSplitTreeBuilder(sub, suby, Int32Array.of(4, 0), STUMP).grow(new Float64Array(keep.length).fill(1), new Rng(5));
    const tree = build();
    const probe: FeatureMatrix = { nRows: 5, columns: [Float64Array.of(0, 1, 2, 3, 4), new Float64Array(5).fill(0.5)] };
    const value = predictRegressionMean([tree], probe);
    let left = 0;
    for (const i of keep) if (value[0] === predictRegressionMean([tree], { nRows: 1, columns: [Float64Array.of(x.columns[0]![i]!), Float64Array.of(0.5)] })[0]) left++;
    const largerSide = left >= keep.length - left ? value[0] : value[1];
    assert.equal(value[3], largerSide);
    assert.deepEqual(build().goesLeft, tree.goesLeft);
    assert.deepEqual(build().leafValues, tree.leafValues);
  });

  it('weights rows by their bootstrap multiplicity; a row of weight 0 is not in the tree', () => {
    const x: FeatureMatrix = { nRows: 4, columns: [Float64Array.of(0, 0, 1, 1)] };
    const y = Float64Array.of(1, 3, 10, 10);
    const tree = new SetSplitTreeBuilder(x, y, Int32Array.of(0), { ...STUMP, minSamplesLeaf: 1 }).grow(Float64Array.of(3, 1, 0, 2), new Rng(1));
    const value = predictRegressionMean([tree], { nRows: 2, columns: [Float64Array.of(0, 1)] });
    assert.equal(value[0], (3 * 1 + 1 * 3) / 4);
    assert.equal(value[1], 10);
  });
});
