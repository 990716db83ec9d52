/**
 * Linear regression with an l2 (ridge), l1 (lasso) or elastic-net penalty. Objective, with
 * sample weights s_i and ρ = 0 for 'l2', 1 for 'l1', l1_ratio for 'elasticnet':
 *
 *     1/(2·Σs_i) · Σ_i s_i (y_i − x_i·β − b)²  +  alpha · (ρ‖β‖₁ + (1 − ρ)/2 · ‖β‖²)
 *
 * The intercept b is not penalised. This is scikit-learn's ElasticNet/Lasso objective for
 * every penalty, so one `alpha` means the same thing across them; scikit-learn's Ridge
 * penalises the summed (not mean) squared error, so its alpha equals alpha · Σs_i here.
 *
 * Solvers: when the L1 part is zero (penalty 'l2', l1_ratio 0 or alpha 0) the normal equations
 * are solved in closed form by Cholesky (max_iter and tol unused); otherwise cyclic coordinate
 * descent with a duality-gap stopping rule (max_iter = sweeps, tol relative to Σs_i·y_i²/Σs_i).
 */
import type { Regressor, SavedModel } from '../../model.ts';
import type { FeatureMatrix } from '../../matrix.ts';
import type { JsonObject } from '../../../util/json.ts';
import { encodeFloats } from '../../../util/json.ts';
import { AutoMLError } from '../../../util/errors.ts';
import { checkFeatures, checkHasRows, checkTargets, normaliseWeights } from './validate.ts';
import { checkCommonParams, isPenalty, l1Share, requireOption } from './params.ts';
import type { Penalty } from './params.ts';
import { solveRidge } from './ridge.ts';
import { elasticNetDescent } from './enet-cd.ts';
import { addLinearScores, weightedMean } from './vector.ts';
import {
  badModelFile, readBoolean, readFiniteFloats, readInteger, readNumber, readObject, readString, rebuildOrThrow,
} from './state.ts';

export const LINEAR_REGRESSION_TYPE = 'linear_regression';

export interface LinearRegressionParams {
  readonly penalty: Penalty;
  /** Penalty strength (>= 0) on the mean-squared-error scale described above. */
  readonly alpha: number;
  /** Share of L1 in the 'elasticnet' penalty, in [0, 1]; ignored otherwise. */
  readonly l1_ratio: number;
  readonly fit_intercept: boolean;
  /** Maximum coordinate-descent sweeps (l1 / elasticnet only). */
  readonly max_iter: number;
  readonly tol: number;
}

export const LINEAR_REGRESSION_DEFAULTS: LinearRegressionParams = Object.freeze({
  penalty: 'l2',
  alpha: 0.01,
  l1_ratio: 0.5,
  fit_intercept: true,
  max_iter: 1000,
  tol: 1e-4,
});

interface LinearRegressionState {
  readonly nFeatures: number;
  readonly coef: Float64Array;
  readonly intercept: number;
}

export class LinearRegression implements Regressor {
  readonly task = 'regression' as const;
  readonly params: LinearRegressionParams;
  private state: LinearRegressionState | undefined;
  private fitIterations = 0;
  private fitConverged = false;

  constructor(params: Partial<LinearRegressionParams> = {}) {
    const merged = { ...LINEAR_REGRESSION_DEFAULTS, ...params };
    checkCommonParams(LINEAR_REGRESSION_TYPE, merged);
    requireOption(merged.alpha >= 0 && Number.isFinite(merged.alpha), LINEAR_REGRESSION_TYPE, 'alpha', merged.alpha, 'a finite number >= 0');
    this.params = Object.freeze(merged);
  }

  /** Coordinate-descent sweeps of the last fit (0 for the closed form). */
  get iterations(): number {
    return this.fitIterations;
  }

  /** Whether the last fit met `tol` (always true for the closed form). */
  get converged(): boolean {
    return this.fitConverged;
  }

  /** Fitted coefficients on the raw features. */
  get coefficients(): Readonly<LinearRegressionState> {
    return this.fittedState();
  }

  fit(x: FeatureMatrix, y: Float64Array, sampleWeight?: Float64Array): void {
    const what = `${LINEAR_REGRESSION_TYPE}.fit`;
    checkFeatures(x, what);
    checkHasRows(x, what);
    checkTargets(y, x.nRows, what);
    const { weights } = normaliseWeights(x.nRows, sampleWeight, what);
    const { penalty, alpha, l1_ratio: l1Ratio, fit_intercept: fitIntercept, max_iter: maxIter, tol } = this.params;

    // Centring lets the unpenalised intercept drop out of the solve; it is recovered below.
    const xMeans = Float64Array.from(x.columns, (column) => (fitIntercept ? weightedMean(column, weights) : 0));
    const yMean = fitIntercept ? weightedMean(y, weights) : 0;
    const columns = x.columns.map((column, j) => column.map((v) => v - xMeans[j]!));
    const weightedColumns = columns.map((column) => column.map((v, i) => v * weights[i]!));
    const yCentred = y.map((v) => v - yMean);

    const share = l1Share(penalty, l1Ratio);
    const l1 = alpha * share;
    const l2 = alpha * (1 - share);
    let coef: Float64Array;
    if (l1 === 0) {
      coef = solveRidge(columns, weightedColumns, yCentred, l2);
      this.fitIterations = 0;
      this.fitConverged = true;
    } else {
      const result = elasticNetDescent({ columns, weightedColumns, y: yCentred, weights, l1, l2, maxIter, tol });
      coef = result.coef;
      this.fitIterations = result.iterations;
      this.fitConverged = result.converged;
    }
    let intercept = yMean;
    for (let j = 0; j < coef.length; j++) intercept -= coef[j]! * xMeans[j]!;
    this.state = { nFeatures: x.columns.length, coef, intercept };
  }

  predict(x: FeatureMatrix): Float64Array {
    const { nFeatures, coef, intercept } = this.fittedState();
    checkFeatures(x, `${LINEAR_REGRESSION_TYPE}.predict`, nFeatures);
    const out = new Float64Array(x.nRows).fill(intercept);
    addLinearScores(x.columns, coef, 0, out);
    return out;
  }

  toJSON(): SavedModel {
    const { nFeatures, coef, intercept } = this.fittedState();
    return {
      type: LINEAR_REGRESSION_TYPE,
      state: { params: { ...this.params }, nFeatures, coef: encodeFloats(coef), intercept },
    };
  }

  static fromJSON(state: JsonObject): LinearRegression {
    const model = LINEAR_REGRESSION_TYPE;
    const saved = readObject(state, 'params', model);
    const penalty = readString(saved, 'penalty', model);
    if (!isPenalty(penalty)) throw badModelFile(model, `unknown penalty "${penalty}"`);
    const instance = rebuildOrThrow(model, () => new LinearRegression({
      penalty,
      alpha: readNumber(saved, 'alpha', model),
      l1_ratio: readNumber(saved, 'l1_ratio', model),
      fit_intercept: readBoolean(saved, 'fit_intercept', model),
      max_iter: readInteger(saved, 'max_iter', model, 1),
      tol: readNumber(saved, 'tol', model),
    }));
    const nFeatures = readInteger(state, 'nFeatures', model, 0);
    instance.state = {
      nFeatures,
      coef: readFiniteFloats(state, 'coef', model, nFeatures),
      intercept: readNumber(state, 'intercept', model),
    };
    return instance;
  }

  private fittedState(): LinearRegressionState {
    if (this.state === undefined) throw new AutoMLError('NOT_FITTED', `${LINEAR_REGRESSION_TYPE}: call fit() first`);
    return this.state;
  }
}
