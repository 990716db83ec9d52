/**
 * The common shape of a probability calibrator: a map fitted to out-of-sample class probabilities
 * (cross-fitted, see ../calibration.ts) and applied to the deployed ensemble's probabilities.
 */
import type { ProbabilityMatrix } from '../../components/matrix.ts';

export type CalibrationMethod = 'temperature' | 'platt' | 'isotonic';

/** One class's monotone map: knots `x` ascending, values `y` non-decreasing, linear between knots. */
export interface IsotonicCurve {
  readonly x: readonly number[];
  readonly y: readonly number[];
}

/** A calibrator as the model file holds it (artifact.ts validates it on load, load.ts rebuilds it). */
export type SavedCalibrator =
  | { readonly method: 'temperature'; readonly temperature: number }
  | { readonly method: 'platt'; readonly a: number; readonly b: number }
  /** One curve for binary tasks (class 1, p0 = 1 − p1), one per class otherwise. */
  | { readonly method: 'isotonic'; readonly curves: readonly IsotonicCurve[] };

export interface Calibrator {
  readonly method: CalibrationMethod;
  /** Rewrites each row's probabilities, then floors them (combine.ts); in place. */
  apply(proba: ProbabilityMatrix): void;
  toJSON(): SavedCalibrator;
  /** Its parameters in a line, for the run summary. */
  describe(): string;
}

export interface CalibratorFitter {
  readonly method: CalibrationMethod;
  /** Whether the method is offered for this many rows and classes. */
  applicable(nRows: number, nClasses: number): boolean;
  /** The map minimising log loss on these probabilities and true class codes. */
  fit(proba: ProbabilityMatrix, codes: Int32Array): Calibrator;
}
