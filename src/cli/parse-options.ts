/** Converters for CLI option strings; each throws BAD_OPTION naming the flag. */
import { AutoMLError } from '../util/errors.ts';
import { durationProblem } from '../api/options.ts';

export function positiveNumber(flag: string): (value: string) => number {
  return (value) => {
    const parsed = Number(value);
    if (value.trim() === '' || !Number.isFinite(parsed) || parsed <= 0) {
      throw new AutoMLError('BAD_OPTION', `${flag} must be a positive number, got "${value}"`);
    }
    return parsed;
  };
}

/** A duration in seconds that a timer can actually wait (see MAX_DURATION_SECONDS). */
export function durationSeconds(flag: string): (value: string) => number {
  return (value) => {
    const parsed = value.trim() === '' ? Number.NaN : Number(value);
    const problem = durationProblem(parsed);
    if (problem !== undefined) throw new AutoMLError('BAD_OPTION', `${flag} must be ${problem}, got "${value}"`);
    return parsed;
  };
}

export function nonNegativeInteger(flag: string): (value: string) => number {
  return (value) => {
    const parsed = Number(value);
    if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(parsed)) {
      throw new AutoMLError('BAD_OPTION', `${flag} must be a non-negative integer, got "${value}"`);
    }
    return parsed;
  };
}

export function positiveInteger(flag: string): (value: string) => number {
  const parse = nonNegativeInteger(flag);
  return (value) => {
    const parsed = parse(value);
    if (parsed === 0) throw new AutoMLError('BAD_OPTION', `${flag} must be at least 1, got "${value}"`);
    return parsed;
  };
}
