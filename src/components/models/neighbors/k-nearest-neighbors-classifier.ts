/**
 * k-nearest-neighbour classification. The probability of a class is its (weighted) share of the
 * k neighbours' votes, Laplace-smoothed: `smoothing` pseudo-votes (default 0.1) are spread evenly
 * over the classes, p_c = (k · share_c + s / C) / (k + s). Why: an unsmoothed share gives a class
 * none of the neighbours has probability exactly 0, one such row costs log loss ~34.5 and an
 * ensemble averaging that member inherits the damage. The pseudo-votes weigh s / (k + s) of the
 * evidence, so they fade as k grows and temper small neighbourhoods most (k = 1 on two classes
 * gives 0.95 / 0.05 instead of 1 / 0). 0.1 was the compromise in test log loss among 0.05–1 over
 * k = 1, 5, 15 on glass, vowel, breast cancer, digits and iris: 1 pseudo-vote over-smooths
 * accurate small-k models, 0.05 costs more on noisy data.
 * The predicted class never changes, since the map is monotone; `smoothing: 0` reproduces the
 * exact shares. Sample weights act as vote weights; rows of weight zero are not stored at all.
 */
import type { Classifier, SavedModel } from '../../model.ts';
import type { FeatureMatrix, ProbabilityMatrix } from '../../matrix.ts';
import {
  K_NEAREST_NEIGHBORS_TYPE,
  decodeNeighborMemory,
  decodeNeighborParams,
  encodeNeighborState,
  memorise,
  neighborVotes,
  resolveNeighborParams,
} from './k-nearest-neighbors.ts';
import type { KNearestNeighborsParams, NeighborMemory } from './k-nearest-neighbors.ts';
import { checkClassifierFit, checkFeatureMatrix, notFitted, requireParam } from './model-input.ts';
import { StateReader } from './saved-state.ts';
import { encodeInts } from '../../../util/json.ts';

const WHAT = 'k-nearest-neighbours classifier';

/** Pseudo-votes spread over the classes of every prediction (see above). */
export const DEFAULT_PROBABILITY_SMOOTHING = 0.1;

export interface KNearestNeighborsClassifierOptions {
  /** Pseudo-votes spread evenly over the classes; 0 = exact neighbour shares. */
  readonly smoothing?: number;
}

interface FittedClassifier {
  readonly memory: NeighborMemory;
  /** Class of each stored row. */
  readonly labels: Int32Array;
  readonly nClasses: number;
}

export class KNearestNeighborsClassifier implements Classifier {
  readonly task = 'classification' as const;
  readonly params: KNearestNeighborsParams;
  readonly smoothing: number;
  private fitted: FittedClassifier | undefined;

  constructor(params: Partial<KNearestNeighborsParams> = {}, options: KNearestNeighborsClassifierOptions = {}) {
    this.params = resolveNeighborParams(params, WHAT);
    const smoothing = options.smoothing ?? DEFAULT_PROBABILITY_SMOOTHING;
    requireParam(Number.isFinite(smoothing) && smoothing >= 0, WHAT, 'smoothing', 'a finite number >= 0', smoothing);
    this.smoothing = smoothing;
  }

  fit(x: FeatureMatrix, y: Int32Array, nClasses: number, sampleWeight?: Float64Array): void {
    const weights = checkClassifierFit(x, y, nClasses, sampleWeight, WHAT);
    const { memory, kept } = memorise(x, weights, this.params);
    const labels = new Int32Array(kept.length);
    for (let i = 0; i < kept.length; i++) labels[i] = y[kept[i]!]!;
    this.fitted = { memory, labels, nClasses };
  }

  predictProba(x: FeatureMatrix): ProbabilityMatrix {
    const fitted = this.fitted;
    if (fitted === undefined) throw notFitted(WHAT);
    const { memory, labels, nClasses } = fitted;
    checkFeatureMatrix(x, WHAT, memory.nFeatures);
    const data = new Float64Array(x.nRows * nClasses);
    const votes = new Float64Array(memory.k);
    const smoothing = this.smoothing;
    const prior = smoothing / nClasses;
    memory.search.forEachNearest(x, (i, heap) => {
      const total = neighborVotes(heap, memory.rowWeights, this.params.weights, votes);
      const offset = i * nClasses;
      for (let n = 0; n < heap.size; n++) data[offset + labels[heap.rows[n]!]!]! += votes[n]!;
      if (smoothing === 0) {
        for (let c = 0; c < nClasses; c++) data[offset + c]! /= total;
        return;
      }
      // Shares count as heap.size votes whatever the vote weighting, so the pseudo-votes always
      // weigh s / (k + s) of the evidence.
      const size = heap.size;
      const scale = size / total;
      const denominator = size + smoothing;
      for (let c = 0; c < nClasses; c++) data[offset + c] = (data[offset + c]! * scale + prior) / denominator;
    });
    return { nRows: x.nRows, nClasses, data };
  }

  toJSON(): SavedModel {
    const fitted = this.fitted;
    if (fitted === undefined) throw notFitted(WHAT);
    return {
      type: K_NEAREST_NEIGHBORS_TYPE,
      state: {
        task: 'classification',
        ...encodeNeighborState(this.params, fitted.memory),
        nClasses: fitted.nClasses,
        labels: encodeInts(fitted.labels),
        smoothing: this.smoothing,
      },
    };
  }

  static fromJSON(state: unknown): KNearestNeighborsClassifier {
    const reader = new StateReader(state, WHAT);
    if (reader.choice('task', ['classification', 'regression'] as const) !== 'classification') {
      reader.fail('saved state is a regressor, not a classifier');
    }
    // Files written before smoothing existed predicted exact shares; they keep doing so.
    const smoothing = reader.has('smoothing') ? reader.number('smoothing') : 0;
    if (smoothing < 0) reader.fail('field "smoothing" must be >= 0');
    const model = new KNearestNeighborsClassifier(decodeNeighborParams(reader, WHAT), { smoothing });
    const memory = decodeNeighborMemory(reader, model.params);
    const nClasses = reader.integer('nClasses', 1);
    const labels = reader.ints('labels', memory.nRows, 0, nClasses - 1);
    model.fitted = { memory, labels, nClasses };
    return model;
  }
}
