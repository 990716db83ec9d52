/**
 * The training loop on tfjs: mini-batch Adam with seeded shuffling and early stopping, written
 * directly on tfjs-core rather than tfjs-layers because the model API is synchronous (layers'
 * fit is async) and because it keeps every tensor's lifetime explicit.
 *
 * Objective per batch of b rows (scikit-learn's MLP convention, so alpha means the same thing):
 *     Σ_i w_i · loss_i / b  +  alpha / (2b) · Σ_layers ‖W‖²
 * with sample weights w normalised to mean 1 over the training rows, so weighting changes the
 * balance between rows but not the step size.
 */
import type { Scalar, Tensor, Tensor1D, Tensor2D, Variable } from '@tensorflow/tfjs-core';
import type { TfCore } from '../../backend/index.ts';
import type { Rng } from '../../../util/rng.ts';
import type { DenseLayer, Network } from './network.ts';
import type { MlpParams } from './params.ts';
import { effectiveBatchSize } from './params.ts';
import { denseOp } from './dense.ts';

export type LossKind = 'softmax_cross_entropy' | 'squared_error';

/** Rows as float32, row-major: what gets copied into tensors batch by batch. */
export interface RowBlock {
  readonly nRows: number;
  /** nRows × nIn */
  readonly x: Float32Array;
  /** nRows × nOut: one-hot classes or standardised targets. */
  readonly targets: Float32Array;
  readonly weights: Float32Array;
}

/**
 * Told after every epoch with the epochs run and the network training would keep if it ended now
 * (the best monitored epoch's); returning true ends training there.
 */
export type EpochObserver = (epochsDone: number, kept: Network) => boolean;

export interface TrainingProblem {
  readonly train: RowBlock;
  /** Monitored for early stopping when present; otherwise the training loss is. */
  readonly validation: RowBlock | undefined;
  readonly loss: LossKind;
  readonly initial: Network;
  readonly params: MlpParams;
  readonly shuffleRng: Rng;
  readonly onEpoch?: EpochObserver | undefined;
}

export interface TrainingResult {
  /** The weights of the epoch with the lowest monitored loss. */
  readonly network: Network;
  readonly epochs: number;
  readonly bestEpoch: number;
  readonly bestLoss: number;
}

interface LayerVariables {
  readonly weights: Variable;
  readonly bias: Variable;
}

export function trainNetwork(tf: TfCore, problem: TrainingProblem): TrainingResult {
  const { train, validation, params, initial } = problem;
  const nIn = initial.layers[0]!.nIn;
  const nOut = initial.layers[initial.layers.length - 1]!.nOut;
  const batchSize = effectiveBatchSize(params.batch_size, train.nRows);
  const variables: LayerVariables[] = [];
  const optimizer = tf.train.adam(params.learning_rate_init, 0.9, 0.999, 1e-8);
  const held: Tensor[] = [];
  try {
    for (const layer of initial.layers) {
      variables.push({
        weights: tf.tidy(() => tf.variable(tf.tensor2d(Float32Array.from(layer.weights), [layer.nIn, layer.nOut]))),
        bias: tf.tidy(() => tf.variable(tf.tensor1d(Float32Array.from(layer.bias)))),
      });
    }
    const trainable = variables.flatMap((v) => [v.weights, v.bias]);

    const dense = denseOp(tf);
    const outputs = (x: Tensor2D): Tensor2D => {
      let h = x;
      variables.forEach(({ weights, bias }, l) => {
        h = dense(h, weights as Tensor2D, bias as Tensor1D);
        if (l < variables.length - 1) h = initial.activation === 'relu' ? tf.relu(h) : tf.tanh(h);
      });
      return h;
    };
    const rowLosses = (out: Tensor2D, targets: Tensor2D): Tensor1D =>
      problem.loss === 'softmax_cross_entropy'
        ? tf.neg(tf.sum<Tensor1D>(tf.mul(targets, tf.logSoftmax(out)), 1))
        : tf.mul(0.5, tf.sum<Tensor1D>(tf.squaredDifference(out, targets), 1));

    const objective = (x: Tensor2D, targets: Tensor2D, weights: Tensor1D, rows: number): Scalar => {
      let total = tf.div<Scalar>(tf.sum(tf.mul(rowLosses(outputs(x), targets), weights)), rows);
      if (params.alpha > 0) {
        const squares = variables.map((v) => tf.sum<Scalar>(tf.square(v.weights)));
        total = tf.add(total, tf.mul(params.alpha / (2 * rows), tf.addN(squares)));
      }
      return total;
    };

    let monitorValidation: (() => number) | undefined;
    if (validation !== undefined) {
      const x = tf.tensor2d(validation.x, [validation.nRows, nIn]);
      const targets = tf.tensor2d(validation.targets, [validation.nRows, nOut]);
      const weights = tf.tensor1d(validation.weights);
      held.push(x, targets, weights);
      const weightTotal = validation.weights.reduce((a, b) => a + b, 0);
      monitorValidation = () => readScalar(tf, () => tf.div(tf.sum(tf.mul(rowLosses(outputs(x), targets), weights)), weightTotal));
    }

    const step = (rows: Int32Array, wantCost: boolean): number => {
      const n = rows.length;
      const xb = new Float32Array(n * nIn);
      const tb = new Float32Array(n * nOut);
      const wb = new Float32Array(n);
      for (let r = 0; r < n; r++) {
        const row = rows[r]!;
        xb.set(train.x.subarray(row * nIn, (row + 1) * nIn), r * nIn);
        tb.set(train.targets.subarray(row * nOut, (row + 1) * nOut), r * nOut);
        wb[r] = train.weights[row]!;
      }
      const cost = tf.tidy(() => {
        const x = tf.tensor2d(xb, [n, nIn]);
        const targets = tf.tensor2d(tb, [n, nOut]);
        const weights = tf.tensor1d(wb);
        return optimizer.minimize(() => objective(x, targets, weights, n), wantCost, trainable) ?? undefined;
      });
      if (cost === undefined) return NaN;
      try {
        return cost.dataSync()[0]!;
      } finally {
        cost.dispose();
      }
    };

    const snapshot = (): Network => ({
      activation: initial.activation,
      layers: variables.map(({ weights, bias }, l): DenseLayer => ({
        nIn: initial.layers[l]!.nIn,
        nOut: initial.layers[l]!.nOut,
        weights: Float64Array.from(weights.dataSync()),
        bias: Float64Array.from(bias.dataSync()),
      })),
    });

    let best = { network: initial, epoch: 0, loss: Infinity };
    let stalled = 0;
    let epoch = 0;
    while (epoch < params.max_epochs) {
      epoch++;
      const order = problem.shuffleRng.permutation(train.nRows);
      let trainLoss = 0;
      for (let start = 0; start < train.nRows; start += batchSize) {
        const rows = order.subarray(start, Math.min(start + batchSize, train.nRows));
        trainLoss += step(rows, monitorValidation === undefined) * rows.length;
      }
      const monitored = monitorValidation === undefined ? trainLoss / train.nRows : monitorValidation();
      // A diverged fit (e.g. too large a learning rate) keeps its best finite state.
      if (!Number.isFinite(monitored)) break;
      stalled = monitored > best.loss - params.tol ? stalled + 1 : 0;
      if (monitored < best.loss) best = { network: snapshot(), epoch, loss: monitored };
      if (stalled >= params.n_iter_no_change) break;
      if (problem.onEpoch !== undefined && problem.onEpoch(epoch, best.network)) break;
    }
    return { network: best.network, epochs: epoch, bestEpoch: best.epoch, bestLoss: best.loss };
  } finally {
    optimizer.dispose();
    for (const { weights, bias } of variables) {
      weights.dispose();
      bias.dispose();
    }
    for (const tensor of held) tensor.dispose();
  }
}

function readScalar(tf: TfCore, compute: () => Tensor): number {
  const value = tf.tidy(compute);
  try {
    return value.dataSync()[0]!;
  } finally {
    value.dispose();
  }
}
