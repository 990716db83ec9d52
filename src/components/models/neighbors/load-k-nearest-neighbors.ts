/**
 * Both k-nearest-neighbour tasks are saved under the one type "k_nearest_neighbors"; the saved
 * `task` field says which class rebuilds the model.
 */
import type { Classifier, Regressor } from '../../model.ts';
import { KNearestNeighborsClassifier } from './k-nearest-neighbors-classifier.ts';
import { KNearestNeighborsRegressor } from './k-nearest-neighbors-regressor.ts';
import { StateReader } from './saved-state.ts';

export function loadKNearestNeighbors(state: unknown): Classifier | Regressor {
  const task = new StateReader(state, 'k-nearest-neighbours model').choice('task', ['classification', 'regression'] as const);
  return task === 'classification' ? KNearestNeighborsClassifier.fromJSON(state) : KNearestNeighborsRegressor.fromJSON(state);
}
