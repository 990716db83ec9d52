/**
 * Linear discriminant analysis: classes are normal with their own means and one shared (pooled
 * within-class) covariance Σ, so the log posterior is linear in x:
 *   score_k(x) = m_kᵀ Σ⁻¹ (x − x̄) − ½ m_kᵀ Σ⁻¹ m_k + log π_k,   m_k = μ_k − x̄.
 * Measuring from the overall mean x̄ keeps m_k small, so a constant feature (whose m_k is ~0)
 * cannot blow up through the ridge a singular Σ gets.
 *
 * The work is done on the correlation scale (Σ divided by the features' pooled standard
 * deviations), where shrinkage toward a multiple of the identity is meaningful whatever the
 * units: 'manual' uses shrinkageFactor, 'auto' the Ledoit–Wolf estimate computed from the pooled
 * within-class deviations. The shrunk matrix is Cholesky-factored, with a ridge when singular.
 */
import type { Classifier, SavedModel } from '../../model.ts';
import type { FeatureMatrix, ProbabilityMatrix } from '../../matrix.ts';
import { checkClassifierFit, checkFeatureMatrix, classWeightTotals, notFitted, requireParam } from '../neighbors/model-input.ts';
import { StateReader } from '../neighbors/saved-state.ts';
import { logClassPriors, priorProbabilities, probabilitiesFromLogScores } from '../bayes/log-probabilities.ts';
import { classCentredColumns, classMeans, overallMean, scatterMatrix } from './class-moments.ts';
import { regularisedCholesky, solveLower, solveUpperTransposed } from './cholesky.ts';
import { ledoitWolfShrinkage } from './ledoit-wolf.ts';
import { encodeFloats } from '../../../util/json.ts';

export const LDA_TYPE = 'lda';
const WHAT = 'linear discriminant analysis';

export interface LinearDiscriminantParams {
  readonly shrinkage: 'none' | 'auto' | 'manual';
  /** Weight of the identity target in 0..1; used when shrinkage is 'manual'. */
  readonly shrinkageFactor: number;
}

export const LDA_DEFAULTS: LinearDiscriminantParams = { shrinkage: 'none', shrinkageFactor: 0.5 };

interface FittedLinearDiscriminant {
  readonly nFeatures: number;
  readonly nClasses: number;
  /** x̄, the point scores are measured from. */
  readonly center: Float64Array;
  /** Σ⁻¹ m_k, class-major. */
  readonly coefficients: Float64Array;
  /** −½ m_kᵀ Σ⁻¹ m_k + log π_k; -Infinity for a class absent from training. */
  readonly intercepts: Float64Array;
  readonly priors: Float64Array;
}

export class LinearDiscriminantAnalysis implements Classifier {
  readonly task = 'classification' as const;
  readonly params: LinearDiscriminantParams;
  private fitted: FittedLinearDiscriminant | undefined;

  constructor(params: Partial<LinearDiscriminantParams> = {}) {
    const { shrinkage, shrinkageFactor } = { ...LDA_DEFAULTS, ...params };
    requireParam(['none', 'auto', 'manual'].includes(shrinkage), WHAT, 'shrinkage', "'none', 'auto' or 'manual'", shrinkage);
    requireParam(shrinkageFactor >= 0 && shrinkageFactor <= 1, WHAT, 'shrinkageFactor', 'in 0..1', shrinkageFactor);
    this.params = { shrinkage, shrinkageFactor };
  }

  fit(x: FeatureMatrix, y: Int32Array, nClasses: number, sampleWeight?: Float64Array): void {
    const weights = checkClassifierFit(x, y, nClasses, sampleWeight, WHAT);
    const d = x.columns.length;
    const classTotals = classWeightTotals(y, weights, nClasses);
    const logPriors = logClassPriors(classTotals);
    const means = classMeans(x, y, weights, classTotals);
    const center = overallMean(x, weights);

    // Pooled within-class covariance, then its correlation-scale version.
    const allRows = Int32Array.from({ length: x.nRows }, (_, i) => i);
    const deviations = classCentredColumns(x, y, means, allRows);
    const totalWeight = classTotals.reduce((a, b) => a + b, 0);
    const covariance = scatterMatrix(deviations, weights, totalWeight);
    const scales = Float64Array.from({ length: d }, (_, j) => {
      const variance = covariance[j * d + j]!;
      return variance > 0 ? Math.sqrt(variance) : 1;
    });
    const correlation = covariance.map((value, index) => value / (scales[Math.floor(index / d)]! * scales[index % d]!));

    const shrinkage =
      this.params.shrinkage === 'none'
        ? 0
        : this.params.shrinkage === 'manual'
          ? this.params.shrinkageFactor
          : ledoitWolfShrinkage(deviations, scales, weights, correlation);
    let trace = 0;
    for (let j = 0; j < d; j++) trace += correlation[j * d + j]!;
    const target = d > 0 ? trace / d : 0;
    const shrunk = correlation.map((value, index) =>
      (1 - shrinkage) * value + (index % (d + 1) === 0 ? shrinkage * target : 0),
    );
    // A constant feature has a zero diagonal; its ridge then uses the unit correlation scale.
    const reference = Float64Array.from({ length: d }, (_, j) => (shrunk[j * d + j]! > 0 ? shrunk[j * d + j]! : 1));
    const { factor } = regularisedCholesky(shrunk, d, reference);

    const coefficients = new Float64Array(nClasses * d);
    const intercepts = new Float64Array(nClasses);
    const solved = new Float64Array(d);
    for (let k = 0; k < nClasses; k++) {
      if (!(classTotals[k]! > 0)) {
        intercepts[k] = -Infinity;
        continue;
      }
      // In scaled units m' = D⁻¹ m and R⁻¹ m' =: β'; then Σ⁻¹ m = D⁻¹ β' and mᵀ Σ⁻¹ m = m'ᵀ β'.
      for (let j = 0; j < d; j++) solved[j] = (means[k * d + j]! - center[j]!) / scales[j]!;
      const scaledOffset = Float64Array.from(solved);
      solveLower(factor, d, solved);
      solveUpperTransposed(factor, d, solved);
      let quadratic = 0;
      for (let j = 0; j < d; j++) {
        quadratic += scaledOffset[j]! * solved[j]!;
        coefficients[k * d + j] = solved[j]! / scales[j]!;
      }
      intercepts[k] = -0.5 * quadratic + logPriors[k]!;
    }
    this.fitted = { nFeatures: d, nClasses, center, coefficients, intercepts, priors: priorProbabilities(logPriors) };
  }

  predictProba(x: FeatureMatrix): ProbabilityMatrix {
    const fitted = this.fitted;
    if (fitted === undefined) throw notFitted(WHAT);
    const { nFeatures: d, nClasses, center, coefficients, intercepts, priors } = fitted;
    checkFeatureMatrix(x, WHAT, d);
    const scores = new Float64Array(x.nRows * nClasses);
    for (let i = 0; i < x.nRows; i++) scores.set(intercepts, i * nClasses);
    for (let j = 0; j < d; j++) {
      const column = x.columns[j]!;
      const offset = center[j]!;
      for (let k = 0; k < nClasses; k++) {
        const coefficient = coefficients[k * d + j]!;
        if (coefficient === 0) continue;
        for (let i = 0; i < x.nRows; i++) scores[i * nClasses + k]! += coefficient * (column[i]! - offset);
      }
    }
    return probabilitiesFromLogScores(scores, x.nRows, nClasses, priors);
  }

  toJSON(): SavedModel {
    const fitted = this.fitted;
    if (fitted === undefined) throw notFitted(WHAT);
    return {
      type: LDA_TYPE,
      state: {
        params: { shrinkage: this.params.shrinkage, shrinkageFactor: this.params.shrinkageFactor },
        nFeatures: fitted.nFeatures,
        nClasses: fitted.nClasses,
        center: encodeFloats(fitted.center),
        coefficients: encodeFloats(fitted.coefficients),
        intercepts: encodeFloats(fitted.intercepts),
        priors: encodeFloats(fitted.priors),
      },
    };
  }

  static fromJSON(state: unknown): LinearDiscriminantAnalysis {
    const reader = new StateReader(state, WHAT);
    const saved = reader.object('params');
    const shrinkage = saved.choice('shrinkage', ['none', 'auto', 'manual'] as const);
    const shrinkageFactor = saved.number('shrinkageFactor');
    const model = reader.rebuild(() => new LinearDiscriminantAnalysis({ shrinkage, shrinkageFactor }));
    const nFeatures = reader.integer('nFeatures', 0);
    const nClasses = reader.integer('nClasses', 1);
    const center = reader.floats('center', nFeatures);
    const coefficients = reader.floats('coefficients', nClasses * nFeatures);
    const intercepts = reader.floats('intercepts', nClasses, true);
    if (intercepts.some((value) => value === Infinity) || intercepts.every((value) => value === -Infinity)) {
      reader.fail('intercepts must be finite or -Infinity, with at least one finite');
    }
    const priors = reader.floats('priors', nClasses);
    model.fitted = { nFeatures, nClasses, center, coefficients, intercepts, priors };
    return model;
  }
}
