/**
 * Everything a fit does between the checked inputs and the training loop, shared by the
 * classifier and the regressor: seeded initialisation, the validation slice, conversion to
 * float32 rows, and choosing the tensor backend.
 */
import type { FeatureMatrix } from '../../matrix.ts';
import { trainingTf, type BackendName } from '../../backend/index.ts';
import { Rng } from '../../../util/rng.ts';
import { validationSplit } from './holdout.ts';
import { initialNetwork, layerSizes } from './init.ts';
import type { Network } from './network.ts';
import type { MlpParams } from './params.ts';
import { trainNetwork, type EpochObserver, type LossKind, type RowBlock } from './train.ts';

export interface NetworkProblem {
  readonly x: FeatureMatrix;
  /** Row-major nRows × nOutputs: one-hot classes or standardised targets. */
  readonly targets: Float64Array;
  readonly nOutputs: number;
  /** Class labels, for a stratified validation slice (classification only). */
  readonly labels: Int32Array | undefined;
  /** Sample weights with mean 1. */
  readonly weights: Float64Array;
  readonly loss: LossKind;
  readonly params: MlpParams;
  /** Checkpoints of the fit (see checkpoints.ts); absent = train as usual. */
  readonly onEpoch?: EpochObserver | undefined;
}

export interface TrainingSummary {
  /** Epochs run before stopping. */
  readonly epochs: number;
  /** Epoch whose weights were kept (0 = the initial weights). */
  readonly bestEpoch: number;
  readonly backend: BackendName;
}

export interface FittedNetwork {
  readonly network: Network;
  readonly summary: TrainingSummary;
}

export function fitNetwork(problem: NetworkProblem): FittedNetwork {
  const { x, params } = problem;
  const rng = new Rng(params.seed);
  // Separate streams, so e.g. changing the validation split leaves the initial weights alone.
  const initRng = rng.child();
  const splitRng = rng.child();
  const shuffleRng = rng.child();
  const sizes = layerSizes(x.columns.length, params.hidden_layer_depth, params.num_nodes_per_layer, problem.nOutputs);
  const initial = initialNetwork(sizes, params.activation, initRng);

  const split = params.early_stopping === 'valid'
    ? validationSplit(x.nRows, problem.labels, params.validation_fraction, splitRng)
    : undefined;
  let trainRows = split?.train ?? allRows(x.nRows);
  let validation = split === undefined ? undefined : rowBlock(problem, split.validation, 1);
  // A slice that carries no weight measures nothing: stop on the training loss instead.
  if (validation !== undefined && !(validation.weights.reduce((a, b) => a + b, 0) > 0)) {
    validation = undefined;
    trainRows = allRows(x.nRows);
  }
  const train = rowBlock(problem, trainRows, meanOf(problem.weights, trainRows));

  const { tf, info } = trainingTf();
  const result = trainNetwork(tf, { train, validation, loss: problem.loss, initial, params, shuffleRng, onEpoch: problem.onEpoch });
  return { network: result.network, summary: { epochs: result.epochs, bestEpoch: result.bestEpoch, backend: info.name } };
}

function allRows(n: number): Int32Array {
  return Int32Array.from({ length: n }, (_, i) => i);
}

function meanOf(weights: Float64Array, rows: Int32Array): number {
  let total = 0;
  for (const row of rows) total += weights[row]!;
  return total / rows.length;
}

/** Gathers rows into float32 row-major arrays, dividing weights by `weightScale`. */
function rowBlock(problem: NetworkProblem, rows: Int32Array, weightScale: number): RowBlock {
  const { x, targets, nOutputs, weights } = problem;
  const nIn = x.columns.length;
  const xOut = new Float32Array(rows.length * nIn);
  const targetOut = new Float32Array(rows.length * nOutputs);
  const weightOut = new Float32Array(rows.length);
  const scale = weightScale > 0 ? weightScale : 1;
  rows.forEach((row, r) => {
    for (let j = 0; j < nIn; j++) xOut[r * nIn + j] = x.columns[j]![row]!;
    for (let k = 0; k < nOutputs; k++) targetOut[r * nOutputs + k] = targets[row * nOutputs + k]!;
    weightOut[r] = weights[row]! / scale;
  });
  return { nRows: rows.length, x: xOut, targets: targetOut, weights: weightOut };
}
