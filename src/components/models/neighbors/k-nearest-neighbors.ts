/**
 * What the k-nearest-neighbour classifier and regressor share: hyperparameters, the memorised
 * training rows with their weights, how neighbours' votes are weighted, and the saved form of
 * the memory. Both tasks are saved under one type, "k_nearest_neighbors", with a `task` field.
 */
import type { FeatureMatrix } from '../../matrix.ts';
import type { CandidateHeap } from './candidate-heap.ts';
import { NeighborSearch } from './neighbor-search.ts';
import type { StateReader } from './saved-state.ts';
import { requireParam } from './model-input.ts';
import { encodeFloats } from '../../../util/json.ts';
import type { JsonObject } from '../../../util/json.ts';

export const K_NEAREST_NEIGHBORS_TYPE = 'k_nearest_neighbors';

export interface KNearestNeighborsParams {
  /** Neighbours consulted per prediction, 1..100; clipped to the number of training rows. */
  readonly nNeighbors: number;
  /** 'distance' weights each neighbour by 1 / distance; a neighbour at distance 0 outvotes all others. */
  readonly weights: 'uniform' | 'distance';
  /** 1 = Manhattan, 2 = Euclidean. */
  readonly p: 1 | 2;
}

export const K_NEAREST_NEIGHBORS_DEFAULTS: KNearestNeighborsParams = { nNeighbors: 5, weights: 'uniform', p: 2 };

export const MAX_NEIGHBORS = 100;

export function resolveNeighborParams(params: Partial<KNearestNeighborsParams>, what: string): KNearestNeighborsParams {
  const resolved = { ...K_NEAREST_NEIGHBORS_DEFAULTS, ...params };
  const { nNeighbors, weights, p } = resolved;
  requireParam(Number.isInteger(nNeighbors) && nNeighbors >= 1 && nNeighbors <= MAX_NEIGHBORS, what, 'nNeighbors', `an integer in 1..${MAX_NEIGHBORS}`, nNeighbors);
  requireParam(weights === 'uniform' || weights === 'distance', what, 'weights', "'uniform' or 'distance'", weights);
  requireParam(p === 1 || p === 2, what, 'p', '1 or 2', p);
  return { nNeighbors, weights, p };
}

/** The fitted memory: training rows that carry weight, row-major, and their search structure. */
export interface NeighborMemory {
  readonly nFeatures: number;
  readonly nRows: number;
  readonly rows: Float64Array;
  /** Sample weight of each kept row: its vote weight. */
  readonly rowWeights: Float64Array;
  readonly search: NeighborSearch;
  /** Neighbours per query: nNeighbors clipped to nRows. */
  readonly k: number;
}

export interface Memorised {
  readonly memory: NeighborMemory;
  /** Index in the training matrix of each kept row, to gather the matching targets. */
  readonly kept: Int32Array;
}

/**
 * Stores the rows with positive weight. Rows of weight zero could never contribute a vote, and
 * dropping them keeps every neighbour set's total vote weight positive.
 */
export function memorise(x: FeatureMatrix, weights: Float64Array, params: KNearestNeighborsParams): Memorised {
  const nFeatures = x.columns.length;
  let count = 0;
  for (let i = 0; i < x.nRows; i++) if (weights[i]! > 0) count++;
  const kept = new Int32Array(count);
  const rows = new Float64Array(count * nFeatures);
  const rowWeights = new Float64Array(count);
  let position = 0;
  for (let i = 0; i < x.nRows; i++) {
    if (!(weights[i]! > 0)) continue;
    kept[position] = i;
    rowWeights[position] = weights[i]!;
    for (let j = 0; j < nFeatures; j++) rows[position * nFeatures + j] = x.columns[j]![i]!;
    position++;
  }
  return { memory: buildMemory(rows, rowWeights, nFeatures, params), kept };
}

function buildMemory(rows: Float64Array, rowWeights: Float64Array, nFeatures: number, params: KNearestNeighborsParams): NeighborMemory {
  const nRows = rowWeights.length;
  const k = Math.min(params.nNeighbors, nRows);
  return { nFeatures, nRows, rows, rowWeights, search: new NeighborSearch(rows, nRows, nFeatures, params.p, k), k };
}

/**
 * Writes the vote weight of each neighbour in `heap` (sorted nearest first) into `votes` and
 * returns their total, which is always positive and finite.
 */
export function neighborVotes(
  heap: CandidateHeap,
  rowWeights: Float64Array,
  weighting: KNearestNeighborsParams['weights'],
  votes: Float64Array,
): number {
  const size = heap.size;
  const distances = heap.distances;
  const rows = heap.rows;
  if (weighting === 'distance' && distances[0]! > 0) {
    let total = 0;
    for (let i = 0; i < size; i++) {
      const vote = rowWeights[rows[i]!]! / distances[i]!;
      votes[i] = vote;
      total += vote;
    }
    if (total > 0 && Number.isFinite(total)) return total;
  }
  // Uniform weighting; or distance weighting where the nearest rows coincide with the query
  // (1 / 0) or are so close that 1 / distance overflows: then only the nearest rows vote.
  const onlyNearest = weighting === 'distance';
  const nearest = distances[0]!;
  let total = 0;
  for (let i = 0; i < size; i++) {
    const vote = !onlyNearest || distances[i] === nearest ? rowWeights[rows[i]!]! : 0;
    votes[i] = vote;
    total += vote;
  }
  return total;
}

export function encodeNeighborState(params: KNearestNeighborsParams, memory: NeighborMemory): JsonObject {
  return {
    params: { nNeighbors: params.nNeighbors, weights: params.weights, p: params.p },
    nFeatures: memory.nFeatures,
    nRows: memory.nRows,
    rows: encodeFloats(memory.rows),
    rowWeights: encodeFloats(memory.rowWeights),
  };
}

export function decodeNeighborParams(reader: StateReader, what: string): KNearestNeighborsParams {
  const saved = reader.object('params');
  const nNeighbors = saved.number('nNeighbors');
  const weights = saved.choice('weights', ['uniform', 'distance'] as const);
  const p = saved.number('p');
  if (p !== 1 && p !== 2) return saved.fail(`field "p" must be 1 or 2, got ${p}`);
  return reader.rebuild(() => resolveNeighborParams({ nNeighbors, weights, p }, what));
}

export function decodeNeighborMemory(reader: StateReader, params: KNearestNeighborsParams): NeighborMemory {
  const nFeatures = reader.integer('nFeatures', 0);
  const nRows = reader.integer('nRows', 1);
  const rows = reader.floats('rows', nRows * nFeatures);
  const rowWeights = reader.floats('rowWeights', nRows);
  for (let i = 0; i < nRows; i++) if (!(rowWeights[i]! > 0)) reader.fail(`rowWeights[${i}] must be positive`);
  return buildMemory(rows, rowWeights, nFeatures, params);
}
