/**
 * The boosting loop shared by the classifier and the regressor: holds out rows for early
 * stopping, bins the features, then each round computes gradients at the current scores and
 * fits one tree per output to them.
 */
import type { FeatureMatrix } from '../../matrix.ts';
import { mixSeed, Rng } from '../../../util/rng.ts';
import { binRows, fitBinMapper } from './binning.ts';
import { TreeGrower } from './grower.ts';
import { gather, holdoutSplit } from './holdout.ts';
import type { BoostingLoss } from './losses.ts';
import { earlyStoppingEnabled, type HistGradientBoostingParams } from './params.ts';
import { addTreeScoresBinned, stripBins, type BoostedTree, type TrainedTree } from './tree.ts';

export interface BoostingProblem {
  readonly x: FeatureMatrix;
  /** Class index (classification) or value (regression) per row. */
  readonly y: Float64Array;
  readonly weights: Float64Array | null;
  readonly loss: BoostingLoss;
  /** Number of classes for a stratified holdout; 0 for regression. */
  readonly nClasses: number;
}

export interface BoostedEnsemble {
  /** Starting score per output. */
  readonly baseline: Float64Array;
  /** Round-major: tree of output k in round r at r * treesPerRound + k. */
  readonly trees: BoostedTree[];
  readonly treesPerRound: number;
  /** Rounds kept. */
  readonly nIterations: number;
}

/**
 * Told after every round that adds trees: the rounds done and the ensemble as boosting would keep
 * it if it ended now (built only when asked). Returning true ends boosting there.
 */
export type RoundObserver = (roundsDone: number, soFar: () => BoostedEnsemble) => boolean;

// distinct streams derived from the one seed
const SEED_HOLDOUT = 1;
const SEED_BINNING = 2;
const SEED_ROWS = 3;
const SEED_FEATURES = 4;

export function boost(problem: BoostingProblem, params: HistGradientBoostingParams, onRound?: RoundObserver): BoostedEnsemble {
  const { x, y, weights, loss, nClasses } = problem;
  const nOutputs = loss.nOutputs;
  const labels = nClasses > 0 ? y : null;

  let trainRows: Int32Array = identity(x.nRows);
  let validationRows: Int32Array = new Int32Array(0);
  if (earlyStoppingEnabled(params, x.nRows)) {
    const split = holdoutSplit(x.nRows, labels, nClasses, params.validation_fraction, mixSeed(params.seed, SEED_HOLDOUT));
    // each part needs weight to mean anything; otherwise learn from every row, unmonitored
    const weighted = weights === null || (totalWeight(weights, split.validation) > 0 && totalWeight(weights, split.train) > 0);
    if (split.validation.length > 0 && weighted) {
      trainRows = split.train;
      validationRows = split.validation;
    }
  }
  const monitor = validationRows.length > 0;
  const yTrain = monitor ? gather(y, trainRows) : y;
  const wTrain = weights === null ? null : monitor ? gather(weights, trainRows) : weights;
  const baseline = loss.initialScores(yTrain, wTrain);
  const ensemble = (trees: BoostedTree[]): BoostedEnsemble => ({
    baseline,
    trees,
    treesPerRound: nOutputs,
    nIterations: trees.length / nOutputs,
  });
  if (labels !== null && presentClasses(yTrain, wTrain, nClasses) < 2) return ensemble([]);

  const mapper = fitBinMapper(x, trainRows, params.max_bins, mixSeed(params.seed, SEED_BINNING));
  const trainCodes = binRows(mapper, x, trainRows);
  const nTrain = trainRows.length;
  const usableFeatures: number[] = [];
  for (let f = 0; f < mapper.nBins.length; f++) if (mapper.nBins[f]! > 1) usableFeatures.push(f);

  const grower = new TreeGrower(trainCodes, mapper, nTrain, {
    maxLeafNodes: params.max_leaf_nodes,
    maxDepth: params.max_depth,
    minSamplesLeaf: params.min_samples_leaf,
    minChildWeight: params.min_child_weight,
    l1: params.l1_regularization,
    l2: params.l2_regularization,
    learningRate: params.learning_rate,
  });

  const trainScores = repeatRows(baseline, nTrain);
  const gradient = Array.from({ length: nOutputs }, () => new Float64Array(nTrain));
  const hessian = Array.from({ length: nOutputs }, () => new Float64Array(nTrain));

  const validationCodes = monitor ? binRows(mapper, x, validationRows) : [];
  const yValidation = monitor ? gather(y, validationRows) : new Float64Array(0);
  const wValidation = weights === null || !monitor ? null : gather(weights, validationRows);
  const validationScores = repeatRows(baseline, validationRows.length);
  let bestLoss = monitor ? loss.meanLoss(validationScores, yValidation, wValidation) : Infinity;
  let bestRound = -1;

  const allRows = identity(nTrain);
  const subsampled = params.subsample < 1;
  const sampleSize = Math.max(1, Math.round(params.subsample * nTrain));
  const rowOrder = identity(nTrain);
  const featureOrder = Int32Array.from(usableFeatures);
  const nSampledFeatures = Math.max(1, Math.round(params.colsample_bytree * usableFeatures.length));

  const trees: BoostedTree[] = [];
  for (let round = 0; round < params.max_iter; round++) {
    loss.gradients(trainScores, yTrain, wTrain, gradient, hessian);
    const sampleRows = subsampled ? sampleWithoutReplacement(rowOrder, sampleSize, new Rng(mixSeed(params.seed, SEED_ROWS, round))) : allRows;
    const roundTrees: TrainedTree[] = [];
    let anySplit = false;
    for (let k = 0; k < nOutputs; k++) {
      const features = nSampledFeatures < featureOrder.length
        ? sampleWithoutReplacement(featureOrder, nSampledFeatures, new Rng(mixSeed(params.seed, SEED_FEATURES, round, k)))
        : featureOrder;
      const tree = grower.grow(gradient[k]!, hessian[k]!, sampleRows, features);
      if (tree.feature.length > 1) anySplit = true;
      // rows outside the subsample are not in the grower's leaves: score them through the tree
      if (subsampled) addTreeScoresBinned(tree, trainCodes, nTrain, trainScores, nOutputs, k);
      else grower.addToTrainingScores(trainScores, nOutputs, k);
      if (monitor) addTreeScoresBinned(tree, validationCodes, validationRows.length, validationScores, nOutputs, k);
      roundTrees.push(tree);
    }
    // no tree found a split: the gradients carry nothing more the features can explain
    if (!anySplit) break;
    for (const tree of roundTrees) trees.push(stripBins(tree));
    if (monitor) {
      const validationLoss = loss.meanLoss(validationScores, yValidation, wValidation);
      if (validationLoss < bestLoss - params.tol) {
        bestLoss = validationLoss;
        bestRound = round;
      } else if (round - bestRound >= params.n_iter_no_change) {
        break;
      }
    }
    if (onRound !== undefined && onRound(round + 1, () => ensemble(trees.slice(0, monitor ? (bestRound + 1) * nOutputs : trees.length)))) break;
  }
  // with early stopping, keep the ensemble as it was at its best held-out loss
  if (monitor) trees.length = (bestRound + 1) * nOutputs;
  return ensemble(trees);
}

function identity(n: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}

/** `values` repeated for every row, row-major. */
function repeatRows(values: Float64Array, nRows: number): Float64Array {
  const out = new Float64Array(nRows * values.length);
  for (let row = 0; row < nRows; row++) out.set(values, row * values.length);
  return out;
}

/**
 * `size` distinct entries of `pool`, ascending. Shuffles `pool` partially in place, which does
 * not matter: it is a set.
 */
function sampleWithoutReplacement(pool: Int32Array, size: number, rng: Rng): Int32Array {
  for (let i = 0; i < size; i++) {
    const j = i + rng.int(pool.length - i);
    const tmp = pool[i]!;
    pool[i] = pool[j]!;
    pool[j] = tmp;
  }
  return pool.slice(0, size).sort();
}

function totalWeight(weights: Float64Array, rows: Int32Array): number {
  let total = 0;
  for (let i = 0; i < rows.length; i++) total += weights[rows[i]!]!;
  return total;
}

/** Classes carrying positive weight. */
function presentClasses(y: Float64Array, weights: Float64Array | null, nClasses: number): number {
  const seen = new Uint8Array(nClasses);
  for (let i = 0; i < y.length; i++) if (weights === null || weights[i]! > 0) seen[y[i]!] = 1;
  let count = 0;
  for (let k = 0; k < nClasses; k++) count += seen[k]!;
  return count;
}
