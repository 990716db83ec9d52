/**
 * Bernoulli naive Bayes: each feature is first binarised (1 when above `binarize`, else 0) and
 * is then a coin flip per class, θ_kj = (weighted count of ones + alpha) / (class weight +
 * 2 alpha). Unlike the multinomial model, an absent feature (0) is evidence too: it contributes
 * log(1 − θ_kj).
 */
import type { Classifier, SavedModel } from '../../model.ts';
import type { FeatureMatrix, ProbabilityMatrix } from '../../matrix.ts';
import { checkClassifierFit, checkFeatureMatrix, classWeightTotals, notFitted, requireParam } from '../neighbors/model-input.ts';
import { StateReader } from '../neighbors/saved-state.ts';
import { logClassPriors, priorProbabilities, probabilitiesFromLogScores } from './log-probabilities.ts';
import { classFeatureSums, decodeNaiveBayesBase, encodeNaiveBayesBase } from './naive-bayes.ts';
import type { NaiveBayesBase } from './naive-bayes.ts';
import { encodeFloats } from '../../../util/json.ts';

export const BERNOULLI_NB_TYPE = 'bernoulli_nb';
const WHAT = 'Bernoulli naive Bayes';

export interface BernoulliNaiveBayesParams {
  /** Additive smoothing, > 0 (searched on a log scale over 1e-2..100). */
  readonly alpha: number;
  /** Values above this threshold count as 1, the rest as 0. */
  readonly binarize: number;
  /** Learn class priors from the training weights; false = uniform priors. */
  readonly fitPrior: boolean;
}

export const BERNOULLI_NB_DEFAULTS: BernoulliNaiveBayesParams = { alpha: 1, binarize: 0, fitPrior: true };

interface FittedBernoulli extends NaiveBayesBase {
  /** log θ_kj, class-major. */
  readonly logOne: Float64Array;
  /** log(1 − θ_kj), class-major; computed from counts, not by subtraction, to stay accurate. */
  readonly logZero: Float64Array;
}

export class BernoulliNaiveBayes implements Classifier {
  readonly task = 'classification' as const;
  readonly params: BernoulliNaiveBayesParams;
  private fitted: FittedBernoulli | undefined;

  constructor(params: Partial<BernoulliNaiveBayesParams> = {}) {
    const { alpha, binarize, fitPrior } = { ...BERNOULLI_NB_DEFAULTS, ...params };
    requireParam(alpha > 0 && Number.isFinite(alpha), WHAT, 'alpha', 'a positive number', alpha);
    requireParam(Number.isFinite(binarize), WHAT, 'binarize', 'a finite number', binarize);
    requireParam(typeof fitPrior === 'boolean', WHAT, 'fitPrior', 'a boolean', fitPrior);
    this.params = { alpha, binarize, fitPrior };
  }

  fit(x: FeatureMatrix, y: Int32Array, nClasses: number, sampleWeight?: Float64Array): void {
    const weights = checkClassifierFit(x, y, nClasses, sampleWeight, WHAT);
    const d = x.columns.length;
    const { alpha, binarize } = this.params;
    const ones = classFeatureSums(x, y, weights, nClasses, binarize);
    const classTotals = classWeightTotals(y, weights, nClasses);
    const logOne = new Float64Array(nClasses * d);
    const logZero = new Float64Array(nClasses * d);
    for (let k = 0; k < nClasses; k++) {
      const logDenominator = Math.log(classTotals[k]! + 2 * alpha);
      for (let j = 0; j < d; j++) {
        const count = ones[k * d + j]!;
        logOne[k * d + j] = Math.log(count + alpha) - logDenominator;
        // The count can exceed the class total by a rounding error; clamp the difference.
        logZero[k * d + j] = Math.log(Math.max(classTotals[k]! - count, 0) + alpha) - logDenominator;
      }
    }
    const logPriors = this.params.fitPrior ? logClassPriors(classTotals) : new Float64Array(nClasses).fill(-Math.log(nClasses));
    this.fitted = { nFeatures: d, nClasses, logPriors, logOne, logZero };
  }

  predictProba(x: FeatureMatrix): ProbabilityMatrix {
    const fitted = this.fitted;
    if (fitted === undefined) throw notFitted(WHAT);
    const { nFeatures: d, nClasses, logPriors, logOne, logZero } = fitted;
    checkFeatureMatrix(x, WHAT, d);
    const threshold = this.params.binarize;
    const scores = new Float64Array(x.nRows * nClasses);
    for (let i = 0; i < x.nRows; i++) scores.set(logPriors, i * nClasses);
    for (let j = 0; j < d; j++) {
      const column = x.columns[j]!;
      for (let k = 0; k < nClasses; k++) {
        const one = logOne[k * d + j]!;
        const zero = logZero[k * d + j]!;
        for (let i = 0; i < x.nRows; i++) scores[i * nClasses + k]! += column[i]! > threshold ? one : zero;
      }
    }
    return probabilitiesFromLogScores(scores, x.nRows, nClasses, priorProbabilities(logPriors));
  }

  toJSON(): SavedModel {
    const fitted = this.fitted;
    if (fitted === undefined) throw notFitted(WHAT);
    const { alpha, binarize, fitPrior } = this.params;
    return {
      type: BERNOULLI_NB_TYPE,
      state: {
        params: { alpha, binarize, fitPrior },
        ...encodeNaiveBayesBase(fitted),
        logOne: encodeFloats(fitted.logOne),
        logZero: encodeFloats(fitted.logZero),
      },
    };
  }

  static fromJSON(state: unknown): BernoulliNaiveBayes {
    const reader = new StateReader(state, WHAT);
    const saved = reader.object('params');
    const alpha = saved.number('alpha');
    const binarize = saved.number('binarize');
    const fitPrior = saved.boolean('fitPrior');
    const model = reader.rebuild(() => new BernoulliNaiveBayes({ alpha, binarize, fitPrior }));
    const base = decodeNaiveBayesBase(reader);
    const size = base.nClasses * base.nFeatures;
    const logOne = reader.floats('logOne', size);
    const logZero = reader.floats('logZero', size);
    model.fitted = { ...base, logOne, logZero };
    return model;
  }
}
