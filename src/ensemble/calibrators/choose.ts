/**
 * Which calibrator, if any, the deployed model gets. Every method is judged on rows it was not
 * fitted on: the cross-fitted validation predictions are split into two stratified halves, the
 * method is fitted on one and scored on the other, both ways, so every row has an out-of-sample
 * calibrated log loss. A method is kept only when its mean gain over no calibration is at least
 * MIN_GAIN nats per row and more than NOISE_Z standard errors of the per-row differences; the best
 * such method is refitted on all rows. Judging a fit on its own rows would favour the most
 * flexible map (isotonic fits its rows' noise), which is what this guards against.
 *
 * A map can also move labels (Platt's intercept shifts the threshold; a temperature does under the
 * prior-ratio decision rule), and calibration is there for the probabilities, not to trade away
 * the metric the run was selected on: given `runMetric`, a method whose held-out predictions score
 * lower on it than the uncalibrated ones by more than noise (NOISE_Z bootstrap standard errors of
 * the paired difference) is not kept, whatever its log-loss gain.
 */
import type { ProbabilityMatrix } from '../../components/matrix.ts';
import { floorProbabilities } from '../../export/combine.ts';
import { MIN_GAIN, NOISE_Z } from '../temperature.ts';
import { stratifiedHalves } from '../halves.ts';
import { Rng } from '../../util/rng.ts';
import { isotonicFitter } from './isotonic.ts';
import { plattFitter } from './platt.ts';
import { temperatureFitter } from './temperature.ts';
import type { CalibrationMethod, Calibrator, CalibratorFitter } from './types.ts';

export const FITTERS: Readonly<Record<CalibrationMethod, CalibratorFitter>> = {
  temperature: temperatureFitter,
  platt: plattFitter,
  isotonic: isotonicFitter,
};

export interface MethodScore {
  readonly method: CalibrationMethod;
  /** Mean held-out log loss with the method, and the gain over none with its standard error. */
  readonly logLoss: number;
  readonly gain: number;
  readonly standardError: number;
  /** Whether its held-out predictions score no worse on the run's metric than none, beyond noise. */
  readonly metricKept: boolean;
}

export interface CalibrationChoice {
  /** null: no method beat noise (or none was applicable). */
  readonly calibrator: Calibrator | null;
  /** Mean log loss of the uncalibrated cross-fitted predictions. */
  readonly logLossBefore: number;
  /** Held-out mean log loss of the chosen method (fitted on the other half), = before when none. */
  readonly logLossAfter: number;
  readonly scores: readonly MethodScore[];
}

function rowsOf(proba: ProbabilityMatrix, rows: readonly number[]): ProbabilityMatrix {
  const { nClasses, data } = proba;
  const out = new Float64Array(rows.length * nClasses);
  rows.forEach((row, i) => out.set(data.subarray(row * nClasses, (row + 1) * nClasses), i * nClasses));
  return { nRows: rows.length, nClasses, data: out };
}

function rowLosses(proba: ProbabilityMatrix, codes: Int32Array, rows: readonly number[], calibrator: Calibrator | null): Float64Array {
  const part = rowsOf(proba, rows);
  if (calibrator === null) floorProbabilities(part);
  else calibrator.apply(part);
  return Float64Array.from(rows, (row, i) => -Math.log(part.data[i * part.nClasses + codes[row]!]!));
}

const mean = (values: Float64Array): number => values.reduce((a, b) => a + b, 0) / Math.max(values.length, 1);

/** Every row's probabilities calibrated by `fitter` fitted on the other half. */
function heldOutCalibrated(fitter: CalibratorFitter, proba: ProbabilityMatrix, codes: Int32Array, halves: readonly (readonly number[])[]): ProbabilityMatrix {
  const { nClasses } = proba;
  const out = new Float64Array(proba.data.length);
  for (const [fitRows, scoreRows] of [[halves[0]!, halves[1]!], [halves[1]!, halves[0]!]] as const) {
    const calibrator = fitter.fit(rowsOf(proba, fitRows), Int32Array.from(fitRows, (row) => codes[row]!));
    const part = rowsOf(proba, scoreRows);
    calibrator.apply(part);
    scoreRows.forEach((row, i) => out.set(part.data.subarray(i * nClasses, (i + 1) * nClasses), row * nClasses));
  }
  return { nRows: proba.nRows, nClasses, data: out };
}

/** The run's metric of probabilities against class codes, greater is better (labels read by the deployed rule). */
export type RunMetric = (proba: ProbabilityMatrix, codes: Int32Array) => number;

/** Resamples for the standard error of a metric difference; enough for a 2-SE check, cheap at 10⁴ rows. */
const BOOTSTRAP_SAMPLES = 200;

/**
 * Whether `after` scores no worse than `before` on the metric beyond noise: it fails only when the
 * drop exceeds NOISE_Z standard errors of the paired difference over bootstrap resamples of the
 * rows (label metrics are not sums over rows, so resampling stands in for a per-row variance).
 */
function metricHolds(before: ProbabilityMatrix, after: ProbabilityMatrix, codes: Int32Array, runMetric: RunMetric, seed: number): boolean {
  const drop = runMetric(before, codes) - runMetric(after, codes);
  if (drop <= 0) return true;
  const rng = new Rng(seed);
  const differences = new Float64Array(BOOTSTRAP_SAMPLES);
  for (let b = 0; b < BOOTSTRAP_SAMPLES; b++) {
    const rows = Array.from({ length: codes.length }, () => rng.int(codes.length));
    const sampleCodes = Int32Array.from(rows, (row) => codes[row]!);
    differences[b] = runMetric(rowsOf(before, rows), sampleCodes) - runMetric(rowsOf(after, rows), sampleCodes);
  }
  const average = mean(differences);
  const spread = Math.sqrt(differences.reduce((s, d) => s + (d - average) ** 2, 0) / (BOOTSTRAP_SAMPLES - 1));
  return drop <= NOISE_Z * spread;
}

/** The method among `methods` that beats no calibration beyond noise on held-out rows, refitted on all rows. */
export function chooseCalibrator(proba: ProbabilityMatrix, codes: Int32Array, methods: readonly CalibrationMethod[], seed: number, runMetric?: RunMetric): CalibrationChoice {
  const all = Array.from(codes.keys());
  const none = rowLosses(proba, codes, all, null);
  const logLossBefore = mean(none);
  const half = stratifiedHalves(codes, proba.nClasses, seed);
  const halves = [all.filter((row) => half[row] === 0), all.filter((row) => half[row] === 1)];
  const scores: MethodScore[] = [];
  const floored = rowsOf(proba, all);
  floorProbabilities(floored);
  for (const method of methods) {
    const fitter = FITTERS[method];
    if (!fitter.applicable(proba.nRows, proba.nClasses)) continue;
    const calibrated = heldOutCalibrated(fitter, proba, codes, halves);
    const losses = rowLosses(calibrated, codes, all, null);
    const differences = Float64Array.from(none, (loss, i) => loss - losses[i]!);
    const gain = mean(differences);
    const squares = differences.reduce((s, d) => s + (d - gain) ** 2, 0);
    const n = differences.length;
    const metricKept = runMetric === undefined || metricHolds(floored, calibrated, codes, runMetric, seed);
    scores.push({ method, logLoss: mean(losses), gain, standardError: n > 1 ? Math.sqrt(squares / (n - 1) / n) : Infinity, metricKept });
  }
  const winners = scores.filter((s) => s.metricKept && s.gain >= MIN_GAIN && s.gain > NOISE_Z * s.standardError).sort((a, b) => b.gain - a.gain);
  const best = winners[0];
  if (best === undefined) return { calibrator: null, logLossBefore, logLossAfter: logLossBefore, scores };
  return { calibrator: FITTERS[best.method].fit(proba, codes), logLossBefore, logLossAfter: best.logLoss, scores };
}
