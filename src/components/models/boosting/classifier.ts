/**
 * Histogram gradient-boosted trees for classification: binary log-loss on one score per row for
 * two classes, softmax cross-entropy with one tree per class per round for more.
 */
import type { Classifier, SavedModel } from '../../model.ts';
import type { FeatureMatrix, ProbabilityMatrix } from '../../matrix.ts';
import { AutoMLError } from '../../../util/errors.ts';
import type { JsonObject } from '../../../util/json.ts';
import type { FitObserver } from '../../fit-observer.ts';
import { boost, type BoostedEnsemble } from './booster.ts';
import { roundObserverFor } from './checkpoints.ts';
import { checkFeatures, checkLabels, checkTrainingRows, checkWeights } from './inputs.ts';
import { binaryLogLoss, multinomialLogLoss } from './losses.ts';
import { paramsFromJson, paramsToJson, resolveParams, type HistGradientBoostingParams } from './params.ts';
import { ensembleScores, scoresToProbabilities } from './predict.ts';
import { ensembleFromJson, ensembleToJson } from './serialize.ts';
import { GRADIENT_BOOSTING_TYPE, readCount } from './state.ts';

interface FittedClassifier {
  readonly ensemble: BoostedEnsemble;
  readonly nClasses: number;
  readonly nFeatures: number;
}

export class HistGradientBoostingClassifier implements Classifier {
  readonly task = 'classification' as const;
  readonly params: HistGradientBoostingParams;
  private fitted: FittedClassifier | null = null;

  constructor(params: Partial<HistGradientBoostingParams> = {}) {
    this.params = resolveParams(params);
  }

  /** Boosting rounds actually kept (fewer than max_iter after early stopping). */
  get nIterations(): number {
    return this.fitted?.ensemble.nIterations ?? 0;
  }

  fit(x: FeatureMatrix, y: Int32Array, nClasses: number, sampleWeight?: Float64Array, observer?: FitObserver): void {
    checkTrainingRows(x, y.length);
    checkFeatures(x, null);
    checkLabels(y, nClasses);
    const weights = checkWeights(sampleWeight, x.nRows);
    const nFeatures = x.columns.length;
    if (nClasses === 1) {
      // one possible class: nothing to learn, every probability is 1
      this.fitted = { ensemble: { baseline: Float64Array.of(0), trees: [], treesPerRound: 1, nIterations: 0 }, nClasses, nFeatures };
      return;
    }
    const loss = nClasses === 2 ? binaryLogLoss : multinomialLogLoss(nClasses);
    const onRound = roundObserverFor(observer, this.params.max_iter, (soFar) => (rows) => ({
      kind: 'classification',
      proba: scoresToProbabilities(ensembleScores(soFar, rows), rows.nRows, nClasses),
    }));
    const ensemble = boost({ x, y: Float64Array.from(y), weights, loss, nClasses }, this.params, onRound);
    this.fitted = { ensemble, nClasses, nFeatures };
  }

  predictProba(x: FeatureMatrix): ProbabilityMatrix {
    const fitted = this.requireFitted();
    checkFeatures(x, fitted.nFeatures);
    return scoresToProbabilities(ensembleScores(fitted.ensemble, x), x.nRows, fitted.nClasses);
  }

  toJSON(): SavedModel {
    const fitted = this.requireFitted();
    return {
      type: GRADIENT_BOOSTING_TYPE,
      state: {
        task: this.task,
        nClasses: fitted.nClasses,
        nFeatures: fitted.nFeatures,
        params: paramsToJson(this.params),
        ...ensembleToJson(fitted.ensemble),
      },
    };
  }

  static fromJSON(state: JsonObject): HistGradientBoostingClassifier {
    if (state['task'] !== 'classification') {
      throw new AutoMLError('BAD_MODEL_FILE', 'gradient_boosting: state is not a classifier (task must be "classification")');
    }
    const nClasses = readCount(state, 'nClasses', 1);
    const nFeatures = readCount(state, 'nFeatures', 0);
    const model = new HistGradientBoostingClassifier(paramsFromJson(state['params']));
    const ensemble = ensembleFromJson(state, nFeatures, nClasses > 2 ? nClasses : 1);
    if (nClasses === 1 && ensemble.trees.length > 0) throw new AutoMLError('BAD_MODEL_FILE', 'gradient_boosting: a one-class model has no trees');
    model.fitted = { ensemble, nClasses, nFeatures };
    return model;
  }

  private requireFitted(): FittedClassifier {
    if (this.fitted === null) throw new AutoMLError('NOT_FITTED', 'gradient_boosting: fit the classifier first');
    return this.fitted;
  }
}
