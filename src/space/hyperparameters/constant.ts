/**
 * A hyperparameter with one value, e.g. a setting a component fixes but records in its space.
 * Vector view: index 0 of a single choice (`choiceCount` 1); unit view: 0.5, the one cell's centre.
 */
import type { Rng } from '../../util/rng.ts';
import type { JsonObject } from '../../util/json.ts';
import type { Hyperparameter } from './hyperparameter.ts';
import type { Value } from '../types.ts';
import { badSpace, isValueType, showValue } from '../errors.ts';
import { checkName } from './checks.ts';

export class ConstantHyperparameter implements Hyperparameter<Value> {
  readonly kind = 'constant';
  readonly choiceCount = 1;
  readonly ordered = false;
  readonly name: string;
  readonly value: Value;
  readonly default: Value;

  constructor(name: string, value: Value) {
    this.name = checkName(name);
    if (!isValueType(value)) {
      throw badSpace(`hyperparameter "${name}": a constant must be a string, finite number or boolean, got ${showValue(value)}`);
    }
    this.value = value;
    this.default = value;
  }

  isLegal(value: unknown): value is Value {
    return value === this.value;
  }

  isLegalVector(x: number): boolean {
    return x === 0;
  }

  toUnit(_value: Value): number {
    return 0.5;
  }

  fromUnit(_u: number): Value {
    return this.value;
  }

  toVector(_value: Value): number {
    return 0;
  }

  fromVector(_x: number): Value {
    return this.value;
  }

  rank(_value: Value): number {
    throw badSpace(`hyperparameter "${this.name}": a constant has no order`);
  }

  sample(_rng: Rng): Value {
    return this.value;
  }

  neighbours(_value: Value, _rng: Rng, _count: number): Value[] {
    return [];
  }

  withName(name: string): ConstantHyperparameter {
    return new ConstantHyperparameter(name, this.value);
  }

  toJSON(): JsonObject {
    return { type: 'constant', name: this.name, value: this.value };
  }
}
