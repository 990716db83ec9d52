/**
 * Multinomial naive Bayes, for non-negative count-like features (word counts, pixel
 * intensities, frequencies). A class's score is log prior + Σ_j x_j · log θ_kj, where θ_k is the
 * class's feature distribution with additive (Lidstone) smoothing `alpha`:
 * θ_kj = (weighted sum of feature j in class k + alpha) / (class total + alpha · nFeatures).
 *
 * Fitting rejects negative values, which have no meaning as counts. Prediction accepts them: a
 * fitted scaler can map unseen rows slightly below zero, and the score stays well defined.
 */
import type { Classifier, SavedModel } from '../../model.ts';
import type { FeatureMatrix, ProbabilityMatrix } from '../../matrix.ts';
import { checkClassifierFit, checkFeatureMatrix, classWeightTotals, notFitted, requireParam } from '../neighbors/model-input.ts';
import { StateReader } from '../neighbors/saved-state.ts';
import { logClassPriors, priorProbabilities, probabilitiesFromLogScores } from './log-probabilities.ts';
import { classFeatureSums, decodeNaiveBayesBase, encodeNaiveBayesBase } from './naive-bayes.ts';
import type { NaiveBayesBase } from './naive-bayes.ts';
import { AutoMLError } from '../../../util/errors.ts';
import { encodeFloats } from '../../../util/json.ts';

export const MULTINOMIAL_NB_TYPE = 'multinomial_nb';
const WHAT = 'multinomial naive Bayes';

export interface MultinomialNaiveBayesParams {
  /** Additive smoothing, > 0 (searched on a log scale over 1e-2..100). */
  readonly alpha: number;
  /** Learn class priors from the training weights; false = uniform priors. */
  readonly fitPrior: boolean;
}

export const MULTINOMIAL_NB_DEFAULTS: MultinomialNaiveBayesParams = { alpha: 1, fitPrior: true };

interface FittedMultinomial extends NaiveBayesBase {
  /** log θ_kj, class-major. */
  readonly featureLogProbs: Float64Array;
}

export class MultinomialNaiveBayes implements Classifier {
  readonly task = 'classification' as const;
  readonly params: MultinomialNaiveBayesParams;
  private fitted: FittedMultinomial | undefined;

  constructor(params: Partial<MultinomialNaiveBayesParams> = {}) {
    const { alpha, fitPrior } = { ...MULTINOMIAL_NB_DEFAULTS, ...params };
    requireParam(alpha > 0 && Number.isFinite(alpha), WHAT, 'alpha', 'a positive number', alpha);
    requireParam(typeof fitPrior === 'boolean', WHAT, 'fitPrior', 'a boolean', fitPrior);
    this.params = { alpha, fitPrior };
  }

  fit(x: FeatureMatrix, y: Int32Array, nClasses: number, sampleWeight?: Float64Array): void {
    const weights = checkClassifierFit(x, y, nClasses, sampleWeight, WHAT);
    const d = x.columns.length;
    for (let j = 0; j < d; j++) {
      const column = x.columns[j]!;
      for (let i = 0; i < x.nRows; i++) {
        if (column[i]! < 0) {
          throw new AutoMLError(
            'DEGENERATE_INPUT',
            `${WHAT} needs non-negative feature values (counts or frequencies), but feature ${j} is ${column[i]} at row ${i}`,
            { hint: 'pair it with min-max scaling or no scaling, not standardisation' },
          );
        }
      }
    }
    const sums = classFeatureSums(x, y, weights, nClasses);
    const { alpha } = this.params;
    const featureLogProbs = new Float64Array(nClasses * d);
    for (let k = 0; k < nClasses; k++) {
      let classSum = 0;
      for (let j = 0; j < d; j++) classSum += sums[k * d + j]!;
      const logDenominator = Math.log(classSum + alpha * d);
      for (let j = 0; j < d; j++) featureLogProbs[k * d + j] = Math.log(sums[k * d + j]! + alpha) - logDenominator;
    }
    const logPriors = this.params.fitPrior
      ? logClassPriors(classWeightTotals(y, weights, nClasses))
      : new Float64Array(nClasses).fill(-Math.log(nClasses));
    this.fitted = { nFeatures: d, nClasses, logPriors, featureLogProbs };
  }

  predictProba(x: FeatureMatrix): ProbabilityMatrix {
    const fitted = this.fitted;
    if (fitted === undefined) throw notFitted(WHAT);
    const { nFeatures: d, nClasses, logPriors, featureLogProbs } = fitted;
    checkFeatureMatrix(x, WHAT, d);
    const scores = new Float64Array(x.nRows * nClasses);
    for (let i = 0; i < x.nRows; i++) scores.set(logPriors, i * nClasses);
    for (let j = 0; j < d; j++) {
      const column = x.columns[j]!;
      for (let k = 0; k < nClasses; k++) {
        const logProb = featureLogProbs[k * d + j]!;
        // Skipping zeros is not only faster: it keeps 0 · log θ = 0 exact for any θ.
        for (let i = 0; i < x.nRows; i++) if (column[i] !== 0) scores[i * nClasses + k]! += column[i]! * logProb;
      }
    }
    return probabilitiesFromLogScores(scores, x.nRows, nClasses, priorProbabilities(logPriors));
  }

  toJSON(): SavedModel {
    const fitted = this.fitted;
    if (fitted === undefined) throw notFitted(WHAT);
    return {
      type: MULTINOMIAL_NB_TYPE,
      state: {
        params: { alpha: this.params.alpha, fitPrior: this.params.fitPrior },
        ...encodeNaiveBayesBase(fitted),
        featureLogProbs: encodeFloats(fitted.featureLogProbs),
      },
    };
  }

  static fromJSON(state: unknown): MultinomialNaiveBayes {
    const reader = new StateReader(state, WHAT);
    const saved = reader.object('params');
    const alpha = saved.number('alpha');
    const fitPrior = saved.boolean('fitPrior');
    const model = reader.rebuild(() => new MultinomialNaiveBayes({ alpha, fitPrior }));
    const base = decodeNaiveBayesBase(reader);
    const featureLogProbs = reader.floats('featureLogProbs', base.nClasses * base.nFeatures);
    model.fitted = { ...base, featureLogProbs };
    return model;
  }
}
