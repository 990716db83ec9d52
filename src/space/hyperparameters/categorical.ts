/**
 * Unordered choice among values (strings, numbers or booleans), optionally weighted.
 *
 * Vector view: the choice index itself (0 … k-1), which tree surrogates split on as categories
 * (`choiceCount` = k). Unit view: the centre of the index's cell among k equal cells.
 * Prior: uniform over choices, or proportional to `weights` when given.
 */
import type { Rng } from '../../util/rng.ts';
import type { JsonObject } from '../../util/json.ts';
import type { Hyperparameter } from './hyperparameter.ts';
import type { Value } from '../types.ts';
import { badSpace } from '../errors.ts';
import { cellCentre, cellOf, checkChoices, checkName, illegalDefault } from './checks.ts';

export interface CategoricalOptions {
  /** Defaults to the first choice. */
  readonly default?: Value;
  /** Non-negative prior weights, one per choice, not all zero; need not sum to 1. */
  readonly weights?: readonly number[];
}

export class CategoricalHyperparameter implements Hyperparameter<Value> {
  readonly kind = 'categorical';
  readonly ordered = false;
  readonly name: string;
  readonly choices: readonly Value[];
  readonly default: Value;
  readonly weights: readonly number[] | undefined;
  readonly choiceCount: number;
  private readonly indexOf: ReadonlyMap<Value, number>;

  constructor(name: string, choices: readonly Value[], options: CategoricalOptions = {}) {
    this.name = checkName(name);
    this.indexOf = checkChoices(name, 'choices', choices);
    this.choices = Object.freeze([...choices]);
    this.choiceCount = choices.length;
    this.weights = options.weights === undefined ? undefined : checkWeights(name, options.weights, choices.length);
    const chosen = options.default ?? choices[0];
    if (!this.isLegal(chosen)) throw illegalDefault(name, chosen);
    this.default = chosen;
  }

  isLegal(value: unknown): value is Value {
    return this.indexOf.has(value as Value);
  }

  isLegalVector(x: number): boolean {
    return Number.isInteger(x) && x >= 0 && x < this.choiceCount;
  }

  /** Position of a legal value among the choices. */
  index(value: Value): number {
    return this.indexOf.get(value) ?? -1;
  }

  toUnit(value: Value): number {
    return cellCentre(this.index(value), this.choiceCount);
  }

  fromUnit(u: number): Value {
    return this.choices[cellOf(u, this.choiceCount)]!;
  }

  toVector(value: Value): number {
    return this.index(value);
  }

  fromVector(x: number): Value {
    return this.choices[x]!;
  }

  rank(_value: Value): number {
    throw badSpace(`hyperparameter "${this.name}": categorical values have no order`);
  }

  sample(rng: Rng): Value {
    const index = this.weights === undefined ? rng.int(this.choiceCount) : rng.weightedIndex(this.weights);
    return this.choices[index]!;
  }

  /** Every other choice, in random order (`count` only limits numeric kinds). */
  neighbours(value: Value, rng: Rng, _count: number): Value[] {
    const others = this.choices.filter((choice) => choice !== value);
    return rng.shuffle(others);
  }

  withName(name: string): CategoricalHyperparameter {
    const options: CategoricalOptions = this.weights === undefined
      ? { default: this.default }
      : { default: this.default, weights: this.weights };
    return new CategoricalHyperparameter(name, this.choices, options);
  }

  toJSON(): JsonObject {
    const json: JsonObject = { type: 'categorical', name: this.name, choices: [...this.choices], default: this.default };
    if (this.weights !== undefined) json['weights'] = [...this.weights];
    return json;
  }
}

function checkWeights(name: string, weights: unknown, count: number): readonly number[] {
  if (!Array.isArray(weights) || weights.length !== count) {
    throw badSpace(`hyperparameter "${name}": weights must be an array of ${count} numbers`);
  }
  let total = 0;
  for (const weight of weights as unknown[]) {
    if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0) {
      throw badSpace(`hyperparameter "${name}": weights must be finite and non-negative`);
    }
    total += weight;
  }
  if (!(total > 0)) throw badSpace(`hyperparameter "${name}": weights must not all be zero`);
  return Object.freeze([...(weights as number[])]);
}
