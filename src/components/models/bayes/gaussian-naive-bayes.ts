/**
 * Gaussian naive Bayes: each feature is normal within each class, with the class's weighted
 * mean and (biased) weighted variance. Every variance gets `varSmoothing` × the largest feature
 * variance added, so that a feature constant within a class does not give zero variance and
 * infinite densities.
 */
import type { Classifier, SavedModel } from '../../model.ts';
import type { FeatureMatrix, ProbabilityMatrix } from '../../matrix.ts';
import { checkClassifierFit, checkFeatureMatrix, classWeightTotals, notFitted, requireParam } from '../neighbors/model-input.ts';
import { StateReader } from '../neighbors/saved-state.ts';
import { logClassPriors, priorProbabilities, probabilitiesFromLogScores } from './log-probabilities.ts';
import { decodeNaiveBayesBase, encodeNaiveBayesBase } from './naive-bayes.ts';
import type { NaiveBayesBase } from './naive-bayes.ts';
import { encodeFloats } from '../../../util/json.ts';

export const GAUSSIAN_NB_TYPE = 'gaussian_nb';
const WHAT = 'Gaussian naive Bayes';

export interface GaussianNaiveBayesParams {
  /** Fraction of the largest feature variance added to every variance, in (0, 1]. */
  readonly varSmoothing: number;
}

export const GAUSSIAN_NB_DEFAULTS: GaussianNaiveBayesParams = { varSmoothing: 1e-9 };

interface FittedGaussian extends NaiveBayesBase {
  /** Class-major, k * nFeatures + j. */
  readonly means: Float64Array;
  /** Smoothed variances, class-major; always positive. */
  readonly variances: Float64Array;
}

export class GaussianNaiveBayes implements Classifier {
  readonly task = 'classification' as const;
  readonly params: GaussianNaiveBayesParams;
  private fitted: FittedGaussian | undefined;

  constructor(params: Partial<GaussianNaiveBayesParams> = {}) {
    const { varSmoothing } = { ...GAUSSIAN_NB_DEFAULTS, ...params };
    requireParam(varSmoothing > 0 && varSmoothing <= 1, WHAT, 'varSmoothing', 'in (0, 1]', varSmoothing);
    this.params = { varSmoothing };
  }

  fit(x: FeatureMatrix, y: Int32Array, nClasses: number, sampleWeight?: Float64Array): void {
    const weights = checkClassifierFit(x, y, nClasses, sampleWeight, WHAT);
    const d = x.columns.length;
    const classTotals = classWeightTotals(y, weights, nClasses);
    let totalWeight = 0;
    for (let k = 0; k < nClasses; k++) totalWeight += classTotals[k]!;
    const means = new Float64Array(nClasses * d);
    const variances = new Float64Array(nClasses * d);
    let largestVariance = 0;
    for (let j = 0; j < d; j++) {
      const column = x.columns[j]!;
      // Two passes (mean, then squared deviations) avoid the cancellation of Σx² − n·mean².
      let overallSum = 0;
      for (let i = 0; i < x.nRows; i++) {
        means[y[i]! * d + j]! += weights[i]! * column[i]!;
        overallSum += weights[i]! * column[i]!;
      }
      for (let k = 0; k < nClasses; k++) if (classTotals[k]! > 0) means[k * d + j]! /= classTotals[k]!;
      const overallMean = overallSum / totalWeight;
      let overallSpread = 0;
      for (let i = 0; i < x.nRows; i++) {
        const deviation = column[i]! - means[y[i]! * d + j]!;
        variances[y[i]! * d + j]! += weights[i]! * deviation * deviation;
        overallSpread += weights[i]! * (column[i]! - overallMean) ** 2;
      }
      for (let k = 0; k < nClasses; k++) if (classTotals[k]! > 0) variances[k * d + j]! /= classTotals[k]!;
      largestVariance = Math.max(largestVariance, overallSpread / totalWeight);
    }
    // With every feature constant there is no scale to be relative to; then the smoothing is
    // absolute. Any positive variance works there: all classes share each feature's value.
    const epsilon = this.params.varSmoothing * (largestVariance > 0 ? largestVariance : 1);
    for (let index = 0; index < variances.length; index++) variances[index]! += epsilon;
    this.fitted = { nFeatures: d, nClasses, logPriors: logClassPriors(classTotals), means, variances };
  }

  predictProba(x: FeatureMatrix): ProbabilityMatrix {
    const fitted = this.fitted;
    if (fitted === undefined) throw notFitted(WHAT);
    const { nFeatures: d, nClasses, logPriors, means, variances } = fitted;
    checkFeatureMatrix(x, WHAT, d);
    const scores = new Float64Array(x.nRows * nClasses);
    for (let k = 0; k < nClasses; k++) {
      let constant = logPriors[k]!;
      for (let j = 0; j < d; j++) constant -= 0.5 * Math.log(2 * Math.PI * variances[k * d + j]!);
      for (let i = 0; i < x.nRows; i++) scores[i * nClasses + k] = constant;
    }
    for (let j = 0; j < d; j++) {
      const column = x.columns[j]!;
      for (let k = 0; k < nClasses; k++) {
        const mean = means[k * d + j]!;
        const halfPrecision = 0.5 / variances[k * d + j]!;
        for (let i = 0; i < x.nRows; i++) {
          const deviation = column[i]! - mean;
          scores[i * nClasses + k]! -= halfPrecision * deviation * deviation;
        }
      }
    }
    return probabilitiesFromLogScores(scores, x.nRows, nClasses, priorProbabilities(logPriors));
  }

  toJSON(): SavedModel {
    const fitted = this.fitted;
    if (fitted === undefined) throw notFitted(WHAT);
    return {
      type: GAUSSIAN_NB_TYPE,
      state: {
        params: { varSmoothing: this.params.varSmoothing },
        ...encodeNaiveBayesBase(fitted),
        means: encodeFloats(fitted.means),
        variances: encodeFloats(fitted.variances),
      },
    };
  }

  static fromJSON(state: unknown): GaussianNaiveBayes {
    const reader = new StateReader(state, WHAT);
    const varSmoothing = reader.object('params').number('varSmoothing');
    const model = reader.rebuild(() => new GaussianNaiveBayes({ varSmoothing }));
    const base = decodeNaiveBayesBase(reader);
    const size = base.nClasses * base.nFeatures;
    const means = reader.floats('means', size);
    const variances = reader.floats('variances', size);
    if (variances.some((value) => !(value > 0))) reader.fail('variances must be positive');
    model.fitted = { ...base, means, variances };
    return model;
  }
}
