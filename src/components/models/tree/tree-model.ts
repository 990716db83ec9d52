/**
 * Behaviour shared by all tree classifiers and regressors (single trees and forests): fitting
 * through fitTrees, prediction, and saving. Concrete classes only say which type they are, how
 * their params map onto ensemble settings, and how to rebuild themselves from saved state.
 */
import { AutoMLError } from '../../../util/errors.ts';
import type { FeatureMatrix, ProbabilityMatrix } from '../../matrix.ts';
import type { Classifier, Regressor, SavedModel } from '../../model.ts';
import type { FitObserver } from '../../fit-observer.ts';
import type { FlatTree } from './flat-tree.ts';
import { fitTrees } from './fit-trees.ts';
import { treeObserverFor } from './checkpoints.ts';
import type { EnsembleSettings } from './fit-trees.ts';
import { checkClassTargets, checkFeatures, checkRegressionTargets, checkTrainingInput } from './input-checks.ts';
import type { ClassificationCriterion } from './params.ts';
import { paramsToJson } from './params.ts';
import { predictClassProbabilities, predictMeanVariance, predictPerTree, predictRegressionMean } from './predict-trees.ts';
import { writeTreeState } from './saved-state.ts';
import type { TreeModelState } from './saved-state.ts';

interface Fitted {
  readonly trees: readonly FlatTree[];
  readonly nFeatures: number;
  readonly nClasses: number;
}

function notFitted(type: string): AutoMLError {
  return new AutoMLError('NOT_FITTED', `${type} model used before fit`);
}

/** Restores fitted trees into a freshly constructed model, checking they match its params. */
function checkRestored(type: string, settings: EnsembleSettings, state: TreeModelState): Fitted {
  if (state.trees.length !== settings.nTrees) {
    throw new AutoMLError('BAD_MODEL_FILE', `model state: ${type} has ${state.trees.length} trees, params say ${settings.nTrees}`);
  }
  return { trees: state.trees, nFeatures: state.nFeatures, nClasses: state.nClasses };
}

export abstract class TreeClassifierModel implements Classifier {
  readonly task = 'classification';
  private fitted: Fitted | null = null;

  protected abstract readonly modelType: string;
  /** The hyperparameters as saved. */
  protected abstract readonly savedParams: object;
  protected abstract settings(): EnsembleSettings & { readonly criterion: ClassificationCriterion };

  fit(x: FeatureMatrix, y: Int32Array, nClasses: number, sampleWeight?: Float64Array, observer?: FitObserver): void {
    const weights = checkTrainingInput(x, y.length, sampleWeight);
    checkClassTargets(y, nClasses);
    const settings = this.settings();
    const afterTree = treeObserverFor(observer, settings.nTrees, (trees) => (rows) => ({ kind: 'classification', proba: predictClassProbabilities(trees, rows, nClasses) }));
    const trees = fitTrees(x, { kind: 'classification', y, nClasses, criterion: settings.criterion }, weights, settings, afterTree);
    this.fitted = { trees, nFeatures: x.columns.length, nClasses };
  }

  predictProba(x: FeatureMatrix): ProbabilityMatrix {
    const fitted = this.requireFitted();
    checkFeatures(x, fitted.nFeatures, true);
    return predictClassProbabilities(fitted.trees, x, fitted.nClasses);
  }

  /** The fitted trees (read-only), e.g. for inspection and tests. */
  get trees(): readonly FlatTree[] {
    return this.requireFitted().trees;
  }

  toJSON(): SavedModel {
    const fitted = this.requireFitted();
    const state = writeTreeState({ task: 'classification', seed: this.settings().seed, params: paramsToJson(this.savedParams), ...fitted });
    return { type: this.modelType, state };
  }

  protected restore(state: TreeModelState): void {
    this.fitted = checkRestored(this.modelType, this.settings(), state);
  }

  private requireFitted(): Fitted {
    if (this.fitted === null) throw notFitted(this.modelType);
    return this.fitted;
  }
}

export abstract class TreeRegressorModel implements Regressor {
  readonly task = 'regression';
  private fitted: Fitted | null = null;

  protected abstract readonly modelType: string;
  protected abstract readonly savedParams: object;
  protected abstract settings(): EnsembleSettings;

  fit(x: FeatureMatrix, y: Float64Array, sampleWeight?: Float64Array, observer?: FitObserver): void {
    const weights = checkTrainingInput(x, y.length, sampleWeight);
    checkRegressionTargets(y);
    const settings = this.settings();
    const afterTree = treeObserverFor(observer, settings.nTrees, (trees) => (rows) => ({ kind: 'regression', values: predictRegressionMean(trees, rows) }));
    const trees = fitTrees(x, { kind: 'regression', y }, weights, settings, afterTree);
    this.fitted = { trees, nFeatures: x.columns.length, nClasses: 1 };
  }

  /** Mean of the trees' predictions. */
  predict(x: FeatureMatrix): Float64Array {
    return predictRegressionMean(this.checkedTrees(x), x);
  }

  /** One prediction array per tree, in tree order. */
  predictPerTree(x: FeatureMatrix): Float64Array[] {
    return predictPerTree(this.checkedTrees(x), x);
  }

  /** Mean over trees (equal to `predict`) and population variance across trees, per row. */
  predictMeanVariance(x: FeatureMatrix): { mean: Float64Array; variance: Float64Array } {
    return predictMeanVariance(this.checkedTrees(x), x);
  }

  get trees(): readonly FlatTree[] {
    return this.requireFitted().trees;
  }

  toJSON(): SavedModel {
    const fitted = this.requireFitted();
    const state = writeTreeState({ task: 'regression', seed: this.settings().seed, params: paramsToJson(this.savedParams), ...fitted });
    return { type: this.modelType, state };
  }

  protected restore(state: TreeModelState): void {
    this.fitted = checkRestored(this.modelType, this.settings(), state);
  }

  private checkedTrees(x: FeatureMatrix): readonly FlatTree[] {
    const fitted = this.requireFitted();
    checkFeatures(x, fitted.nFeatures, true);
    return fitted.trees;
  }

  private requireFitted(): Fitted {
    if (this.fitted === null) throw notFitted(this.modelType);
    return this.fitted;
  }
}
