/**
 * Saved model type → loader. A type shared by a classifier and a regressor (e.g. random_forest)
 * dispatches on the task recorded in its state. Only listed types load: a model file cannot name
 * code to run.
 */
import type { Model, SavedModel } from './model.ts';
import { AutoMLError } from '../util/errors.ts';
import { isJsonObject, type JsonObject } from '../util/json.ts';
import { decisionTreeFromJSON, extraTreesFromJSON, randomForestFromJSON } from './models/tree/index.ts';
import { loadGradientBoosting } from './models/boosting/index.ts';
import { LinearRegression, LogisticRegression } from './models/linear/index.ts';
import { loadKNearestNeighbors } from './models/neighbors/load-k-nearest-neighbors.ts';
import { loadMlp } from './models/mlp/index.ts';
import { GaussianNaiveBayes } from './models/bayes/gaussian-naive-bayes.ts';
import { MultinomialNaiveBayes } from './models/bayes/multinomial-naive-bayes.ts';
import { BernoulliNaiveBayes } from './models/bayes/bernoulli-naive-bayes.ts';
import { LinearDiscriminantAnalysis } from './models/discriminant/linear-discriminant-analysis.ts';
import { QuadraticDiscriminantAnalysis } from './models/discriminant/quadratic-discriminant-analysis.ts';
import { loadXgboost } from './models/xgboost/index.ts';
import { loadSvm } from './models/svm/index.ts';

const MODEL_LOADERS: Readonly<Record<string, (state: JsonObject) => Model>> = {
  decision_tree: decisionTreeFromJSON,
  random_forest: randomForestFromJSON,
  extra_trees: extraTreesFromJSON,
  gradient_boosting: loadGradientBoosting,
  logistic_regression: (state) => LogisticRegression.fromJSON(state),
  linear_regression: (state) => LinearRegression.fromJSON(state),
  k_nearest_neighbors: loadKNearestNeighbors,
  mlp: loadMlp,
  gaussian_nb: (state) => GaussianNaiveBayes.fromJSON(state),
  multinomial_nb: (state) => MultinomialNaiveBayes.fromJSON(state),
  bernoulli_nb: (state) => BernoulliNaiveBayes.fromJSON(state),
  lda: (state) => LinearDiscriminantAnalysis.fromJSON(state),
  qda: (state) => QuadraticDiscriminantAnalysis.fromJSON(state),
  xgboost: loadXgboost,
  svm: loadSvm,
};

export function loadSavedModel(saved: SavedModel): Model {
  const candidate: unknown = saved;
  if (!isJsonObject(candidate) || typeof candidate['type'] !== 'string' || !isJsonObject(candidate['state'])) {
    throw new AutoMLError('BAD_MODEL_FILE', 'saved model lacks its "type" or "state"');
  }
  const type = candidate['type'];
  const loader = Object.hasOwn(MODEL_LOADERS, type) ? MODEL_LOADERS[type] : undefined;
  if (loader === undefined) {
    throw new AutoMLError('BAD_MODEL_FILE', `unknown model type "${type}"`, { hint: `known types: ${Object.keys(MODEL_LOADERS).join(', ')}` });
  }
  return loader(candidate['state']);
}
