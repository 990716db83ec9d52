/**
 * From the `calibration` option to the methods offered, and from the chosen calibrator to what the
 * model file and the run summary record. A temperature stays in the file's `temperature` field
 * (format 3), so such files remain readable by older readers; only Platt and isotonic maps need
 * the `calibrator` field of format 5.
 */
import type { JsonValue } from '../../util/json.ts';
import type { CalibrationChoice } from './choose.ts';
import type { CalibrationMethod, SavedCalibrator } from './types.ts';

/** The methods the option lets the choice consider; none for 'none'. */
export function methodsFor(option: CalibrationMethod | 'auto' | 'none'): CalibrationMethod[] {
  if (option === 'none') return [];
  return option === 'auto' ? ['temperature', 'platt', 'isotonic'] : [option];
}

/** The model file's calibration fields for a choice. */
export function deployedCalibration(choice: CalibrationChoice | null): { temperature?: number; calibrator?: SavedCalibrator } {
  const saved = choice?.calibrator?.toJSON();
  if (saved === undefined) return {};
  if (saved.method === 'temperature') return saved.temperature === 1 ? {} : { temperature: saved.temperature };
  return { calibrator: saved };
}

const round5 = (value: number): number => Number(value.toFixed(5));

/** The run summary's `calibration` entry: the method, its parameters, and validation log loss before/after. */
export function calibrationSummary(choice: CalibrationChoice | null): JsonValue {
  if (choice === null) return null;
  const saved = choice.calibrator?.toJSON();
  return {
    method: saved?.method ?? 'none',
    parameters: choice.calibrator?.describe() ?? null,
    ...(saved?.method === 'temperature' ? { temperature: saved.temperature } : {}),
    ...(saved?.method === 'platt' ? { a: saved.a, b: saved.b } : {}),
    validation_log_loss_before: round5(choice.logLossBefore),
    // Held out: the chosen map fitted on the other half of the cross-fitted rows (choose.ts).
    validation_log_loss_after: round5(choice.logLossAfter),
    candidates: choice.scores.map((s) => ({ method: s.method, held_out_log_loss: round5(s.logLoss), gain: round5(s.gain), standard_error: round5(s.standardError), run_metric_kept: s.metricKept })),
  };
}
