/**
 * Readers for saved model state. A saved file is untrusted input: every field is checked for
 * presence, type and size, and any problem surfaces as AutoMLError('BAD_MODEL_FILE').
 */
import { AutoMLError, isAutoMLError } from '../../../util/errors.ts';
import { decodeFloats, isJsonObject } from '../../../util/json.ts';
import type { JsonObject } from '../../../util/json.ts';

export function badModelFile(model: string, message: string, cause?: unknown): AutoMLError {
  return new AutoMLError('BAD_MODEL_FILE', `${model}: ${message}`, cause === undefined ? {} : { cause });
}

export function readObject(state: JsonObject, key: string, model: string): JsonObject {
  const value = state[key];
  if (!isJsonObject(value)) throw badModelFile(model, `"${key}" must be an object`);
  return value;
}

export function readNumber(state: JsonObject, key: string, model: string): number {
  const value = state[key];
  if (typeof value !== 'number' || !Number.isFinite(value)) throw badModelFile(model, `"${key}" must be a finite number`);
  return value;
}

export function readInteger(state: JsonObject, key: string, model: string, min: number): number {
  const value = readNumber(state, key, model);
  if (!Number.isInteger(value) || value < min) throw badModelFile(model, `"${key}" must be an integer >= ${min}`);
  return value;
}

export function readBoolean(state: JsonObject, key: string, model: string): boolean {
  const value = state[key];
  if (typeof value !== 'boolean') throw badModelFile(model, `"${key}" must be a boolean`);
  return value;
}

export function readString(state: JsonObject, key: string, model: string): string {
  const value = state[key];
  if (typeof value !== 'string') throw badModelFile(model, `"${key}" must be a string`);
  return value;
}

/** A float array of exactly `length` finite values. */
export function readFiniteFloats(state: JsonObject, key: string, model: string, length: number): Float64Array {
  let values: Float64Array;
  try {
    values = decodeFloats(state[key], key);
  } catch (error) {
    throw badModelFile(model, `"${key}" must be an array of numbers`, error);
  }
  if (values.length !== length) throw badModelFile(model, `"${key}" must have ${length} values, got ${values.length}`);
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i]!)) throw badModelFile(model, `"${key}"[${i}] is not finite`);
  }
  return values;
}

/** Runs `build`, turning an invalid-option error (e.g. from a constructor) into BAD_MODEL_FILE. */
export function rebuildOrThrow<T>(model: string, build: () => T): T {
  try {
    return build();
  } catch (error) {
    if (isAutoMLError(error) && error.code === 'BAD_MODEL_FILE') throw error;
    throw badModelFile(model, `invalid saved state: ${error instanceof Error ? error.message : String(error)}`, error);
  }
}
