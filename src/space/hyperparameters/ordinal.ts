/**
 * Ordered sequence of values (e.g. "low" < "medium" < "high").
 *
 * Vector and unit view: the centre of the value's cell among n equal cells, as for a uniform
 * integer. Ordinals are therefore ordered numeric dimensions for the surrogate (`choiceCount` 0),
 * so splits respect the order. Prior: uniform over the sequence. Neighbours: adjacent values.
 */
import type { Rng } from '../../util/rng.ts';
import type { JsonObject } from '../../util/json.ts';
import type { Hyperparameter } from './hyperparameter.ts';
import type { Value } from '../types.ts';
import { cellCentre, cellOf, checkChoices, checkName, illegalDefault } from './checks.ts';

export interface OrdinalOptions {
  /** Defaults to the first value of the sequence. */
  readonly default?: Value;
}

export class OrdinalHyperparameter implements Hyperparameter<Value> {
  readonly kind = 'ordinal';
  readonly choiceCount = 0;
  readonly ordered = true;
  readonly name: string;
  readonly sequence: readonly Value[];
  readonly default: Value;
  private readonly indexOf: ReadonlyMap<Value, number>;

  constructor(name: string, sequence: readonly Value[], options: OrdinalOptions = {}) {
    this.name = checkName(name);
    this.indexOf = checkChoices(name, 'sequence', sequence);
    this.sequence = Object.freeze([...sequence]);
    const chosen = options.default ?? sequence[0];
    if (!this.isLegal(chosen)) throw illegalDefault(name, chosen);
    this.default = chosen;
  }

  isLegal(value: unknown): value is Value {
    return this.indexOf.has(value as Value);
  }

  isLegalVector(x: number): boolean {
    return x >= 0 && x <= 1;
  }

  /** Position of a legal value in the sequence. */
  index(value: Value): number {
    return this.indexOf.get(value) ?? -1;
  }

  toUnit(value: Value): number {
    return cellCentre(this.index(value), this.sequence.length);
  }

  fromUnit(u: number): Value {
    return this.sequence[cellOf(u, this.sequence.length)]!;
  }

  toVector(value: Value): number {
    return this.toUnit(value);
  }

  fromVector(x: number): Value {
    return this.fromUnit(x);
  }

  rank(value: Value): number {
    return this.index(value);
  }

  sample(rng: Rng): Value {
    return this.fromUnit(rng.next());
  }

  /** The values just before and after (one at either end); `count` only limits numeric kinds. */
  neighbours(value: Value, _rng: Rng, _count: number): Value[] {
    const i = this.index(value);
    const out: Value[] = [];
    if (i > 0) out.push(this.sequence[i - 1]!);
    if (i + 1 < this.sequence.length) out.push(this.sequence[i + 1]!);
    return out;
  }

  withName(name: string): OrdinalHyperparameter {
    return new OrdinalHyperparameter(name, this.sequence, { default: this.default });
  }

  toJSON(): JsonObject {
    return { type: 'ordinal', name: this.name, sequence: [...this.sequence], default: this.default };
  }
}
