/**
 * Kernel support-vector machines through libsvm: C-SVC with Platt-calibrated probabilities for
 * classification, ε-SVR for regression. The fitted state is libsvm's own model text (support
 * vectors, coefficients, calibration), and every prediction, right after fitting or after
 * loading, runs on the model parsed back from that text, so both agree exactly.
 *
 * Weights: libsvm has per-class cost weights but no per-row weights. A classifier turns sample
 * weights into per-class weights (each class's mean sample weight, which is exactly what class
 * balancing produces) and passes them to libsvm as costs. libsvm's probability calibration then
 * fits the unweighted class frequencies again, so the calibrated probabilities are shifted by the
 * same class weights (p_k ∝ w_k · p_k), as weighted training of a probabilistic model would give;
 * a regressor with unequal weights trains on a seeded draw of rows with probability
 * proportional to weight. A regressor standardises its target (restored at prediction), so that
 * ε and C keep their meaning whatever the target's units.
 */
import type { Classifier, Regressor, SavedModel } from '../../model.ts';
import type { FeatureMatrix, ProbabilityMatrix } from '../../matrix.ts';
import { AutoMLError, errorMessage } from '../../../util/errors.ts';
import type { JsonObject } from '../../../util/json.ts';
import { Rng } from '../../../util/rng.ts';
import { checkClassLabels, checkFeatures, checkHasRows, checkSampleWeights, checkTargets } from '../input-checks.ts';
import { freshLibsvm, predictingLibsvm, resetPredictingLibsvm, type LibsvmClass, type LibsvmModel } from './libsvm-instance.ts';
import { resolveSvmParams, svmParamsFromJson, svmParamsToJson, type SvmKernel, type SvmParams } from './params.ts';
import { rowsOf } from './training-set.ts';
import { rowSubset, uniform, weightedDraw } from '../row-sampling.ts';

export const SVM_TYPE = 'svm';

const KERNEL_KEYS: Readonly<Record<SvmKernel, 'RBF' | 'POLYNOMIAL' | 'SIGMOID' | 'LINEAR'>> = { rbf: 'RBF', poly: 'POLYNOMIAL', sigmoid: 'SIGMOID', linear: 'LINEAR' };

function libsvmOptions(SVM: LibsvmClass, p: SvmParams, classification: boolean, classWeights?: Record<string, number>): Record<string, unknown> {
  return {
    type: classification ? SVM.SVM_TYPES.C_SVC : SVM.SVM_TYPES.EPSILON_SVR,
    kernel: SVM.KERNEL_TYPES[KERNEL_KEYS[p.kernel]],
    gamma: p.gamma,
    degree: p.degree,
    coef0: p.coef0,
    cost: p.C,
    epsilon: p.epsilon,
    tolerance: p.tol,
    cacheSize: 200,
    shrinking: true,
    probabilityEstimates: classification,
    quiet: true,
    ...(classWeights === undefined ? {} : { weight: classWeights }),
  };
}

function train(p: SvmParams, classification: boolean, samples: Float64Array[], labels: number[], classWeights?: Record<string, number>): string {
  const SVM = freshLibsvm();
  let model: LibsvmModel | undefined;
  try {
    model = new SVM(libsvmOptions(SVM, p, classification, classWeights));
    model.train(samples, labels);
    return model.serializeModel();
  } catch (error) {
    throw new AutoMLError('INTERNAL', `svm: libsvm failed to train: ${errorMessage(error)}`, { cause: error });
  } finally {
    try {
      model?.free();
    } catch {
      /* the instance is discarded anyway */
    }
  }
}

/** Runs `use` on the saved model text parsed by this thread's predicting instance. */
function withLoaded<T>(text: string, use: (model: LibsvmModel) => T): T {
  let model: LibsvmModel | undefined;
  try {
    model = predictingLibsvm().load(text);
    return use(model);
  } catch (error) {
    // A failure may leave the instance broken: the next prediction starts a fresh one.
    resetPredictingLibsvm();
    model = undefined;
    if (error instanceof AutoMLError) throw error;
    throw new AutoMLError('INTERNAL', `svm: libsvm failed to predict: ${errorMessage(error)}`, { cause: error });
  } finally {
    model?.free();
  }
}

function checkModelText(state: JsonObject, svmType: string): string {
  const text = state['model'];
  if (typeof text !== 'string' || !text.startsWith(`svm_type ${svmType}\n`)) {
    throw new AutoMLError('BAD_MODEL_FILE', `svm: state.model must be libsvm model text of type ${svmType}`);
  }
  return text;
}

function notFitted(): AutoMLError {
  return new AutoMLError('NOT_FITTED', 'svm: the model is not fitted');
}

function checkInput(x: FeatureMatrix, sampleWeight: Float64Array | undefined): void {
  checkHasRows(x, 'svm');
  checkFeatures(x, 'svm');
  if (x.columns.length === 0) throw new AutoMLError('DEGENERATE_INPUT', 'svm: cannot fit on 0 features');
  if (sampleWeight !== undefined) checkSampleWeights(x.nRows, sampleWeight, 'svm');
}

interface FittedClassifier {
  readonly nClasses: number;
  readonly nFeatures: number;
  /** libsvm model text, or null when training saw a single class (which then gets probability 1). */
  readonly model: string | null;
  readonly onlyClass: number;
  readonly trainedRows: number;
  /** Per-class weight applied to the calibrated probabilities, or null for equal weights. */
  readonly classWeights: readonly number[] | null;
}

export class SvmClassifier implements Classifier {
  readonly task = 'classification' as const;
  readonly params: SvmParams;
  private fitted: FittedClassifier | null = null;

  constructor(params: Partial<SvmParams> = {}) {
    this.params = resolveSvmParams(params);
  }

  fit(x: FeatureMatrix, y: Int32Array, nClasses: number, sampleWeight?: Float64Array): void {
    checkInput(x, sampleWeight);
    checkClassLabels(y, x.nRows, nClasses, 'svm');
    const rows = rowSubset(x.nRows, this.params.maxTrainingRows, new Rng(this.params.seed));
    const labels = Array.from(rows, (r) => y[r]!);
    const present = [...new Set(labels)].sort((a, b) => a - b);
    const base = { nClasses, nFeatures: x.columns.length, trainedRows: rows.length, classWeights: null };
    if (present.length < 2) {
      this.fitted = { ...base, model: null, onlyClass: present[0] ?? 0 };
      return;
    }
    let classWeights: Record<string, number> | undefined;
    if (!uniform(sampleWeight) && sampleWeight !== undefined) {
      const sums = new Float64Array(nClasses);
      const counts = new Float64Array(nClasses);
      for (const r of rows) {
        sums[y[r]!] += sampleWeight[r]!;
        counts[y[r]!]++;
      }
      classWeights = {};
      for (const k of present) classWeights[String(k)] = counts[k]! > 0 ? sums[k]! / counts[k]! : 1;
    }
    const model = train(this.params, true, rowsOf(x, rows), labels, classWeights);
    const shift = classWeights === undefined ? null : Array.from({ length: nClasses }, (_, k) => classWeights[String(k)] ?? 0);
    this.fitted = { ...base, model, onlyClass: -1, classWeights: shift };
  }

  predictProba(x: FeatureMatrix): ProbabilityMatrix {
    const fitted = this.fitted;
    if (fitted === null) throw notFitted();
    checkFeatures(x, 'svm', fitted.nFeatures);
    const { nClasses } = fitted;
    const data = new Float64Array(x.nRows * nClasses);
    if (fitted.model === null) {
      for (let i = 0; i < x.nRows; i++) data[i * nClasses + fitted.onlyClass] = 1;
      return { nRows: x.nRows, nClasses, data };
    }
    withLoaded(fitted.model, (model) => {
      const row = new Float64Array(fitted.nFeatures);
      for (let i = 0; i < x.nRows; i++) {
        for (let j = 0; j < fitted.nFeatures; j++) row[j] = x.columns[j]![i]!;
        const { estimates } = model.predictOneProbability(row);
        const weights = fitted.classWeights;
        let sum = 0;
        for (const e of estimates) sum += weights === null ? e.probability : e.probability * weights[e.label]!;
        // Classes absent from the training rows keep probability 0.
        for (const e of estimates) data[i * nClasses + e.label] = (weights === null ? e.probability : e.probability * weights[e.label]!) / sum;
      }
    });
    return { nRows: x.nRows, nClasses, data };
  }

  toJSON(): SavedModel {
    const f = this.fitted;
    if (f === null) throw notFitted();
    return { type: SVM_TYPE, state: {
        task: this.task,
        params: svmParamsToJson(this.params),
        nClasses: f.nClasses,
        nFeatures: f.nFeatures,
        onlyClass: f.onlyClass,
        trainedRows: f.trainedRows,
        classWeights: f.classWeights === null ? null : [...f.classWeights],
        model: f.model,
      },
    };
  }

  static fromJSON(state: JsonObject): SvmClassifier {
    const m = new SvmClassifier(svmParamsFromJson(state['params']));
    const { nClasses, nFeatures, onlyClass, trainedRows } = state;
    if (typeof nClasses !== 'number' || nClasses < 1 || typeof nFeatures !== 'number' || typeof onlyClass !== 'number' || typeof trainedRows !== 'number') {
      throw new AutoMLError('BAD_MODEL_FILE', 'svm: state lacks nClasses, nFeatures, onlyClass or trainedRows');
    }
    const model = state['model'] === null ? null : checkModelText(state, 'c_svc');
    if (model === null && !(onlyClass >= 0 && onlyClass < nClasses)) throw new AutoMLError('BAD_MODEL_FILE', 'svm: onlyClass out of range');
    if (model !== null) {
      const labels = /\nlabel ([^\n]*)\n/.exec(model)?.[1]?.split(' ').map(Number) ?? [];
      if (labels.length < 2 || !labels.every((l) => Number.isInteger(l) && l >= 0 && l < nClasses)) throw new AutoMLError('BAD_MODEL_FILE', 'svm: model labels do not match nClasses');
    }
    const weights = state['classWeights'];
    let classWeights: number[] | null = null;
    if (weights !== null && weights !== undefined) {
      if (!Array.isArray(weights) || weights.length !== nClasses || !weights.every((w) => typeof w === 'number' && w >= 0 && Number.isFinite(w))) {
        throw new AutoMLError('BAD_MODEL_FILE', 'svm: state.classWeights must be one non-negative number per class');
      }
      classWeights = weights as number[];
    }
    m.fitted = { nClasses, nFeatures, onlyClass, trainedRows, model, classWeights };
    return m;
  }
}

export class SvmRegressor implements Regressor {
  readonly task = 'regression' as const;
  readonly params: SvmParams;
  /** The target is standardised before training, so ε and C mean the same at any target scale. */
  private fitted: { model: string; nFeatures: number; trainedRows: number; targetMean: number; targetScale: number } | null = null;

  constructor(params: Partial<SvmParams> = {}) {
    this.params = resolveSvmParams(params);
  }

  fit(x: FeatureMatrix, y: Float64Array, sampleWeight?: Float64Array): void {
    checkInput(x, sampleWeight);
    checkTargets(y, x.nRows, 'svm');
    const rng = new Rng(this.params.seed);
    const size = Math.min(x.nRows, this.params.maxTrainingRows);
    const rows = sampleWeight !== undefined && !uniform(sampleWeight) ? weightedDraw(sampleWeight, size, rng) : rowSubset(x.nRows, size, rng);
    let mean = 0;
    for (const r of rows) mean += y[r]!;
    mean /= rows.length;
    let variance = 0;
    for (const r of rows) variance += (y[r]! - mean) ** 2;
    const sd = Math.sqrt(variance / rows.length);
    const scale = sd > 0 && Number.isFinite(sd) ? sd : 1;
    const model = train(this.params, false, rowsOf(x, rows), Array.from(rows, (r) => (y[r]! - mean) / scale));
    this.fitted = { model, nFeatures: x.columns.length, trainedRows: rows.length, targetMean: mean, targetScale: scale };
  }

  predict(x: FeatureMatrix): Float64Array {
    const fitted = this.fitted;
    if (fitted === null) throw notFitted();
    checkFeatures(x, 'svm', fitted.nFeatures);
    const out = new Float64Array(x.nRows);
    withLoaded(fitted.model, (model) => {
      const row = new Float64Array(fitted.nFeatures);
      for (let i = 0; i < x.nRows; i++) {
        for (let j = 0; j < fitted.nFeatures; j++) row[j] = x.columns[j]![i]!;
        out[i] = fitted.targetMean + fitted.targetScale * model.predictOne(row);
      }
    });
    return out;
  }

  toJSON(): SavedModel {
    const f = this.fitted;
    if (f === null) throw notFitted();
    return {
      type: SVM_TYPE,
      state: { task: this.task, params: svmParamsToJson(this.params), nFeatures: f.nFeatures, trainedRows: f.trainedRows, targetMean: f.targetMean, targetScale: f.targetScale, model: f.model },
    };
  }

  static fromJSON(state: JsonObject): SvmRegressor {
    const m = new SvmRegressor(svmParamsFromJson(state['params']));
    const { nFeatures, trainedRows, targetMean, targetScale } = state;
    if (typeof nFeatures !== 'number' || typeof trainedRows !== 'number' || typeof targetMean !== 'number' || typeof targetScale !== 'number' || !(targetScale > 0)) {
      throw new AutoMLError('BAD_MODEL_FILE', 'svm: state lacks nFeatures, trainedRows or the target standardisation');
    }
    m.fitted = { model: checkModelText(state, 'epsilon_svr'), nFeatures, trainedRows, targetMean, targetScale };
    return m;
  }
}

export function loadSvm(state: JsonObject): SvmClassifier | SvmRegressor {
  if (state['task'] === 'classification') return SvmClassifier.fromJSON(state);
  if (state['task'] === 'regression') return SvmRegressor.fromJSON(state);
  throw new AutoMLError('BAD_MODEL_FILE', 'svm: state.task must be "classification" or "regression"');
}
