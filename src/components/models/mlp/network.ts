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
/** Rows computed together by the kernel; blocks are padded to a multiple of it. */
const ROW_GROUP = 4;

/** Raw outputs (logits or standardised predictions), row-major nRows × outputSize. */
export function forward(network: Network, x: FeatureMatrix): Float64Array {
  const nOut = outputSize(network);
  const out = new Float64Array(x.nRows * nOut);
  const transposed = network.layers.map(transposedWeights);
  const widest = Math.max(...network.layers.map((layer) => Math.max(layer.nIn, layer.nOut)));
  let current = new Float64Array(ROW_BLOCK * widest);
  let next = new Float64Array(ROW_BLOCK * widest);
  const nIn = inputSize(network);
  for (let start = 0; start < x.nRows; start += ROW_BLOCK) {
    const rows = Math.min(ROW_BLOCK, x.nRows - start);
    const padded = Math.ceil(rows / ROW_GROUP) * ROW_GROUP;
    // Padding rows are zero inputs whose outputs are computed and discarded.
    current.fill(0, rows * nIn, padded * nIn);
    for (let j = 0; j < nIn; j++) {
      const column = x.columns[j]!;
      for (let r = 0; r < rows; r++) current[r * nIn + j] = column[start + r]!;
    }
    for (let l = 0; l < network.layers.length; l++) {
      const layer = network.layers[l]!;
      denseBlock(layer, transposed[l]!, current, next, padded);
      if (l < network.layers.length - 1) activate(network.activation, next, padded * layer.nOut);
      [current, next] = [next, current];
    }
    out.set(current.subarray(0, rows * nOut), start * nOut);
  }
  return out;
}

/** Weights as nOut × nIn, so that each unit's weights are contiguous for the dot products. */
const transposedCache = new WeakMap<DenseLayer, Float64Array>();

function transposedWeights(layer: DenseLayer): Float64Array {
  let transposed = transposedCache.get(layer);
  if (transposed === undefined) {
    const { nIn, nOut, weights } = layer;
    transposed = new Float64Array(nIn * nOut);
    for (let i = 0; i < nIn; i++) for (let o = 0; o < nOut; o++) transposed[o * nIn + i] = weights[i * nOut + o]!;
    transposedCache.set(layer, transposed);
  }
  return transposed;
}

/**
 * output[r, o] = bias[o] + Σ_i input[r, i] · W[i, o] for `rows` rows (a multiple of 4). Four rows
 * by two units share each loaded weight and input, with eight independent sums: about 4× the
 * throughput of a plain row-by-row loop in V8. Each sum runs over i in order, so the result is
 * the same wherever the model runs.
 */
function denseBlock(layer: DenseLayer, wt: Float64Array, input: Float64Array, output: Float64Array, rows: number): void {
  const { nIn, nOut, bias } = layer;
  for (let r = 0; r < rows; r += ROW_GROUP) {
    const x0 = r * nIn;
    const x1 = x0 + nIn;
    const x2 = x1 + nIn;
    const x3 = x2 + nIn;
    const y0 = r * nOut;
    const y1 = y0 + nOut;
    const y2 = y1 + nOut;
    const y3 = y2 + nOut;
    let o = 0;
    for (; o + 2 <= nOut; o += 2) {
      const wa = o * nIn;
      const wb = wa + nIn;
      let a0 = 0, a1 = 0, a2 = 0, a3 = 0, b0 = 0, b1 = 0, b2 = 0, b3 = 0;
      for (let i = 0; i < nIn; i++) {
        const u = wt[wa + i]!;
        const v = wt[wb + i]!;
        const p = input[x0 + i]!;
        const q = input[x1 + i]!;
        const s = input[x2 + i]!;
        const t = input[x3 + i]!;
        a0 += p * u; a1 += q * u; a2 += s * u; a3 += t * u;
        b0 += p * v; b1 += q * v; b2 += s * v; b3 += t * v;
      }
      const ba = bias[o]!;
      const bb = bias[o + 1]!;
      output[y0 + o] = ba + a0; output[y1 + o] = ba + a1; output[y2 + o] = ba + a2; output[y3 + o] = ba + a3;
      output[y0 + o + 1] = bb + b0; output[y1 + o + 1] = bb + b1; output[y2 + o + 1] = bb + b2; output[y3 + o + 1] = bb + b3;
    }
    if (o < nOut) {
      const wa = o * nIn;
      let a0 = 0, a1 = 0, a2 = 0, a3 = 0;
      for (let i = 0; i < nIn; i++) {
        const u = wt[wa + i]!;
        a0 += input[x0 + i]! * u; a1 += input[x1 + i]! * u; a2 += input[x2 + i]! * u; a3 += input[x3 + i]! * u;
      }
      const ba = bias[o]!;
      output[y0 + o] = ba + a0; output[y1 + o] = ba + a1; output[y2 + o] = ba + a2; output[y3 + o] = ba + a3;
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
