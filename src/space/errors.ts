/**
 * Typed errors of the search-space library. Malformed spaces are BAD_SPACE; problems with one
 * configuration carry the offending hyperparameter name and value so that callers can report them.
 */
import { AutoMLError } from '../util/errors.ts';
import type { ErrorCode } from '../util/errors.ts';

export type ConfigurationErrorCode =
  | 'ILLEGAL_VALUE'
  | 'INACTIVE_VALUE_SET'
  | 'ACTIVE_VALUE_MISSING'
  | 'FORBIDDEN_CONFIGURATION';

export class ConfigurationError extends AutoMLError {
  declare readonly code: ConfigurationErrorCode;
  /** The hyperparameter at fault; undefined for a forbidden combination. */
  readonly hyperparameter: string | undefined;
  /** The offending value as given (may be of any type when it is illegal). */
  readonly value: unknown;

  constructor(code: ConfigurationErrorCode, message: string, hyperparameter?: string, value?: unknown) {
    super(code satisfies ErrorCode, message);
    this.name = 'ConfigurationError';
    this.hyperparameter = hyperparameter;
    this.value = value;
  }
}

export function badSpace(message: string, cause?: unknown): AutoMLError {
  return new AutoMLError('BAD_SPACE', message, cause === undefined ? {} : { cause });
}

/** A value as it should appear in messages: strings quoted, so "1" and 1 are distinguishable. */
export function showValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) {
    return String(value);
  }
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** True for the value types a hyperparameter may take (finite numbers only). */
export function isValueType(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}
