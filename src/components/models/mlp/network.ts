/**
 * A fitted network as plain typed arrays, and its forward pass in plain JS.
 *
 * Prediction deliberately does not use tfjs: a fitted model and the same model reloaded from JSON
 * run exactly the same arithmetic (so they predict bit-identically), predicting works in the
 * predict-only runtime without loading any tensor backend, and the result does not depend on
 * which backend trained the model. Training keeps float32 weights (what tfjs trains in); the
 * forward pass accumulates them in float64.
 */
import type { FeatureMatrix } from '../../matrix.ts';
import type { Activation } from './params.ts';

export interface DenseLayer {
  readonly nIn: number;
  readonly nOut: number;
  /** Row-major nIn × nOut: weights[i * nOut + o] connects input i to unit o. */
  readonly weights: Float64Array;
  readonly bias: Float64Array;
}

export interface Network {
  /** Applied after every hidden layer; the last layer is linear (logits or standardised value). */
  readonly activation: Activation;
  readonly layers: readonly DenseLayer[];
}

export function inputSize(network: Network): number {
  return network.layers[0]!.nIn;
}

export function outputSize(network: Network): number {
  return network.layers[network.layers.length - 1]!.nOut;
}

/**
 * Rows are pushed through the layers a block at a time: a block's activations stay in cache
 * while every layer's weights stream past once per block rather than once per row.
 */
const ROW_BLOCK = 64;

/** Raw outputs (logits or standardised predictions), row-major nRows × outputSize. */
export function forward(network: Network, x: FeatureMatrix): Float64Array {
  const nOut = outputSize(network);
  const out = new Float64Array(x.nRows * nOut);
  const widest = Math.max(...network.layers.map((layer) => Math.max(layer.nIn, layer.nOut)));
  let current = new Float64Array(ROW_BLOCK * widest);
  let next = new Float64Array(ROW_BLOCK * widest);
  const nIn = inputSize(network);
  for (let start = 0; start < x.nRows; start += ROW_BLOCK) {
    const rows = Math.min(ROW_BLOCK, x.nRows - start);
    for (let j = 0; j < nIn; j++) {
      const column = x.columns[j]!;
      for (let r = 0; r < rows; r++) current[r * nIn + j] = column[start + r]!;
    }
    for (let l = 0; l < network.layers.length; l++) {
      const layer = network.layers[l]!;
      denseBlock(layer, current, next, rows);
      if (l < network.layers.length - 1) activate(network.activation, next, rows * layer.nOut);
      [current, next] = [next, current];
    }
    out.set(current.subarray(0, rows * nOut), start * nOut);
  }
  return out;
}

/** output[r, :] = bias + Σ_i input[r, i] · weights[i, :] for `rows` rows. */
function denseBlock(layer: DenseLayer, input: Float64Array, output: Float64Array, rows: number): void {
  const { nIn, nOut, weights, bias } = layer;
  for (let r = 0; r < rows; r++) {
    const outBase = r * nOut;
    for (let o = 0; o < nOut; o++) output[outBase + o] = bias[o]!;
    const inBase = r * nIn;
    for (let i = 0; i < nIn; i++) {
      const value = input[inBase + i]!;
      if (value === 0) continue; // relu zeros are common and contribute nothing
      const wBase = i * nOut;
      for (let o = 0; o < nOut; o++) output[outBase + o] += value * weights[wBase + o]!;
    }
  }
}

function activate(activation: Activation, values: Float64Array, length: number): void {
  if (activation === 'relu') {
    for (let k = 0; k < length; k++) if (values[k]! < 0) values[k] = 0;
  } else {
    for (let k = 0; k < length; k++) values[k] = Math.tanh(values[k]!);
  }
}

/** Softmax of each row of logits, in place; rows then sum to 1. */
export function softmaxRows(logits: Float64Array, nClasses: number): Float64Array {
  for (let base = 0; base < logits.length; base += nClasses) {
    let max = -Infinity;
    for (let k = 0; k < nClasses; k++) max = Math.max(max, logits[base + k]!);
    let total = 0;
    for (let k = 0; k < nClasses; k++) {
      const e = Math.exp(logits[base + k]! - max);
      logits[base + k] = e;
      total += e;
    }
    for (let k = 0; k < nClasses; k++) logits[base + k]! /= total;
  }
  return logits;
}
