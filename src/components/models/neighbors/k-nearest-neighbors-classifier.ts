/**
 * k-nearest-neighbour classification. The probability of a class is the exact (weighted)
 * fraction of the k neighbours' vote weight that belongs to it, with no smoothing: a class none
 * of the neighbours has gets probability 0, so callers computing log loss must clip. Sample
 * weights act as vote weights; rows of weight zero are not stored at all.
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
import { checkClassifierFit, checkFeatureMatrix, notFitted } from './model-input.ts';
import { StateReader } from './saved-state.ts';
import { encodeInts } from '../../../util/json.ts';

const WHAT = 'k-nearest-neighbours classifier';

interface FittedClassifier {
  readonly memory: NeighborMemory;
  /** Class of each stored row. */
  readonly labels: Int32Array;
  readonly nClasses: number;
}

export class KNearestNeighborsClassifier implements Classifier {
  readonly task = 'classification' as const;
  readonly params: KNearestNeighborsParams;
  private fitted: FittedClassifier | undefined;

  constructor(params: Partial<KNearestNeighborsParams> = {}) {
    this.params = resolveNeighborParams(params, WHAT);
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
    memory.search.forEachNearest(x, (i, heap) => {
      const total = neighborVotes(heap, memory.rowWeights, this.params.weights, votes);
      const offset = i * nClasses;
      for (let n = 0; n < heap.size; n++) data[offset + labels[heap.rows[n]!]!]! += votes[n]!;
      for (let c = 0; c < nClasses; c++) data[offset + c]! /= total;
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
      },
    };
  }

  static fromJSON(state: unknown): KNearestNeighborsClassifier {
    const reader = new StateReader(state, WHAT);
    if (reader.choice('task', ['classification', 'regression'] as const) !== 'classification') {
      reader.fail('saved state is a regressor, not a classifier');
    }
    const model = new KNearestNeighborsClassifier(decodeNeighborParams(reader, WHAT));
    const memory = decodeNeighborMemory(reader, model.params);
    const nClasses = reader.integer('nClasses', 1);
    const labels = reader.ints('labels', memory.nRows, 0, nClasses - 1);
    model.fitted = { memory, labels, nClasses };
    return model;
  }
}
