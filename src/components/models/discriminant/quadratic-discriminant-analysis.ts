/**
 * Quadratic discriminant analysis: every class is normal with its own mean μ_k and covariance
 * Σ_k, so
 *   score_k(x) = −½ log det Σ_k − ½ (x − μ_k)ᵀ Σ_k⁻¹ (x − μ_k) + log π_k.
 * Σ_k is the class's weighted covariance (divided by W − Σw²/W, which is n − 1 for unit
 * weights), shrunk toward the overall per-feature variances: (1 − regParam)·Σ_k + regParam·V.
 * On standardised data V ≈ I, the usual regularisation; using V keeps it unit-free otherwise.
 * A class with too few rows has a singular Σ_k; its Cholesky factor then gets a small ridge.
 */
import type { Classifier, SavedModel } from '../../model.ts';
import type { FeatureMatrix, ProbabilityMatrix } from '../../matrix.ts';
import { checkClassifierFit, checkFeatureMatrix, classWeightTotals, notFitted, requireParam } from '../neighbors/model-input.ts';
import { StateReader } from '../neighbors/saved-state.ts';
import { logClassPriors, priorProbabilities, probabilitiesFromLogScores } from '../bayes/log-probabilities.ts';
import { classCentredColumns, classMeans, overallVariance, scatterMatrix } from './class-moments.ts';
import { logDeterminant, packLower, regularisedCholesky, solveLower, unpackLower } from './cholesky.ts';
import { encodeFloats } from '../../../util/json.ts';

export const QDA_TYPE = 'qda';
const WHAT = 'quadratic discriminant analysis';

export interface QuadraticDiscriminantParams {
  /** Shrinkage of each class covariance toward the overall variances, 0..1. */
  readonly regParam: number;
}

export const QDA_DEFAULTS: QuadraticDiscriminantParams = { regParam: 0 };

interface FittedQuadraticDiscriminant {
  readonly nFeatures: number;
  readonly nClasses: number;
  /** Class-major means. */
  readonly means: Float64Array;
  /** Lower Cholesky factor of each class's regularised covariance, d × d each, one after another. */
  readonly factors: Float64Array;
  /** log π_k − ½ log det Σ_k; -Infinity for a class absent from training. */
  readonly constants: Float64Array;
  readonly priors: Float64Array;
}

export class QuadraticDiscriminantAnalysis implements Classifier {
  readonly task = 'classification' as const;
  readonly params: QuadraticDiscriminantParams;
  private fitted: FittedQuadraticDiscriminant | undefined;

  constructor(params: Partial<QuadraticDiscriminantParams> = {}) {
    const { regParam } = { ...QDA_DEFAULTS, ...params };
    requireParam(regParam >= 0 && regParam <= 1, WHAT, 'regParam', 'in 0..1', regParam);
    this.params = { regParam };
  }

  fit(x: FeatureMatrix, y: Int32Array, nClasses: number, sampleWeight?: Float64Array): void {
    const weights = checkClassifierFit(x, y, nClasses, sampleWeight, WHAT);
    const d = x.columns.length;
    const classTotals = classWeightTotals(y, weights, nClasses);
    const logPriors = logClassPriors(classTotals);
    const means = classMeans(x, y, weights, classTotals);
    const variances = overallVariance(x, weights);
    // Ridge scale per feature; a feature constant overall gets unit scale (any positive value
    // works there, as every class has the same value).
    const reference = variances.map((value) => (value > 0 ? value : 1));
    const { regParam } = this.params;

    const factors = new Float64Array(nClasses * d * d);
    const constants = new Float64Array(nClasses);
    for (let k = 0; k < nClasses; k++) {
      if (!(classTotals[k]! > 0)) {
        // Never scored (constant -Infinity); an identity factor keeps the saved state valid.
        for (let j = 0; j < d; j++) factors[k * d * d + j * d + j] = 1;
        constants[k] = -Infinity;
        continue;
      }
      const rows = Int32Array.from(y.keys()).filter((i) => y[i] === k && weights[i]! > 0);
      const rowWeights = Float64Array.from(rows, (i) => weights[i]!);
      const total = classTotals[k]!;
      const squaredTotal = rowWeights.reduce((sum, w) => sum + w * w, 0);
      const unbiasedDivisor = total - squaredTotal / total;
      const covariance = scatterMatrix(
        classCentredColumns(x, y, means, rows),
        rowWeights,
        unbiasedDivisor > 0 ? unbiasedDivisor : total,
      );
      for (let j = 0; j < d; j++) {
        for (let l = 0; l < d; l++) covariance[j * d + l]! *= 1 - regParam;
        covariance[j * d + j]! += regParam * variances[j]!;
      }
      const { factor } = regularisedCholesky(covariance, d, reference);
      factors.set(factor, k * d * d);
      constants[k] = logPriors[k]! - 0.5 * logDeterminant(factor, d);
    }
    this.fitted = { nFeatures: d, nClasses, means, factors, constants, priors: priorProbabilities(logPriors) };
  }

  predictProba(x: FeatureMatrix): ProbabilityMatrix {
    const fitted = this.fitted;
    if (fitted === undefined) throw notFitted(WHAT);
    const { nFeatures: d, nClasses, means, factors, constants, priors } = fitted;
    checkFeatureMatrix(x, WHAT, d);
    const scores = new Float64Array(x.nRows * nClasses);
    const deviation = new Float64Array(d);
    for (let k = 0; k < nClasses; k++) {
      const constant = constants[k]!;
      if (constant === -Infinity) {
        for (let i = 0; i < x.nRows; i++) scores[i * nClasses + k] = -Infinity;
        continue;
      }
      const factor = factors.subarray(k * d * d, (k + 1) * d * d);
      for (let i = 0; i < x.nRows; i++) {
        for (let j = 0; j < d; j++) deviation[j] = x.columns[j]![i]! - means[k * d + j]!;
        // ‖L⁻¹(x − μ)‖² is the Mahalanobis distance under Σ = L·Lᵀ.
        solveLower(factor, d, deviation);
        let mahalanobis = 0;
        for (let j = 0; j < d; j++) mahalanobis += deviation[j]! * deviation[j]!;
        scores[i * nClasses + k] = constant - 0.5 * mahalanobis;
      }
    }
    return probabilitiesFromLogScores(scores, x.nRows, nClasses, priors);
  }

  toJSON(): SavedModel {
    const fitted = this.fitted;
    if (fitted === undefined) throw notFitted(WHAT);
    const { nFeatures: d, nClasses } = fitted;
    const triangle = (d * (d + 1)) / 2;
    const packed = new Float64Array(nClasses * triangle);
    for (let k = 0; k < nClasses; k++) packed.set(packLower(fitted.factors.subarray(k * d * d, (k + 1) * d * d), d), k * triangle);
    return {
      type: QDA_TYPE,
      state: {
        params: { regParam: this.params.regParam },
        nFeatures: d,
        nClasses,
        means: encodeFloats(fitted.means),
        factors: encodeFloats(packed),
        constants: encodeFloats(fitted.constants),
        priors: encodeFloats(fitted.priors),
      },
    };
  }

  static fromJSON(state: unknown): QuadraticDiscriminantAnalysis {
    const reader = new StateReader(state, WHAT);
    const regParam = reader.object('params').number('regParam');
    const model = reader.rebuild(() => new QuadraticDiscriminantAnalysis({ regParam }));
    const d = reader.integer('nFeatures', 0);
    const nClasses = reader.integer('nClasses', 1);
    const means = reader.floats('means', nClasses * d);
    const triangle = (d * (d + 1)) / 2;
    const packed = reader.floats('factors', nClasses * triangle);
    const factors = new Float64Array(nClasses * d * d);
    for (let k = 0; k < nClasses; k++) {
      const factor = unpackLower(packed.subarray(k * triangle, (k + 1) * triangle), d);
      for (let j = 0; j < d; j++) if (!(factor[j * d + j]! > 0)) reader.fail(`factor ${k} has a non-positive diagonal`);
      factors.set(factor, k * d * d);
    }
    const constants = reader.floats('constants', nClasses, true);
    if (constants.some((value) => value === Infinity) || constants.every((value) => value === -Infinity)) {
      reader.fail('constants must be finite or -Infinity, with at least one finite');
    }
    const priors = reader.floats('priors', nClasses);
    model.fitted = { nFeatures: d, nClasses, means, factors, constants, priors };
    return model;
  }
}
