/** Histogram gradient-boosted trees for regression (squared error, one tree per round). */
import type { Regressor, SavedModel } from '../../model.ts';
import type { FeatureMatrix } from '../../matrix.ts';
import { AutoMLError } from '../../../util/errors.ts';
import type { JsonObject } from '../../../util/json.ts';
import type { FitObserver } from '../../fit-observer.ts';
import { boost, type BoostedEnsemble } from './booster.ts';
import { roundObserverFor } from './checkpoints.ts';
import { checkFeatures, checkRegressionTarget, checkTrainingRows, checkWeights } from './inputs.ts';
import { squaredError } from './losses.ts';
import { paramsFromJson, paramsToJson, resolveParams, type HistGradientBoostingParams } from './params.ts';
import { ensembleScores } from './predict.ts';
import { ensembleFromJson, ensembleToJson } from './serialize.ts';
import { GRADIENT_BOOSTING_TYPE, readCount } from './state.ts';

interface FittedRegressor {
  readonly ensemble: BoostedEnsemble;
  readonly nFeatures: number;
}

export class HistGradientBoostingRegressor implements Regressor {
  readonly task = 'regression' as const;
  readonly params: HistGradientBoostingParams;
  private fitted: FittedRegressor | null = null;

  constructor(params: Partial<HistGradientBoostingParams> = {}) {
    this.params = resolveParams(params);
  }

  /** Boosting rounds actually kept (fewer than max_iter after early stopping). */
  get nIterations(): number {
    return this.fitted?.ensemble.nIterations ?? 0;
  }

  fit(x: FeatureMatrix, y: Float64Array, sampleWeight?: Float64Array, observer?: FitObserver): void {
    checkTrainingRows(x, y.length);
    checkFeatures(x, null);
    checkRegressionTarget(y);
    const weights = checkWeights(sampleWeight, x.nRows);
    const onRound = roundObserverFor(observer, this.params.max_iter, (soFar) => (rows) => ({ kind: 'regression', values: ensembleScores(soFar, rows) }));
    const ensemble = boost({ x, y, weights, loss: squaredError, nClasses: 0 }, this.params, onRound);
    this.fitted = { ensemble, nFeatures: x.columns.length };
  }

  predict(x: FeatureMatrix): Float64Array {
    const fitted = this.requireFitted();
    checkFeatures(x, fitted.nFeatures);
    return ensembleScores(fitted.ensemble, x);
  }

  toJSON(): SavedModel {
    const fitted = this.requireFitted();
    return {
      type: GRADIENT_BOOSTING_TYPE,
      state: {
        task: this.task,
        nFeatures: fitted.nFeatures,
        params: paramsToJson(this.params),
        ...ensembleToJson(fitted.ensemble),
      },
    };
  }

  static fromJSON(state: JsonObject): HistGradientBoostingRegressor {
    if (state['task'] !== 'regression') {
      throw new AutoMLError('BAD_MODEL_FILE', 'gradient_boosting: state is not a regressor (task must be "regression")');
    }
    const nFeatures = readCount(state, 'nFeatures', 0);
    const model = new HistGradientBoostingRegressor(paramsFromJson(state['params']));
    model.fitted = { ensemble: ensembleFromJson(state, nFeatures, 1), nFeatures };
    return model;
  }

  private requireFitted(): FittedRegressor {
    if (this.fitted === null) throw new AutoMLError('NOT_FITTED', 'gradient_boosting: fit the regressor first');
    return this.fitted;
  }
}
