/**
 * Reading saved model state back. A saved file may be truncated, hand-edited or from another
 * version, so every field is checked for type, range and length before a model is rebuilt from
 * it; any problem becomes one BAD_MODEL_FILE error that names the model and the field.
 */
import { AutoMLError, errorMessage, isAutoMLError } from '../../../util/errors.ts';
import { decodeFloats, decodeInts, isJsonObject } from '../../../util/json.ts';
import type { JsonObject } from '../../../util/json.ts';

export class StateReader {
  private readonly state: JsonObject;

  constructor(
    state: unknown,
    private readonly what: string,
  ) {
    if (!isJsonObject(state)) this.fail('saved state must be an object');
    this.state = state;
  }

  fail(message: string): never {
    throw new AutoMLError('BAD_MODEL_FILE', `${this.what}: ${message}`);
  }

  private field(key: string): unknown {
    if (!(key in this.state)) this.fail(`field "${key}" is missing`);
    return this.state[key];
  }

  /** Whether an optional field is present (fields added in later versions). */
  has(key: string): boolean {
    return key in this.state;
  }

  /** A sub-object, e.g. the saved hyperparameters. */
  object(key: string): StateReader {
    return new StateReader(this.field(key), `${this.what}.${key}`);
  }

  number(key: string): number {
    const value = this.field(key);
    if (typeof value !== 'number' || !Number.isFinite(value)) this.fail(`field "${key}" must be a finite number`);
    return value;
  }

  integer(key: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
    const value = this.number(key);
    if (!Number.isInteger(value) || value < min || value > max) {
      this.fail(`field "${key}" must be an integer in ${min}..${max}, got ${value}`);
    }
    return value;
  }

  boolean(key: string): boolean {
    const value = this.field(key);
    if (typeof value !== 'boolean') this.fail(`field "${key}" must be a boolean`);
    return value;
  }

  choice<T extends string>(key: string, options: readonly T[]): T {
    const value = this.field(key);
    const match = options.find((option) => option === value);
    if (match === undefined) this.fail(`field "${key}" must be one of ${options.join(', ')}`);
    return match;
  }

  /**
   * Floats of an exact length. Infinities are allowed only where a model stores them on purpose
   * (log priors of absent classes); NaN never is.
   */
  floats(key: string, length: number, allowInfinite = false): Float64Array {
    const values = this.decode(key, () => decodeFloats(this.field(key), key));
    if (values.length !== length) this.fail(`field "${key}" must have ${length} values, got ${values.length}`);
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if (Number.isNaN(v) || (!allowInfinite && !Number.isFinite(v))) this.fail(`field "${key}"[${i}] is not finite`);
    }
    return values;
  }

  /** Integers of an exact length, each in min..max. */
  ints(key: string, length: number, min: number, max: number): Int32Array {
    const values = this.decode(key, () => decodeInts(this.field(key), key));
    if (values.length !== length) this.fail(`field "${key}" must have ${length} values, got ${values.length}`);
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if (v < min || v > max) this.fail(`field "${key}"[${i}] = ${v} is outside ${min}..${max}`);
    }
    return values;
  }

  /** Runs a step of rebuilding and reports whatever it throws as a bad model file. */
  rebuild<T>(step: () => T): T {
    try {
      return step();
    } catch (error) {
      if (isAutoMLError(error) && error.code === 'BAD_MODEL_FILE') throw error;
      throw new AutoMLError('BAD_MODEL_FILE', `${this.what}: ${errorMessage(error)}`, { cause: error });
    }
  }

  private decode<T>(key: string, step: () => T): T {
    try {
      return step();
    } catch (error) {
      return this.fail(`field "${key}": ${errorMessage(error)}`);
    }
  }
}
