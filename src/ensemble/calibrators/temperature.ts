/** Temperature scaling (../temperature.ts) in the common calibrator shape. */
import type { ProbabilityMatrix } from '../../components/matrix.ts';
import { applyTemperature, fitExponent } from '../temperature.ts';
import type { Calibrator, CalibratorFitter } from './types.ts';

export function temperatureCalibrator(temperature: number): Calibrator {
  return {
    method: 'temperature',
    apply: (proba: ProbabilityMatrix) => applyTemperature(proba, temperature),
    toJSON: () => ({ method: 'temperature', temperature }),
    describe: () => `T = ${temperature.toFixed(3)}`,
  };
}

export const temperatureFitter: CalibratorFitter = {
  method: 'temperature',
  applicable: (nRows) => nRows >= 2,
  fit: (proba, codes) => temperatureCalibrator(1 / fitExponent(proba, codes)),
};
