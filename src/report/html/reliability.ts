/** Reliability of the ensemble's out-of-sample class probabilities, for the report's diagram. */
import { logLoss } from '../../metrics/classification.ts';
import { brierScore, CALIBRATION_BINS, classReliability, expectedCalibrationError, topLabelReliability } from '../../metrics/calibration.ts';
import type { Prediction, Truth } from '../../metrics/prediction.ts';
import type { ReportReliability } from './report-data.ts';

/**
 * Binary tasks chart the second class's probability (the one ROC AUC scores), which shows both
 * over- and under-confidence on one axis; with more classes no single column tells the story, so
 * the top-label view is drawn. Null for regression.
 */
export function reliabilityFor(truth: Truth, prediction: Prediction, classes: readonly string[] | null): ReportReliability | null {
  if (truth.kind !== 'classification' || prediction.kind !== 'classification') return null;
  const { codes } = truth;
  const { proba } = prediction;
  const summary = { nBins: CALIBRATION_BINS, rows: codes.length, logLoss: logLoss(codes, proba), brier: brierScore(codes, proba), ece: expectedCalibrationError(codes, proba) };
  if (proba.nClasses === 2) {
    return { view: 'class', label: classes?.[1] ?? '1', bins: classReliability(codes, proba, 1, CALIBRATION_BINS), ...summary };
  }
  return { view: 'top-label', bins: topLabelReliability(codes, proba, CALIBRATION_BINS), ...summary };
}
