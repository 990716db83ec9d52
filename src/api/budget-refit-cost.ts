/**
 * What building a final model will cost, predicted from what the search measured: a trial's fit
 * time covers its fits on the training part(s) of the resampling (and their predictions on the
 * validation rows), so one fit on another number of rows is that time per fit, scaled to the rows.
 */
import type { Resampling } from '../search/resampling.ts';
import type { TrialRecord } from '../search/trial.ts';

/**
 * Fit cost grows a little faster than the row count for most learners (tree sorting, kernel
 * matrices); 1.2 sits between the linear models and trees (about 1) and the kernel methods (up
 * to 2), whose rare underestimate the deployment's run-time guard catches.
 */
export const ROW_EXPONENT = 1.2;
/** Margin on every prediction, for timing noise on a shared machine. */
export const COST_MARGIN = 1.2;

/** How a trial's measured time relates to the rows a final model is fitted on. */
export interface TrainingGeometry {
  /** Training rows of the run: what a refit is fitted on. */
  readonly allRows: number;
  /** Rows each of a trial's fits was trained on (mean over the folds). */
  readonly trialRows: number;
  /** Fits one trial makes: the folds of cross-validation, or 1 for a holdout. */
  readonly trialFits: number;
}

export function geometryOf(resampling: Resampling, allRows: number): TrainingGeometry {
  const { folds } = resampling;
  const trainRows = folds.reduce((sum, fold) => sum + fold.train.features.nRows, 0) / Math.max(1, folds.length);
  return { allRows, trialRows: Math.max(1, trainRows), trialFits: Math.max(1, folds.length) };
}

/** Predicted seconds to fit `trial`'s configuration once on `rows` training rows. */
export function predictedFitSeconds(trial: TrialRecord, geometry: TrainingGeometry, rows: number): number {
  const perFit = Math.max(0, trial.fitSeconds) / geometry.trialFits;
  return COST_MARGIN * perFit * Math.max(1, rows / geometry.trialRows) ** ROW_EXPONENT;
}

/** Predicted seconds to refit `trial` on every training row. */
export function predictedRefitSeconds(trial: TrialRecord, geometry: TrainingGeometry): number {
  return predictedFitSeconds(trial, geometry, geometry.allRows);
}

/** Predicted seconds to rebuild all of `trial`'s fold models (what cv-average deploys). */
export function predictedFoldModelsSeconds(trial: TrialRecord, geometry: TrainingGeometry): number {
  return geometry.trialFits * predictedFitSeconds(trial, geometry, geometry.trialRows);
}
