/** Raw scores of a fitted ensemble on raw feature values, and their conversion to probabilities. */
import type { FeatureMatrix, ProbabilityMatrix } from '../../matrix.ts';
import type { BoostedEnsemble } from './booster.ts';
import { sigmoid, softmaxInto } from './losses.ts';
import { addTreeScoresRowMajor } from './tree.ts';

/**
 * Rows are scored in blocks copied to row-major order: every tree then walks a block small
 * enough to stay in cache, instead of striding through whole columns once per tree.
 */
const BLOCK_ROWS = 256;

/** Row-major scores, treesPerRound per row: baseline plus every tree's output. */
export function ensembleScores(ensemble: BoostedEnsemble, x: FeatureMatrix): Float64Array {
  const stride = ensemble.treesPerRound;
  const nRows = x.nRows;
  const scores = new Float64Array(nRows * stride);
  for (let row = 0; row < nRows; row++) scores.set(ensemble.baseline, row * stride);
  const trees = ensemble.trees;
  if (trees.length === 0) return scores;
  const columns = x.columns;
  const nFeatures = columns.length;
  const block = new Float64Array(BLOCK_ROWS * nFeatures);
  for (let first = 0; first < nRows; first += BLOCK_ROWS) {
    const count = Math.min(BLOCK_ROWS, nRows - first);
    for (let f = 0; f < nFeatures; f++) {
      const column = columns[f]!;
      for (let r = 0; r < count; r++) block[r * nFeatures + f] = column[first + r]!;
    }
    for (let t = 0; t < trees.length; t++) addTreeScoresRowMajor(trees[t]!, block, nFeatures, count, scores, first, stride, t % stride);
  }
  return scores;
}

/**
 * Class probabilities from scores: sigmoid of the one score for two classes, softmax over the
 * per-class scores otherwise, all ones for a single class.
 */
export function scoresToProbabilities(scores: Float64Array, nRows: number, nClasses: number): ProbabilityMatrix {
  const data = new Float64Array(nRows * nClasses);
  if (nClasses === 1) {
    data.fill(1);
  } else if (nClasses === 2) {
    for (let row = 0; row < nRows; row++) {
      const p = sigmoid(scores[row]!);
      data[2 * row] = 1 - p;
      data[2 * row + 1] = p;
    }
  } else {
    for (let row = 0; row < nRows; row++) softmaxInto(scores, row * nClasses, nClasses, data, row * nClasses);
  }
  return { nRows, nClasses, data };
}
