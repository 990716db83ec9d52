/**
 * Logistic regression: the sigmoid model for two classes, the multinomial softmax model for
 * more.
 *
 * Objective (scikit-learn's convention), with sample weights s_i and W the coefficients:
 *
 *     C · Σ_i s_i · logloss_i  +  (1 − ρ)/2 · ‖W‖²  +  ρ · ‖W‖₁
 *
 * where ρ = 0 for penalty 'l2', 1 for 'l1' and l1_ratio for 'elasticnet'. The intercepts are
 * not penalised. The solver minimises the same objective divided by C·Σs_i (a weighted mean
 * log-loss plus penalty/(C·Σs_i)), which has the same minimiser; `tol` applies to the
 * largest gradient component of that scaled objective in the solver's preconditioned
 * coordinates (see preconditioner.ts), so it means the same thing whatever the units.
 *
 * Solver: L-BFGS for 'l2'; OWL-QN (its orthant-wise extension) for 'l1' and 'elasticnet', which
 * keeps the quasi-Newton curvature memory (fast on the ill-conditioned problems weak
 * regularisation produces) and yields exact zeros.
 */
import type { Classifier, SavedModel } from '../../model.ts';
import type { FeatureMatrix, ProbabilityMatrix } from '../../matrix.ts';
import type { JsonObject } from '../../../util/json.ts';
import { encodeFloats } from '../../../util/json.ts';
import { AutoMLError } from '../../../util/errors.ts';
import { checkClassLabels, checkFeatures, checkHasRows, normaliseWeights } from './validate.ts';
import { checkCommonParams, isPenalty, l1Share, requireOption } from './params.ts';
import type { Penalty } from './params.ts';
import { buildPreconditioner, precondition } from './preconditioner.ts';
import { makeLogisticObjective } from './logistic-loss.ts';
import { minimise } from './owlqn.ts';
import { classProbabilities, outputCount } from './linear-classifier.ts';
import type { LinearClassifierState } from './linear-classifier.ts';
import {
  badModelFile, readBoolean, readFiniteFloats, readInteger, readNumber, readObject, readString, rebuildOrThrow,
} from './state.ts';

export const LOGISTIC_REGRESSION_TYPE = 'logistic_regression';

export interface LogisticRegressionParams {
  readonly penalty: Penalty;
  /** Inverse regularisation strength (> 0): larger C, weaker penalty. */
  readonly C: number;
  /** Share of L1 in the 'elasticnet' penalty, in [0, 1]; ignored otherwise. */
  readonly l1_ratio: number;
  readonly fit_intercept: boolean;
  /** Maximum number of solver iterations. */
  readonly max_iter: number;
  readonly tol: number;
}

export const LOGISTIC_REGRESSION_DEFAULTS: LogisticRegressionParams = Object.freeze({
  penalty: 'l2',
  C: 1,
  l1_ratio: 0.5,
  fit_intercept: true,
  max_iter: 200,
  tol: 1e-4,
});

/**
 * Probability given to a class absent from the training labels: small, but not zero, so that
 * log-loss stays finite. Also used to start the solver from the class prior.
 */
const ABSENT_CLASS_PROBABILITY = 1e-6;

export class LogisticRegression implements Classifier {
  readonly task = 'classification' as const;
  readonly params: LogisticRegressionParams;
  private state: LinearClassifierState | undefined;
  private fitIterations = 0;
  private fitConverged = false;

  constructor(params: Partial<LogisticRegressionParams> = {}) {
    const merged = { ...LOGISTIC_REGRESSION_DEFAULTS, ...params };
    checkCommonParams(LOGISTIC_REGRESSION_TYPE, merged);
    requireOption(merged.C > 0 && Number.isFinite(merged.C), LOGISTIC_REGRESSION_TYPE, 'C', merged.C, 'a finite number > 0');
    this.params = Object.freeze(merged);
  }

  /** Solver iterations of the last fit (0 when the data allowed only the prior). */
  get iterations(): number {
    return this.fitIterations;
  }

  /** Whether the last fit met `tol` before `max_iter`. */
  get converged(): boolean {
    return this.fitConverged;
  }

  /** Fitted coefficients on the raw features: coef[k·nFeatures + j], one row per output. */
  get coefficients(): Readonly<LinearClassifierState> {
    return this.fittedState();
  }

  fit(x: FeatureMatrix, y: Int32Array, nClasses: number, sampleWeight?: Float64Array): void {
    const what = `${LOGISTIC_REGRESSION_TYPE}.fit`;
    checkFeatures(x, what);
    checkHasRows(x, what);
    checkClassLabels(y, x.nRows, nClasses, what);
    const { weights, total } = normaliseWeights(x.nRows, sampleWeight, what);
    const d = x.columns.length;
    const nOutputs = outputCount(nClasses);
    const prior = classPrior(y, weights, nClasses);

    const startIntercepts = priorScores(prior, nOutputs);
    let presentClasses = 0;
    for (const p of prior) if (p > 0) presentClasses++;
    if (presentClasses < 2) {
      // Nothing separates the rows: the best model is the prior itself, intercept or not.
      this.state = { nClasses, nFeatures: d, coef: new Float64Array(nOutputs * d), intercept: startIntercepts };
      this.fitIterations = 0;
      this.fitConverged = true;
      return;
    }

    const { penalty, C, l1_ratio: l1Ratio, fit_intercept: fitIntercept, max_iter: maxIter, tol } = this.params;
    const share = l1Share(penalty, l1Ratio);
    const l2Strength = (1 - share) / (C * total);
    const l1Strength = share / (C * total);
    const pre = buildPreconditioner(x, weights, fitIntercept, l2Strength);
    const stride = d + 1;
    const theta = new Float64Array(nOutputs * stride);
    const l2 = new Float64Array(theta.length);
    const l1 = new Float64Array(theta.length);
    for (let k = 0; k < nOutputs; k++) {
      if (fitIntercept) theta[k * stride + d] = startIntercepts[k]!;
      for (let j = 0; j < d; j++) {
        // W_kj = W̃_kj · scale_j, so the penalties on W read as these weights on W̃.
        const scale = pre.scales[j]!;
        l2[k * stride + j] = l2Strength * scale * scale;
        l1[k * stride + j] = l1Strength * scale;
      }
    }
    const objective = makeLogisticObjective({
      columns: precondition(x, pre), nRows: x.nRows, labels: y, weights, nOutputs, fitIntercept, l2,
    });
    const result = minimise(objective, theta, { maxIter, tol, ...(share > 0 ? { l1 } : {}) });

    const coef = new Float64Array(nOutputs * d);
    const intercept = new Float64Array(nOutputs);
    for (let k = 0; k < nOutputs; k++) {
      let shift = 0;
      for (let j = 0; j < d; j++) {
        const c = theta[k * stride + j]! * pre.scales[j]!;
        coef[k * d + j] = c;
        shift += c * pre.centers[j]!;
      }
      intercept[k] = theta[k * stride + d]! - shift;
    }
    this.state = { nClasses, nFeatures: d, coef, intercept };
    this.fitIterations = result.iterations;
    this.fitConverged = result.converged;
  }

  predictProba(x: FeatureMatrix): ProbabilityMatrix {
    const state = this.fittedState();
    checkFeatures(x, `${LOGISTIC_REGRESSION_TYPE}.predictProba`, state.nFeatures);
    return classProbabilities(x, state);
  }

  toJSON(): SavedModel {
    const { nClasses, nFeatures, coef, intercept } = this.fittedState();
    return {
      type: LOGISTIC_REGRESSION_TYPE,
      state: {
        params: { ...this.params },
        nClasses,
        nFeatures,
        coef: encodeFloats(coef),
        intercept: encodeFloats(intercept),
      },
    };
  }

  static fromJSON(state: JsonObject): LogisticRegression {
    const model = LOGISTIC_REGRESSION_TYPE;
    const saved = readObject(state, 'params', model);
    const penalty = readString(saved, 'penalty', model);
    if (!isPenalty(penalty)) throw badModelFile(model, `unknown penalty "${penalty}"`);
    const instance = rebuildOrThrow(model, () => new LogisticRegression({
      penalty,
      C: readNumber(saved, 'C', model),
      l1_ratio: readNumber(saved, 'l1_ratio', model),
      fit_intercept: readBoolean(saved, 'fit_intercept', model),
      max_iter: readInteger(saved, 'max_iter', model, 1),
      tol: readNumber(saved, 'tol', model),
    }));
    const nClasses = readInteger(state, 'nClasses', model, 1);
    const nFeatures = readInteger(state, 'nFeatures', model, 0);
    const nOutputs = outputCount(nClasses);
    instance.state = {
      nClasses,
      nFeatures,
      coef: readFiniteFloats(state, 'coef', model, nOutputs * nFeatures),
      intercept: readFiniteFloats(state, 'intercept', model, nOutputs),
    };
    return instance;
  }

  private fittedState(): LinearClassifierState {
    if (this.state === undefined) throw new AutoMLError('NOT_FITTED', `${LOGISTIC_REGRESSION_TYPE}: call fit() first`);
    return this.state;
  }
}

/** Weighted share of each class (weights sum to one). */
function classPrior(y: Int32Array, weights: Float64Array, nClasses: number): Float64Array {
  const prior = new Float64Array(nClasses);
  for (let i = 0; i < y.length; i++) prior[y[i]!] = prior[y[i]!]! + weights[i]!;
  return prior;
}

/** Intercepts under which the model predicts the prior (absent classes get a small floor). */
function priorScores(prior: Float64Array, nOutputs: number): Float64Array {
  const clipped = Array.from(prior, (p) => Math.min(Math.max(p, ABSENT_CLASS_PROBABILITY), 1 - ABSENT_CLASS_PROBABILITY));
  if (nOutputs === 1 && prior.length === 2) return Float64Array.of(Math.log(clipped[1]! / clipped[0]!));
  return Float64Array.from(clipped, (p) => Math.log(p));
}
