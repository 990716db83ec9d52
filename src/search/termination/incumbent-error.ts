/**
 * How precisely a validation score is known: the "statistical error" of the incumbent that the
 * regret bound is compared with (see criterion.ts). A search whose remaining possible gain is
 * below this error can no longer tell a better configuration from a luckier one.
 *
 * - Under k-fold cross-validation, from the k fold scores: sqrt((1/k + 1/(k − 1)) · s²), with s²
 *   their sample variance. The 1/(k − 1) term (the validation-to-training size ratio of k-fold
 *   CV) corrects for the folds sharing training rows, which makes the plain s²/k too optimistic.
 * - Under a holdout, by bootstrapping the validation rows: the standard deviation of the metric
 *   over BOOTSTRAP_RESAMPLES resamples (row multiplicities passed to the scorer as weights, so any
 *   metric works, per-row decomposable or not, e.g. ROC AUC or balanced accuracy).
 *
 * Both are standard deviations of a score; costs differ from scores by a sign and a constant
 * (scoreToCost), so they are errors of the cost as well.
 */
import type { Prediction, Truth } from '../../metrics/prediction.ts';
import type { Scorer } from '../../metrics/scorers.ts';
import { mixSeed, Rng } from '../../util/rng.ts';
import { truthOf } from '../evaluate-trial.ts';
import type { Resampling } from '../resampling.ts';
import type { IncumbentErrorOf } from './criterion.ts';

/**
 * Resamples of the holdout bootstrap: the standard deviation estimate's own relative error is
 * about 1/sqrt(2B), 5% at 200, fine for a stopping threshold, at 200 scorings of the
 * validation rows once per new incumbent.
 */
export const BOOTSTRAP_RESAMPLES = 200;

/** Error of a cross-validated score from its fold scores; NaN with fewer than two finite ones. */
export function crossValidationError(foldScores: readonly number[]): number {
  const scores = foldScores.filter(Number.isFinite);
  const k = scores.length;
  if (k < 2) return Number.NaN;
  const mean = scores.reduce((sum, s) => sum + s, 0) / k;
  const variance = scores.reduce((sum, s) => sum + (s - mean) ** 2, 0) / (k - 1);
  return Math.sqrt((1 / k + 1 / (k - 1)) * variance);
}

/**
 * Bootstrap standard deviation of `scorer` on the holdout rows of `truth` predicted by
 * `prediction`; NaN when fewer than two resamples give a finite score.
 */
export function bootstrapError(truth: Truth, prediction: Prediction, scorer: Scorer, seed: number, resamples = BOOTSTRAP_RESAMPLES): number {
  const n = truth.kind === 'classification' ? truth.codes.length : truth.values.length;
  if (n < 2) return Number.NaN;
  const rng = new Rng(seed);
  const weights = new Float64Array(n);
  const scores: number[] = [];
  for (let b = 0; b < resamples; b++) {
    weights.fill(0);
    for (let i = 0; i < n; i++) weights[rng.int(n)] += 1;
    const score = scorer.score(truth, prediction, weights);
    if (Number.isFinite(score)) scores.push(score);
  }
  if (scores.length < 2) return Number.NaN;
  const mean = scores.reduce((sum, s) => sum + s, 0) / scores.length;
  return Math.sqrt(scores.reduce((sum, s) => sum + (s - mean) ** 2, 0) / (scores.length - 1));
}

/**
 * The error of a trial's score under `resampling`: from its fold scores under cross-validation,
 * by bootstrapping its holdout predictions otherwise (seeded by the trial's id, so a trial's
 * error does not depend on when it was computed). NaN when the outcome lacks what is needed.
 */
export function incumbentErrorFor(resampling: Resampling, scorer: Scorer, seed: number): IncumbentErrorOf {
  if (resampling.strategy === 'cv') return (_trial, outcome) => crossValidationError(outcome.foldScores ?? []);
  const truth = truthOf(resampling.scoredTarget);
  return (trial, outcome) => (outcome.validPrediction === undefined ? Number.NaN : bootstrapError(truth, outcome.validPrediction, scorer, mixSeed(seed, trial.id)));
}
