/**
 * Applying fitted trees to a matrix: class probabilities averaged over trees, regression means,
 * per-tree predictions and the spread across trees.
 *
 * Rows are processed in blocks copied into a row-major buffer, so the features a row's path
 * reads sit in a few adjacent cache lines instead of one line per column; every tree is applied
 * to a block before moving to the next block.
 */
import type { FeatureMatrix, ProbabilityMatrix, RowMajorMatrix } from '../../matrix.ts';
import type { FlatTree } from './flat-tree.ts';

/** Block size: about 512 KB of row-major features. */
function blockRows(nFeatures: number): number {
  return Math.max(64, Math.min(4096, Math.floor(65536 / Math.max(1, nFeatures))));
}

/**
 * Calls `visit(tree index, leaves, first row, row count)` for every tree and block of rows,
 * where leaves[i] is the leaf reached by row first + i.
 */
function forEachBlock(
  trees: readonly FlatTree[],
  x: FeatureMatrix,
  visit: (tree: number, leaves: Int32Array, first: number, count: number) => void,
): void {
  const n = x.nRows;
  const columns = x.columns;
  const d = columns.length;
  const size = blockRows(d);
  const buffer = new Float64Array(size * d);
  const leaves = new Int32Array(size);
  for (let first = 0; first < n; first += size) {
    const count = Math.min(size, n - first);
    for (let f = 0; f < d; f++) {
      const column = columns[f]!;
      for (let i = 0; i < count; i++) buffer[i * d + f] = column[first + i]!;
    }
    for (let t = 0; t < trees.length; t++) {
      trees[t]!.applyRowMajor(buffer, d, count, leaves, 0);
      visit(t, leaves, first, count);
    }
  }
}

export function predictClassProbabilities(trees: readonly FlatTree[], x: FeatureMatrix, nClasses: number): ProbabilityMatrix {
  const n = x.nRows;
  const data = new Float64Array(n * nClasses);
  forEachBlock(trees, x, (t, leaves, first, count) => {
    const values = trees[t]!.leafValues;
    for (let i = 0; i < count; i++) {
      const base = leaves[i]! * nClasses;
      const out = (first + i) * nClasses;
      for (let k = 0; k < nClasses; k++) data[out + k] += values[base + k]!;
    }
  });
  // Every leaf distribution sums to 1, so the row sums equal the tree count up to rounding;
  // dividing by the actual sum makes each row sum to 1 as exactly as floating point allows.
  for (let i = 0; i < n; i++) {
    const out = i * nClasses;
    let sum = 0;
    for (let k = 0; k < nClasses; k++) sum += data[out + k]!;
    for (let k = 0; k < nClasses; k++) data[out + k] /= sum;
  }
  return { nRows: n, nClasses, data };
}

/** One prediction array per tree. */
export function predictPerTree(trees: readonly FlatTree[], x: FeatureMatrix): Float64Array[] {
  const outputs = trees.map(() => new Float64Array(x.nRows));
  forEachBlock(trees, x, (t, leaves, first, count) => {
    const values = trees[t]!.leafValues;
    const out = outputs[t]!;
    for (let i = 0; i < count; i++) out[first + i] = values[leaves[i]!]!;
  });
  return outputs;
}

export function predictRegressionMean(trees: readonly FlatTree[], x: FeatureMatrix): Float64Array {
  return predictMeanVariance(trees, x, false).mean;
}

/**
 * Running mean and across-tree variance, fed one tree at a time (in tree order) with the value
 * each row gets from that tree. Every entry point below accumulates through it, so they agree
 * bit for bit.
 */
class MeanVarianceAccumulator {
  readonly sum: Float64Array;
  private readonly runningMean: Float64Array;
  private readonly squares: Float64Array;

  constructor(
    n: number,
    private readonly withVariance: boolean,
  ) {
    this.sum = new Float64Array(n);
    this.runningMean = new Float64Array(withVariance ? n : 0);
    this.squares = new Float64Array(withVariance ? n : 0);
  }

  /** Adds tree t's leaf values for rows first … first+count−1, whose leaves are leaves[0 … count−1]. */
  add(t: number, values: Float64Array, leaves: Int32Array, first: number, count: number): void {
    const { sum, runningMean, squares, withVariance } = this;
    const seen = t + 1;
    for (let i = 0; i < count; i++) {
      const v = values[leaves[i]!]!;
      const row = first + i;
      sum[row] += v;
      if (withVariance) {
        const delta = v - runningMean[row]!;
        runningMean[row] += delta / seen;
        squares[row] += delta * (v - runningMean[row]!);
      }
    }
  }

  finish(nTrees: number): { mean: Float64Array; variance: Float64Array } {
    const { sum, squares } = this;
    for (let i = 0; i < sum.length; i++) sum[i] /= nTrees;
    for (let i = 0; i < squares.length; i++) squares[i] = Math.max(0, squares[i]! / nTrees);
    return { mean: sum, variance: squares };
  }
}

/**
 * Mean over trees (summed the same way whether or not the variance is asked for, so `predict`
 * and `predictMeanVariance` agree bit for bit) and, when asked, the population variance across
 * trees, the spread a Bayesian optimiser reads as uncertainty. The variance uses Welford's
 * update, which is stable in one pass over the trees.
 */
export function predictMeanVariance(
  trees: readonly FlatTree[],
  x: FeatureMatrix,
  withVariance = true,
): { mean: Float64Array; variance: Float64Array } {
  const accumulator = new MeanVarianceAccumulator(x.nRows, withVariance);
  forEachBlock(trees, x, (t, leaves, first, count) => accumulator.add(t, trees[t]!.leafValues, leaves, first, count));
  return accumulator.finish(trees.length);
}

/** predictMeanVariance of rows already row-major (no block copies), with the variance. */
export function predictMeanVarianceOfRows(trees: readonly FlatTree[], x: RowMajorMatrix): { mean: Float64Array; variance: Float64Array } {
  const n = x.nRows;
  const accumulator = new MeanVarianceAccumulator(n, true);
  const leaves = new Int32Array(n);
  for (let t = 0; t < trees.length; t++) {
    trees[t]!.applyRowMajor(x.data, x.nFeatures, n, leaves, 0);
    accumulator.add(t, trees[t]!.leafValues, leaves, 0, n);
  }
  return accumulator.finish(trees.length);
}

/**
 * predictMeanVariance when the leaf each row reaches in each tree is already known
 * (leavesPerTree[t][i] for tree t and row i), e.g. kept from an earlier call.
 */
export function meanVarianceOfLeaves(trees: readonly FlatTree[], leavesPerTree: readonly Int32Array[], n: number): { mean: Float64Array; variance: Float64Array } {
  const accumulator = new MeanVarianceAccumulator(n, true);
  for (let t = 0; t < trees.length; t++) accumulator.add(t, trees[t]!.leafValues, leavesPerTree[t]!, 0, n);
  return accumulator.finish(trees.length);
}
