/**
 * k-nearest-neighbour regression: the prediction is the vote-weighted mean target of the k
 * nearest stored rows. Sample weights act as vote weights; rows of weight zero are not stored.
 */
import type { Regressor, SavedModel } from '../../model.ts';
import type { FeatureMatrix } from '../../matrix.ts';
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
import { checkFeatureMatrix, checkRegressionTargets, notFitted, resolveSampleWeights } from './model-input.ts';
import { StateReader } from './saved-state.ts';
import { encodeFloats } from '../../../util/json.ts';

const WHAT = 'k-nearest-neighbours regressor';

interface FittedRegressor {
  readonly memory: NeighborMemory;
  /** Target of each stored row. */
  readonly targets: Float64Array;
}

export class KNearestNeighborsRegressor implements Regressor {
  readonly task = 'regression' as const;
  readonly params: KNearestNeighborsParams;
  private fitted: FittedRegressor | undefined;

  constructor(params: Partial<KNearestNeighborsParams> = {}) {
    this.params = resolveNeighborParams(params, WHAT);
  }

  fit(x: FeatureMatrix, y: Float64Array, sampleWeight?: Float64Array): void {
    checkFeatureMatrix(x, WHAT);
    checkRegressionTargets(y, x.nRows, WHAT);
    const weights = resolveSampleWeights(x.nRows, sampleWeight, WHAT);
    const { memory, kept } = memorise(x, weights, this.params);
    const targets = new Float64Array(kept.length);
    for (let i = 0; i < kept.length; i++) targets[i] = y[kept[i]!]!;
    this.fitted = { memory, targets };
  }

  predict(x: FeatureMatrix): Float64Array {
    const fitted = this.fitted;
    if (fitted === undefined) throw notFitted(WHAT);
    const { memory, targets } = fitted;
    checkFeatureMatrix(x, WHAT, memory.nFeatures);
    const out = new Float64Array(x.nRows);
    const votes = new Float64Array(memory.k);
    memory.search.forEachNearest(x, (i, heap) => {
      const total = neighborVotes(heap, memory.rowWeights, this.params.weights, votes);
      let weightedSum = 0;
      for (let n = 0; n < heap.size; n++) weightedSum += votes[n]! * targets[heap.rows[n]!]!;
      out[i] = weightedSum / total;
    });
    return out;
  }

  toJSON(): SavedModel {
    const fitted = this.fitted;
    if (fitted === undefined) throw notFitted(WHAT);
    return {
      type: K_NEAREST_NEIGHBORS_TYPE,
      state: {
        task: 'regression',
        ...encodeNeighborState(this.params, fitted.memory),
        targets: encodeFloats(fitted.targets),
      },
    };
  }

  static fromJSON(state: unknown): KNearestNeighborsRegressor {
    const reader = new StateReader(state, WHAT);
    if (reader.choice('task', ['classification', 'regression'] as const) !== 'regression') {
      reader.fail('saved state is a classifier, not a regressor');
    }
    const model = new KNearestNeighborsRegressor(decodeNeighborParams(reader, WHAT));
    const memory = decodeNeighborMemory(reader, model.params);
    const targets = reader.floats('targets', memory.nRows);
    model.fitted = { memory, targets };
    return model;
  }
}
