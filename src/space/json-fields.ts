/**
 * Strict field readers for space JSON: every failure is BAD_SPACE naming the entry (e.g.
 * `hyperparameters[3]`) and the field, and unexpected fields are refused so typos do not pass.
 */
import type { Value } from './types.ts';
import { isJsonObject } from '../util/json.ts';
import type { JsonObject } from '../util/json.ts';
import { badSpace, isValueType, showValue } from './errors.ts';

export class Entry {
  constructor(readonly where: string, readonly object: JsonObject) {}

  static of(value: unknown, where: string): Entry {
    if (!isJsonObject(value)) throw badSpace(`${where}: expected an object, got ${showValue(value)}`);
    return new Entry(where, value);
  }

  /** Refuses fields outside `allowed`. */
  only(allowed: readonly string[]): this {
    for (const key of Object.keys(this.object)) {
      if (!allowed.includes(key)) throw badSpace(`${this.where}: unexpected field "${key}"`);
    }
    return this;
  }

  has(key: string): boolean {
    return Object.hasOwn(this.object, key);
  }

  private raw(key: string): unknown {
    if (!this.has(key)) throw badSpace(`${this.where}: missing field "${key}"`);
    return this.object[key];
  }

  string(key: string): string {
    const value = this.raw(key);
    if (typeof value !== 'string') throw this.wrong(key, 'a string', value);
    return value;
  }

  number(key: string): number {
    const value = this.raw(key);
    if (typeof value !== 'number' || !Number.isFinite(value)) throw this.wrong(key, 'a finite number', value);
    return value;
  }

  boolean(key: string): boolean {
    const value = this.raw(key);
    if (typeof value !== 'boolean') throw this.wrong(key, 'true or false', value);
    return value;
  }

  value(key: string): Value {
    const value = this.raw(key);
    if (!isValueType(value)) throw this.wrong(key, 'a string, finite number or boolean', value);
    return value;
  }

  values(key: string): Value[] {
    return this.array(key).map((value, i) => {
      if (!isValueType(value)) throw this.wrong(`${key}[${i}]`, 'a string, finite number or boolean', value);
      return value;
    });
  }

  numbers(key: string): number[] {
    return this.array(key).map((value, i) => {
      if (typeof value !== 'number' || !Number.isFinite(value)) throw this.wrong(`${key}[${i}]`, 'a finite number', value);
      return value;
    });
  }

  array(key: string): unknown[] {
    const value = this.raw(key);
    if (!Array.isArray(value)) throw this.wrong(key, 'an array', value);
    return value;
  }

  private wrong(key: string, expected: string, got: unknown): Error {
    return badSpace(`${this.where}: field "${key}" must be ${expected}, got ${showValue(got)}`);
  }
}
