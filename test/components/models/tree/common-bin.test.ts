/**
 * The regression search's common-bin path (RegressionSearch.splitCommonBin): features dominated
 * by one value, several sharing the same rows of it (as an optimiser's imputed inactive
 * hyperparameters do). Every split must still be the best one over all features and bins, with
 * integral weights (whose common-bin weight is derived) and fractional ones (summed directly).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FeatureMatrix } from '../../../../src/components/matrix.ts';
import { binFeatures } from '../../../../src/components/models/tree/binning.ts';
import { fitTrees } from '../../../../src/components/models/tree/fit-trees.ts';
import type { FlatTree } from '../../../../src/components/models/tree/flat-tree.ts';
import { TREE_GROWTH_DEFAULTS } from '../../../../src/components/models/tree/params.ts';
import { Rng } from '../../../../src/util/rng.ts';

/** Conditional-style columns: two "algorithms", each with hyperparameters filled when inactive. */
function conditionalData(n: number, seed: number): { x: FeatureMatrix; y: Float64Array } {
  const rng = new Rng(seed);
  const algorithm = Array.from({ length: n }, () => rng.int(3));
  const column = (active: number, fill: number, draw: () => number): Float64Array =>
    Float64Array.from(algorithm, (a) => (a === active ? draw() : fill));
  const columns = [
    Float64Array.from(algorithm),
    column(0, -1, () => rng.next()),
    column(0, -1, () => rng.int(4)),
    column(0, 0.5, () => Math.round(rng.next() * 50) / 50),
    column(1, -1, () => rng.next()),
    column(1, 2, () => rng.int(3)),
    Float64Array.from({ length: n }, () => rng.next()),
  ];
  const y = Float64Array.from({ length: n }, (_, i) => {
    const a = algorithm[i]!;
    return (a === 0 ? 3 * columns[1]![i]! + columns[2]![i]! : a === 1 ? -2 * columns[4]![i]! : 1) + 0.3 * columns[6]![i]! + 0.1 * rng.next();
  });
  return { x: { nRows: n, columns }, y };
}

/** W·variance of the rows, from the raw targets. */
function weightedSquares(rows: readonly number[], y: Float64Array, w: Float64Array): number {
  let total = 0;
  let sum = 0;
  for (const r of rows) {
    total += w[r]!;
    sum += w[r]! * y[r]!;
  }
  if (!(total > 0)) return 0;
  const mean = sum / total;
  let squares = 0;
  for (const r of rows) squares += w[r]! * (y[r]! - mean) ** 2;
  return squares;
}

/** The largest decrease of W·variance over every feature and bin edge, by brute force. */
function bestDecrease(rows: readonly number[], x: FeatureMatrix, y: Float64Array, w: Float64Array, edges: readonly Float64Array[]): number {
  const parent = weightedSquares(rows, y, w);
  let best = -Infinity;
  edges.forEach((featureEdges, f) => {
    for (const t of featureEdges) {
      const left = rows.filter((r) => x.columns[f]![r]! <= t);
      const right = rows.filter((r) => x.columns[f]![r]! > t);
      if (left.length === 0 || right.length === 0) continue;
      best = Math.max(best, parent - weightedSquares(left, y, w) - weightedSquares(right, y, w));
    }
  });
  return best;
}

function checkSplitsAreBest(tree: FlatTree, x: FeatureMatrix, y: Float64Array, w: Float64Array): number {
  const edges = binFeatures(x, w).edges;
  const used = Array.from({ length: x.nRows }, (_, r) => r).filter((r) => w[r]! > 0);
  let checked = 0;
  const visit = (node: number, rows: number[]): void => {
    const f = tree.feature[node]!;
    if (f < 0) return;
    const t = tree.threshold[node]!;
    const left = rows.filter((r) => x.columns[f]![r]! <= t);
    const right = rows.filter((r) => x.columns[f]![r]! > t);
    const chosen = weightedSquares(rows, y, w) - weightedSquares(left, y, w) - weightedSquares(right, y, w);
    const best = bestDecrease(rows, x, y, w, edges);
    assert.ok(chosen >= best - 1e-9 * Math.max(1, Math.abs(best)), `node ${node}: split gains ${chosen}, best is ${best}`);
    checked++;
    visit(tree.left[node]!, left);
    visit(tree.right[node]!, right);
  };
  visit(0, used);
  return checked;
}

for (const [name, weightOf] of [
  ['integral weights', (i: number) => (i % 7 === 0 ? 0 : 1 + (i % 3))],
  ['fractional weights', (i: number) => (i % 7 === 0 ? 0 : 0.1 + (i % 5) * 0.37)],
] as const) {
  test(`conditional features, ${name}: every split is the best over all features and bins`, () => {
    const { x, y } = conditionalData(400, 11);
    const w = Float64Array.from({ length: 400 }, (_, i) => weightOf(i));
    const growth = { ...TREE_GROWTH_DEFAULTS, max_depth: 4 };
    const [tree] = fitTrees(x, { kind: 'regression', y }, w, { growth, splitter: 'best', nTrees: 1, bootstrap: false, seed: 5 });
    assert.ok(checkSplitsAreBest(tree!, x, y, w) >= 7);
  });
}
