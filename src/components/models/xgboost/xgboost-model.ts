/**
 * XGBoost for classification (binary logistic, or softmax over K classes) and regression
 * (squared error). The engine trains; prediction always runs on the plain trees in TypeScript,
 * so the saved model is self-contained JSON that loads and predicts without any XGBoost engine,
 * and predictions before and after saving are identical. The state records which engine ran.
 */
import type { Classifier, Regressor, SavedModel } from '../../model.ts';
import type { FeatureMatrix, ProbabilityMatrix } from '../../matrix.ts';
import { AutoMLError } from '../../../util/errors.ts';
import { isJsonObject, type JsonObject } from '../../../util/json.ts';
import { checkClassLabels, checkFeatures, checkTargets } from '../input-checks.ts';
import { checkXgboostInput, fitTrees, weightedMean, type EngineRecord, type FittedTrees } from './fit-trees.ts';
import { resolveXgboostParams, xgboostParamsFromJson, xgboostParamsToJson, type XgboostParams } from './params.ts';
import { predictMargins, treesFromJson, treesToJson, type BoostedTrees } from './trees.ts';
import type { FitObserver } from '../../fit-observer.ts';
import { roundObserverFor } from './checkpoints.ts';

export const XGBOOST_TYPE = 'xgboost';

function engineToJson(engine: EngineRecord): JsonObject {
  return { name: engine.name, version: engine.version, trainedRows: engine.trainedRows };
}

function engineFromJson(value: unknown): EngineRecord {
  if (!isJsonObject(value) || (value['name'] !== 'native' && value['name'] !== 'wasm' && value['name'] !== 'none') || typeof value['version'] !== 'string' || typeof value['trainedRows'] !== 'number') {
    throw new AutoMLError('BAD_MODEL_FILE', 'xgboost: state.engine must name the engine, its version and the rows trained on');
  }
  return { name: value['name'], version: value['version'], trainedRows: value['trainedRows'] };
}

function treesState(state: JsonObject, nGroups: number, nFeatures: number): FittedTrees {
  const trees = isJsonObject(state['trees']) ? treesFromJson(state['trees']) : undefined;
  if (trees === undefined) throw new AutoMLError('BAD_MODEL_FILE', 'xgboost: state.trees must be an object');
  if (trees.nGroups !== nGroups || trees.nFeatures !== nFeatures) throw new AutoMLError('BAD_MODEL_FILE', 'xgboost: trees do not match the model shape');
  return { trees, engine: engineFromJson(state['engine']) };
}

function notFitted(): AutoMLError {
  return new AutoMLError('NOT_FITTED', 'xgboost: the model is not fitted');
}

/** Clamp for a logistic base score, which must lie strictly inside (0, 1). */
const PRIOR_EPS = 1e-6;

export class XgboostClassifier implements Classifier {
  readonly task = 'classification' as const;
  readonly params: XgboostParams;
  private fitted: (FittedTrees & { nClasses: number }) | null = null;

  constructor(params: Partial<XgboostParams> = {}) {
    this.params = resolveXgboostParams(params);
  }

  /** The engine that trained this model, once fitted. */
  get engine(): EngineRecord | undefined {
    return this.fitted?.engine;
  }

  fit(x: FeatureMatrix, y: Int32Array, nClasses: number, sampleWeight?: Float64Array, observer?: FitObserver): void {
    checkXgboostInput(x, 'xgboost', sampleWeight);
    checkClassLabels(y, x.nRows, nClasses, 'xgboost');
    if (nClasses === 1) {
      // One possible class: every probability is 1; no engine is needed.
      const constant = { nFeatures: x.columns.length, nGroups: 1, baseMargin: 0, treeStart: Int32Array.of(0), treeGroup: new Int32Array(0), left: new Int32Array(0), right: new Int32Array(0), feature: new Int32Array(0), value: new Float64Array(0), defaultLeft: new Uint8Array(0) };
      this.fitted = { trees: constant, engine: { name: 'none', version: '', trainedRows: x.nRows }, nClasses };
      return;
    }
    const binary = nClasses === 2;
    const prior = Math.min(1 - PRIOR_EPS, Math.max(PRIOR_EPS, weightedMean(y, sampleWeight)));
    const fitted = fitTrees(x, y, sampleWeight, this.params, {
      objective: binary ? 'binary:logistic' : 'multi:softprob',
      nClasses,
      nGroups: binary ? 1 : nClasses,
      baseScore: binary ? prior : 0.5,
    }, roundObserverFor(observer, this.params.n_estimators, (trees) => (rows) => ({ kind: 'classification', proba: probabilitiesOf(trees, rows, nClasses) })));
    this.fitted = { ...fitted, nClasses };
  }

  predictProba(x: FeatureMatrix): ProbabilityMatrix {
    const fitted = this.fitted;
    if (fitted === null) throw notFitted();
    checkFeatures(x, 'xgboost', fitted.trees.nFeatures);
    return probabilitiesOf(fitted.trees, x, fitted.nClasses);
  }

  toJSON(): SavedModel {
    const fitted = this.fitted;
    if (fitted === null) throw notFitted();
    return {
      type: XGBOOST_TYPE,
      state: { task: this.task, nClasses: fitted.nClasses, params: xgboostParamsToJson(this.params), engine: engineToJson(fitted.engine), trees: treesToJson(fitted.trees) },
    };
  }

  static fromJSON(state: JsonObject): XgboostClassifier {
    const nClasses = state['nClasses'];
    if (typeof nClasses !== 'number' || !Number.isInteger(nClasses) || nClasses < 1) throw new AutoMLError('BAD_MODEL_FILE', 'xgboost: state.nClasses must be a positive integer');
    const model = new XgboostClassifier(xgboostParamsFromJson(state['params']));
    const trees = isJsonObject(state['trees']) && typeof state['trees']['nFeatures'] === 'number' ? state['trees']['nFeatures'] : -1;
    model.fitted = { ...treesState(state, nClasses > 2 ? nClasses : 1, trees), nClasses };
    return model;
  }
}

export class XgboostRegressor implements Regressor {
  readonly task = 'regression' as const;
  readonly params: XgboostParams;
  private fitted: FittedTrees | null = null;

  constructor(params: Partial<XgboostParams> = {}) {
    this.params = resolveXgboostParams(params);
  }

  get engine(): EngineRecord | undefined {
    return this.fitted?.engine;
  }

  fit(x: FeatureMatrix, y: Float64Array, sampleWeight?: Float64Array, observer?: FitObserver): void {
    checkXgboostInput(x, 'xgboost', sampleWeight);
    checkTargets(y, x.nRows, 'xgboost');
    const afterRound = roundObserverFor(observer, this.params.n_estimators, (trees) => (rows) => ({ kind: 'regression', values: predictMargins(trees, rows) }));
    this.fitted = fitTrees(x, y, sampleWeight, this.params, { objective: 'reg:squarederror', nClasses: 1, nGroups: 1, baseScore: weightedMean(y, sampleWeight) }, afterRound);
  }

  predict(x: FeatureMatrix): Float64Array {
    const fitted = this.fitted;
    if (fitted === null) throw notFitted();
    checkFeatures(x, 'xgboost', fitted.trees.nFeatures);
    return predictMargins(fitted.trees, x);
  }

  toJSON(): SavedModel {
    const fitted = this.fitted;
    if (fitted === null) throw notFitted();
    return { type: XGBOOST_TYPE, state: { task: this.task, params: xgboostParamsToJson(this.params), engine: engineToJson(fitted.engine), trees: treesToJson(fitted.trees) } };
  }

  static fromJSON(state: JsonObject): XgboostRegressor {
    const model = new XgboostRegressor(xgboostParamsFromJson(state['params']));
    const trees = isJsonObject(state['trees']) && typeof state['trees']['nFeatures'] === 'number' ? state['trees']['nFeatures'] : -1;
    model.fitted = treesState(state, 1, trees);
    return model;
  }
}

/** Class probabilities from the trees' margins: all ones for one class, sigmoid for two, softmax for more. */
function probabilitiesOf(trees: BoostedTrees, x: FeatureMatrix, nClasses: number): ProbabilityMatrix {
  const data = new Float64Array(x.nRows * nClasses);
  if (nClasses === 1) return { nRows: x.nRows, nClasses, data: data.fill(1) };
  const margins = predictMargins(trees, x);
  if (nClasses === 2) {
    for (let i = 0; i < x.nRows; i++) {
      const p = 1 / (1 + Math.exp(-margins[i]!));
      data[2 * i] = 1 - p;
      data[2 * i + 1] = p;
    }
  } else {
    for (let i = 0; i < x.nRows; i++) {
      const base = i * nClasses;
      let max = -Infinity;
      for (let k = 0; k < nClasses; k++) max = Math.max(max, margins[base + k]!);
      let sum = 0;
      for (let k = 0; k < nClasses; k++) sum += data[base + k] = Math.exp(margins[base + k]! - max);
      for (let k = 0; k < nClasses; k++) data[base + k]! /= sum;
    }
  }
  return { nRows: x.nRows, nClasses, data };
}

export function loadXgboost(state: JsonObject): XgboostClassifier | XgboostRegressor {
  if (state['task'] === 'classification') return XgboostClassifier.fromJSON(state);
  if (state['task'] === 'regression') return XgboostRegressor.fromJSON(state);
  throw new AutoMLError('BAD_MODEL_FILE', 'xgboost: state.task must be "classification" or "regression"');
}
