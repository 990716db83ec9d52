import { test } from 'node:test';
import assert from 'node:assert/strict';
import { greedyPortfolio, leaveOutOfMatrix, orderForTrials, type PortfolioMember } from '../../src/metalearning/portfolio.ts';
import { normalisedScores, type MatrixCell, type PerformanceMatrix } from '../../src/metalearning/performance-matrix.ts';

/** A matrix whose candidate i is `{ id: i }`, from the given sources, over datasets d0, d1, … */
function matrixOf(costs: MatrixCell[][], sources: string[][], seconds?: (number | null)[][]): PerformanceMatrix {
  const nDatasets = costs[0]!.length;
  return {
    format: 'automl-ts/portfolio-matrix',
    kind: 'classification',
    metric: 'balanced_accuracy',
    protocol: { max_rows: 100, holdout: 0.33, seed: 0, seconds_limit: 10, top_k: 3 },
    candidates: costs.map((_, i) => ({ config: { id: i }, sources: sources[i]! })),
    datasets: Array.from({ length: nDatasets }, (_, j) => ({ name: `d${j}`, fingerprint: `f${j}`, cells: 100 })),
    costs,
    seconds: seconds ?? costs.map((row) => row.map(() => null)),
  };
}

test('greedy portfolio: picks the complementary pair, not the two best on average', () => {
  // X is the best single candidate; Y alone is poor but exactly covers X's weak dataset (d3);
  // Z is the second best on average but adds less to X than Y does.
  const matrix = matrixOf(
    [
      [0, 0, 0, 0.6], // X
      [1, 1, 1, 0], // Y
      [0.2, 0.2, 0.2, 0.5], // Z
      [0.5, 0.5, 0.5, 1], // W (dominated)
    ],
    [['f0'], ['f1'], ['f2'], ['f3']],
  );
  const portfolio = greedyPortfolio(matrix, 2);
  assert.deepEqual(portfolio.members.map((m) => m.candidate), [0, 1]);
  assert.ok(Math.abs(portfolio.regret[0]! - 0.15) < 1e-12);
  assert.equal(portfolio.regret[1], 0);
  assert.ok(Math.abs(portfolio.members[1]!.gain - 0.15) < 1e-12);
  // Once the regret is 0, further members follow by mean normalised score (Z before W).
  assert.deepEqual(greedyPortfolio(matrix, 4).members.map((m) => m.candidate), [0, 1, 2, 3]);
});

test('normalised scores: 1 = best cost, 0 = worst, a failure counts as the worst', () => {
  const scores = normalisedScores(matrixOf([[0.2, 'fail'], [0.4, 0.1], [0.3, null]], [[], [], []]));
  assert.deepEqual(scores.map((row) => row.map((x) => (Number.isNaN(x) ? 'nan' : Math.round(x * 100) / 100))), [[1, 0], [0, 1], [0.5, 'nan']]);
});

test('leave one out: the dataset’s column and the candidates only it contributed are removed', () => {
  // c0 comes only from d0 and is best everywhere: with d0 left out it must not be chosen.
  const matrix = matrixOf(
    [
      [0, 0, 0],
      [0.5, 0.2, 1],
      [1, 1, 0.1],
    ],
    [['f0'], ['f0', 'f1'], ['f2']],
  );
  const { matrix: rest, rows } = leaveOutOfMatrix(matrix, new Set(['f0']));
  assert.deepEqual(rows, [1, 2]);
  assert.deepEqual(rest.datasets.map((d) => d.name), ['d1', 'd2']);
  assert.deepEqual(rest.costs, [[0.2, 1], [1, 0.1]]);
  assert.equal(greedyPortfolio(matrix, 1).members[0]!.candidate, 0);
  const without = greedyPortfolio(matrix, 3, new Set(['f0']));
  assert.deepEqual(without.datasets, ['d1', 'd2']);
  assert.ok(without.members.every((m) => m.candidate !== 0));
  assert.equal(without.members.length, 2);
});

test('trial order: members too slow for the per-trial limit are dropped, cheapest first within blocks of five', () => {
  const member = (candidate: number, secondsPerCell: number): PortfolioMember => ({ candidate, config: { id: candidate }, gain: 0, secondsPerCell });
  // Greedy order 0..6; with 1000 cells and a 10 s limit at share 0.5, more than 0.005 s/cell is too slow.
  const members = [member(0, 0.004), member(1, 0.001), member(2, 0.01), member(3, Infinity), member(4, 0.002), member(5, 0.0001), member(6, 0.003)];
  const order = orderForTrials(members, 1000, 10, 0.5).map((m) => m.candidate);
  // Block 1 = greedy ranks 0,1,3,4,5 (2 dropped); unknown time (3) last; block 2 = rank 6.
  assert.deepEqual(order, [5, 1, 4, 0, 3, 6]);
  assert.deepEqual(orderForTrials(members, 1000, undefined, 0.5).length, 7);
});
