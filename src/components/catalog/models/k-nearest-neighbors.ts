/** k-nearest neighbours: both tasks; k on a log scale (small k matters most). */
import type { ComponentSpec } from '../../component.ts';
import { numberParam, stringParam } from '../../component.ts';
import type { Model } from '../../model.ts';
import type { Configuration } from '../../../space/index.ts';
import { KNearestNeighborsClassifier } from '../../models/neighbors/k-nearest-neighbors-classifier.ts';
import { KNearestNeighborsRegressor } from '../../models/neighbors/k-nearest-neighbors-regressor.ts';
import { categorical, emptySpace, integer } from '../space-helpers.ts';

function neighborsSpace() {
  return emptySpace().addHyperparameters([
    integer('n_neighbors', 1, 100, 5, true),
    categorical('weights', ['uniform', 'distance'], 'uniform'),
    categorical('p', [2, 1], 2),
  ]);
}

function neighborsParams(params: Configuration) {
  return {
    nNeighbors: numberParam(params, 'n_neighbors'),
    weights: stringParam(params, 'weights') as 'uniform' | 'distance',
    p: numberParam(params, 'p') === 1 ? (1 as const) : (2 as const),
  };
}

export const K_NEAREST_NEIGHBORS_CLASSIFIER: ComponentSpec<Model> = {
  id: 'k_nearest_neighbors',
  families: ['classification'],
  space: neighborsSpace,
  create: (params) => new KNearestNeighborsClassifier(neighborsParams(params)),
};

export const K_NEAREST_NEIGHBORS_REGRESSOR: ComponentSpec<Model> = {
  id: 'k_nearest_neighbors',
  families: ['regression'],
  space: neighborsSpace,
  create: (params) => new KNearestNeighborsRegressor(neighborsParams(params)),
};
