/** Constructor checks shared by the hyperparameter kinds; every failure is BAD_SPACE. */
import { badSpace, isValueType, showValue } from '../errors.ts';
import type { Value } from '../types.ts';

export function checkName(name: unknown): string {
  if (typeof name !== 'string' || name.length === 0) {
    throw badSpace(`hyperparameter name must be a non-empty string, got ${showValue(name)}`);
  }
  // Configurations are plain objects keyed by name; this key would set their prototype instead.
  if (name === '__proto__') throw badSpace('hyperparameter name "__proto__" is reserved');
  return name;
}

export function checkFinite(name: string, what: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw badSpace(`hyperparameter "${name}": ${what} must be a finite number, got ${showValue(value)}`);
  }
  return value;
}

/** Distinct values of the allowed types, at least one; returns value → position. */
export function checkChoices(name: string, what: string, values: unknown): Map<Value, number> {
  if (!Array.isArray(values) || values.length === 0) {
    throw badSpace(`hyperparameter "${name}": ${what} must be a non-empty array`);
  }
  const positions = new Map<Value, number>();
  values.forEach((value: unknown, i) => {
    if (!isValueType(value)) {
      throw badSpace(`hyperparameter "${name}": ${what}[${i}] must be a string, finite number or boolean, got ${showValue(value)}`);
    }
    if (positions.has(value)) throw badSpace(`hyperparameter "${name}": ${what} repeat ${showValue(value)}`);
    positions.set(value, i);
  });
  return positions;
}

export function illegalDefault(name: string, value: unknown): Error {
  return badSpace(`hyperparameter "${name}": default ${showValue(value)} is not a legal value`);
}

export function clampUnit(u: number): number {
  return u < 0 ? 0 : u > 1 ? 1 : u;
}

/** Cell index of `u` among `n` equal cells of [0, 1]; the right end belongs to the last cell. */
export function cellOf(u: number, n: number): number {
  const cell = Math.floor(u * n);
  return cell < 0 ? 0 : cell >= n ? n - 1 : cell;
}

/** Centre of cell `i` among `n`: the unit value of the i-th of n discrete values. */
export function cellCentre(i: number, n: number): number {
  return (i + 0.5) / n;
}
