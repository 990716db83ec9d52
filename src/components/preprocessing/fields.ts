/**
 * Validated reading of plain objects: hyperparameters handed to a constructor and the state
 * read back from a saved model. Both go through the same checks so that a saved file can never
 * rebuild a transformer its constructor would have refused; only the error code differs
 * (ILLEGAL_VALUE for a bad hyperparameter, BAD_MODEL_FILE for a damaged or foreign file).
 */
import { AutoMLError, type ErrorCode } from '../../util/errors.ts';
import { decodeFloats, decodeInts, isJsonObject } from '../../util/json.ts';

export interface NumberRange {
  readonly min?: number;
  readonly max?: number;
  /** Strict lower bound (value must be greater). */
  readonly above?: number;
  readonly integer?: boolean;
}

export class FieldReader {
  private constructor(
    private readonly where: string,
    private readonly source: Readonly<Record<string, unknown>>,
    private readonly code: ErrorCode,
  ) {}

  /** Reads the `state` of a saved transformer of type `type`. */
  static ofState(type: string, state: unknown): FieldReader {
    if (!isJsonObject(state)) {
      throw new AutoMLError('BAD_MODEL_FILE', `${type}: saved state is not an object`);
    }
    return new FieldReader(type, state, 'BAD_MODEL_FILE');
  }

  /**
   * Reads hyperparameters given to a constructor, defaults filled in for absent or undefined keys.
   * Keys the transformer does not know are refused so that a misspelt name cannot pass unnoticed.
   */
  static ofParams(type: string, defaults: object, given: object): FieldReader {
    const merged: Record<string, unknown> = { ...defaults };
    for (const [key, value] of Object.entries(given)) {
      if (!Object.hasOwn(merged, key)) throw new AutoMLError('ILLEGAL_VALUE', `${type}: unknown hyperparameter "${key}"`);
      if (value !== undefined) merged[key] = value;
    }
    return new FieldReader(type, merged, 'ILLEGAL_VALUE');
  }

  fail(message: string): never {
    throw new AutoMLError(this.code, `${this.where}: ${message}`);
  }

  has(key: string): boolean {
    return this.source[key] !== undefined;
  }

  /** The unchecked value of a field, for shapes the typed readers do not cover. */
  raw(key: string): unknown {
    return this.source[key];
  }

  number(key: string, range: NumberRange = {}): number {
    const value = this.source[key];
    if (typeof value !== 'number' || !Number.isFinite(value)) this.fail(`"${key}" must be a finite number`);
    if (range.integer === true && !Number.isInteger(value)) this.fail(`"${key}" must be an integer, got ${value}`);
    if (range.min !== undefined && value < range.min) this.fail(`"${key}" must be >= ${range.min}, got ${value}`);
    if (range.max !== undefined && value > range.max) this.fail(`"${key}" must be <= ${range.max}, got ${value}`);
    if (range.above !== undefined && !(value > range.above)) this.fail(`"${key}" must be > ${range.above}, got ${value}`);
    return value;
  }

  choice<T extends string>(key: string, allowed: readonly T[]): T {
    const value = this.source[key];
    const match = allowed.find((option) => option === value);
    if (match === undefined) this.fail(`"${key}" must be one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`);
    return match;
  }

  boolean(key: string): boolean {
    const value = this.source[key];
    if (typeof value !== 'boolean') this.fail(`"${key}" must be true or false`);
    return value;
  }

  string(key: string): string {
    const value = this.source[key];
    if (typeof value !== 'string') this.fail(`"${key}" must be a string`);
    return value;
  }

  strings(key: string, length?: number): string[] {
    const value = this.source[key];
    if (!Array.isArray(value) || !value.every((item): item is string => typeof item === 'string')) {
      this.fail(`"${key}" must be an array of strings`);
    }
    this.checkLength(key, value.length, length);
    return value;
  }

  floats(key: string, length?: number): Float64Array {
    let values: Float64Array;
    try {
      values = decodeFloats(this.source[key], key);
    } catch (error) {
      this.fail(error instanceof Error ? error.message : `"${key}" must be an array of numbers`);
    }
    this.checkLength(key, values.length, length);
    return values;
  }

  /** Like `floats`, but NaN and infinities are refused. */
  finiteFloats(key: string, length?: number): Float64Array {
    const values = this.floats(key, length);
    if (!values.every(Number.isFinite)) this.fail(`"${key}" must hold finite numbers only`);
    return values;
  }

  /** An array of finite-number arrays (one per feature, say), of any lengths. */
  finiteFloatLists(key: string, length?: number): Float64Array[] {
    const value = this.source[key];
    if (!Array.isArray(value)) this.fail(`"${key}" must be an array`);
    this.checkLength(key, value.length, length);
    return value.map((item: unknown, index) => {
      let values: Float64Array;
      try {
        values = decodeFloats(item, `${key}[${index}]`);
      } catch (error) {
        this.fail(error instanceof Error ? error.message : `"${key}[${index}]" must be an array of numbers`);
      }
      if (!values.every(Number.isFinite)) this.fail(`"${key}[${index}]" must hold finite numbers only`);
      return values;
    });
  }

  ints(key: string, length?: number, range: NumberRange = {}): Int32Array {
    let values: Int32Array;
    try {
      values = decodeInts(this.source[key], key);
    } catch (error) {
      this.fail(error instanceof Error ? error.message : `"${key}" must be an array of integers`);
    }
    this.checkLength(key, values.length, length);
    for (const value of values) {
      if (range.min !== undefined && value < range.min) this.fail(`"${key}" holds ${value} < ${range.min}`);
      if (range.max !== undefined && value > range.max) this.fail(`"${key}" holds ${value} > ${range.max}`);
    }
    return values;
  }

  /** A nested object, read with the same error code. */
  child(key: string): FieldReader {
    const value = this.source[key];
    if (!isJsonObject(value)) this.fail(`"${key}" must be an object`);
    return new FieldReader(`${this.where}.${key}`, value, this.code);
  }

  /** An array of nested objects. */
  children(key: string, length?: number): FieldReader[] {
    const value = this.source[key];
    if (!Array.isArray(value)) this.fail(`"${key}" must be an array`);
    this.checkLength(key, value.length, length);
    return value.map((item: unknown, index) => {
      if (!isJsonObject(item)) this.fail(`"${key}[${index}]" must be an object`);
      return new FieldReader(`${this.where}.${key}[${index}]`, item, this.code);
    });
  }

  private checkLength(key: string, actual: number, expected: number | undefined): void {
    if (expected !== undefined && actual !== expected) {
      this.fail(`"${key}" must have ${expected} entries, has ${actual}`);
    }
  }
}
