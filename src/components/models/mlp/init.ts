/**
 * Initial weights, drawn from the project's seeded Rng rather than tfjs's initialisers so that a
 * seed gives the same starting network on every backend.
 */
import type { Rng } from '../../../util/rng.ts';
import type { Activation } from './params.ts';
import type { DenseLayer, Network } from './network.ts';

/** Layer widths from input to output, e.g. [nFeatures, 64, 64, nClasses]. */
export function layerSizes(nIn: number, depth: number, units: number, nOut: number): number[] {
  return [nIn, ...Array.from({ length: depth }, () => units), nOut];
}

/**
 * Glorot-uniform weights (bound √(6 / (fan_in + fan_out)), as scikit-learn's MLP uses for relu
 * and tanh) rounded to float32, the precision training runs in; zero biases.
 */
export function initialNetwork(sizes: readonly number[], activation: Activation, rng: Rng): Network {
  const layers: DenseLayer[] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    const nIn = sizes[l]!;
    const nOut = sizes[l + 1]!;
    const bound = Math.sqrt(6 / (nIn + nOut));
    const weights = new Float64Array(nIn * nOut);
    for (let k = 0; k < weights.length; k++) weights[k] = Math.fround(rng.uniform(-bound, bound));
    layers.push({ nIn, nOut, weights, bias: new Float64Array(nOut) });
  }
  return { activation, layers };
}
