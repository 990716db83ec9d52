/**
 * A saved calibrator read back from a model file: checked value by value (a corrupt or edited file
 * must fail on load, not predict NaN), then rebuilt. Imports no fitting code beyond the maps.
 */
import { isotonicCalibrator } from './isotonic.ts';
import { plattCalibrator } from './platt.ts';
import { temperatureCalibrator } from './temperature.ts';
import type { Calibrator, IsotonicCurve, SavedCalibrator } from './types.ts';

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function checkCurve(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return 'an isotonic curve is not an object';
  const { x, y } = value as Record<string, unknown>;
  if (!Array.isArray(x) || !Array.isArray(y) || x.length === 0 || x.length !== y.length) return 'an isotonic curve needs equally long, non-empty x and y';
  for (let i = 0; i < x.length; i++) {
    const [xi, yi] = [x[i], y[i]];
    if (!finite(xi) || !finite(yi) || yi <= 0 || yi >= 1 || xi < 0 || xi > 1) return 'an isotonic curve holds a value outside (0, 1)';
    if (i > 0 && (xi < (x[i - 1] as number) || yi < (y[i - 1] as number))) return 'an isotonic curve is not non-decreasing';
  }
  return null;
}

/** What is wrong with a saved calibrator of a model with `nClasses` classes, or null. */
export function checkCalibrator(value: unknown, nClasses: number): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'calibrator is not an object';
  const saved = value as Record<string, unknown>;
  switch (saved['method']) {
    case 'temperature':
      return finite(saved['temperature']) && saved['temperature'] > 0 ? null : `calibrator temperature ${JSON.stringify(saved['temperature'])} is not a positive number`;
    case 'platt':
      if (nClasses !== 2) return 'a Platt calibrator needs a binary model';
      return finite(saved['a']) && saved['a'] >= 0 && finite(saved['b']) ? null : 'Platt calibrator a, b must be finite numbers, a ≥ 0';
    case 'isotonic': {
      const curves = saved['curves'];
      if (!Array.isArray(curves) || curves.length !== (nClasses === 2 ? 1 : nClasses)) return `an isotonic calibrator needs ${nClasses === 2 ? 1 : nClasses} curve(s)`;
      for (const curve of curves) {
        const problem = checkCurve(curve);
        if (problem !== null) return problem;
      }
      return null;
    }
    default:
      return `calibrator method ${JSON.stringify(saved['method'])} is not 'temperature', 'platt' or 'isotonic'`;
  }
}

/** The calibrator a checked (checkCalibrator) saved value describes. */
export function loadCalibrator(saved: SavedCalibrator): Calibrator {
  switch (saved.method) {
    case 'temperature':
      return temperatureCalibrator(saved.temperature);
    case 'platt':
      return plattCalibrator(saved.a, saved.b);
    case 'isotonic':
      return isotonicCalibrator(saved.curves.map((c): IsotonicCurve => ({ x: c.x, y: c.y })));
  }
}
