/**
 * Platt scaling for two classes: p1 ← σ(a · logit(p1) + b), fitted by log loss with Newton steps.
 *
 * Unlike a temperature it can move the decision threshold (b), which corrects an ensemble whose
 * probabilities lean towards one class; it keeps the ranking of rows (a ≥ 0), so ROC AUC is
 * unchanged, but labels near the threshold can change. The slope is bounded to [0, MAX_SHARPENING]
 * for the reason temperature.ts gives: the deployed members are refitted on more rows and are
 * already sharper than the predictions the map is fitted to.
 */
import type { ProbabilityMatrix } from '../../components/matrix.ts';
import { floorProbabilities, PROBABILITY_FLOOR } from '../../export/combine.ts';
import { AutoMLError } from '../../util/errors.ts';
import { MAX_SHARPENING } from '../temperature.ts';
import type { Calibrator, CalibratorFitter } from './types.ts';

/**
 * Ridge pulling (a, b) towards the identity map (1, 0), in units of rows' log loss: it keeps the
 * Newton system well posed when the log-odds barely vary, and is negligible against hundreds of rows.
 */
const RIDGE = 1e-2;
const NEWTON_STEPS = 50;
const TOLERANCE = 1e-10;

function logit(p: number): number {
  const clipped = Math.min(Math.max(p, PROBABILITY_FLOOR), 1 - PROBABILITY_FLOOR);
  return Math.log(clipped / (1 - clipped));
}

function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

export function plattCalibrator(a: number, b: number): Calibrator {
  return {
    method: 'platt',
    apply(proba: ProbabilityMatrix): void {
      if (proba.nClasses !== 2) throw new AutoMLError('INTERNAL', `Platt scaling needs two classes, got ${proba.nClasses}`);
      const data = proba.data;
      for (let i = 0; i < proba.nRows; i++) {
        const p1 = sigmoid(a * logit(data[2 * i + 1]!) + b);
        data[2 * i] = 1 - p1;
        data[2 * i + 1] = p1;
      }
      floorProbabilities(proba);
    },
    toJSON: () => ({ method: 'platt', a, b }),
    describe: () => `a = ${a.toFixed(3)}, b = ${b.toFixed(3)}`,
  };
}

/**
 * Minimises Σ log loss + RIDGE/2 · ((a − 1)² + b²) over a in [0, MAX_SHARPENING]. The objective is
 * convex, so when the free optimum's slope lies outside the range the constrained optimum has the
 * slope at the nearer bound, and only b is fitted there.
 */
export function fitPlatt(z: Float64Array, y: Uint8Array): { a: number; b: number } {
  const objective = (a: number, b: number): number => {
    let total = (RIDGE / 2) * ((a - 1) ** 2 + b ** 2);
    for (let i = 0; i < z.length; i++) {
      const t = a * z[i]! + b;
      // −log σ(t) for y = 1, −log(1 − σ(t)) = −log σ(−t) for y = 0, computed without overflow.
      const margin = y[i] === 1 ? t : -t;
      total += margin > 0 ? Math.log1p(Math.exp(-margin)) : -margin + Math.log1p(Math.exp(margin));
    }
    return total;
  };
  const newton = (fixedSlope: number | null): { a: number; b: number } => {
    let a = fixedSlope ?? 1;
    let b = 0;
    for (let step = 0; step < NEWTON_STEPS; step++) {
      // Gradient and Hessian of the penalised negative log likelihood.
      let ga = RIDGE * (a - 1);
      let gb = RIDGE * b;
      let haa = RIDGE;
      let hab = 0;
      let hbb = RIDGE;
      for (let i = 0; i < z.length; i++) {
        const p = sigmoid(a * z[i]! + b);
        const r = p - y[i]!;
        const w = p * (1 - p);
        ga += r * z[i]!;
        gb += r;
        haa += w * z[i]! * z[i]!;
        hab += w * z[i]!;
        hbb += w;
      }
      let da = 0;
      let db: number;
      if (fixedSlope === null) {
        const det = haa * hbb - hab * hab;
        da = (hbb * ga - hab * gb) / det;
        db = (haa * gb - hab * ga) / det;
      } else {
        db = gb / hbb;
      }
      // Full Newton steps overshoot from far-off starts (confident rows give tiny curvature), so
      // the step is halved until the objective falls.
      const current = objective(a, b);
      let scale = 1;
      while (scale > 1e-6 && objective(a - scale * da, b - scale * db) > current) scale /= 2;
      a -= scale * da;
      b -= scale * db;
      if (scale * (Math.abs(da) + Math.abs(db)) < TOLERANCE) break;
    }
    return { a, b };
  };
  const free = newton(null);
  if (free.a > MAX_SHARPENING) return newton(MAX_SHARPENING);
  if (free.a < 0) return newton(0);
  return free;
}

export const plattFitter: CalibratorFitter = {
  method: 'platt',
  applicable: (nRows, nClasses) => nClasses === 2 && nRows >= 2,
  fit(proba, codes) {
    const z = Float64Array.from({ length: proba.nRows }, (_, i) => logit(proba.data[2 * i + 1]!));
    const y = Uint8Array.from(codes, (code) => (code === 1 ? 1 : 0));
    const { a, b } = fitPlatt(z, y);
    return plattCalibrator(a, b);
  },
};
