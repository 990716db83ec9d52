/**
 * Real-valued hyperparameter on [lower, upper], uniform or log-uniform.
 *
 * Exact round trips: mapping a value to the unit view and back may move it by a rounding error.
 * `fromUnit` therefore returns a *canonical* value v, one for which fromUnit(toUnit(v)) === v:
 * it iterates value → unit → value until nothing moves (the composed map is monotone, so the
 * iteration settles within a few steps). Every value the library produces — samples, neighbours,
 * decoded vectors — is canonical, and the default maps back to itself by a special case.
 */
import type { Rng } from '../../util/rng.ts';
import type { JsonObject } from '../../util/json.ts';
import type { Hyperparameter } from './hyperparameter.ts';
import { badSpace } from '../errors.ts';
import { checkFinite, checkName, clampUnit, illegalDefault } from './checks.ts';
import { gaussianNeighbours } from './numeric-neighbours.ts';

/** Far more than needed: the iteration settles in one or two steps in practice. */
const MAX_CANONICAL_STEPS = 64;

export interface FloatOptions {
  readonly log?: boolean;
  /** Defaults to the middle of the unit view (the geometric mean on a log scale). */
  readonly default?: number;
}

export class FloatHyperparameter implements Hyperparameter<number> {
  readonly kind = 'float';
  readonly choiceCount = 0;
  readonly ordered = true;
  readonly name: string;
  readonly lower: number;
  readonly upper: number;
  readonly log: boolean;
  readonly default: number;
  /** Bounds in the transformed scale (natural log when `log`). */
  private readonly low: number;
  private readonly span: number;
  private readonly defaultUnit: number;

  constructor(name: string, lower: number, upper: number, options: FloatOptions = {}) {
    this.name = checkName(name);
    this.lower = checkFinite(name, 'lower', lower);
    this.upper = checkFinite(name, 'upper', upper);
    this.log = options.log ?? false;
    if (!(lower < upper)) throw badSpace(`hyperparameter "${name}": lower ${lower} must be below upper ${upper}`);
    if (this.log && !(lower > 0)) throw badSpace(`hyperparameter "${name}": a log scale needs lower > 0, got ${lower}`);
    this.low = this.log ? Math.log(lower) : lower;
    this.span = (this.log ? Math.log(upper) : upper) - this.low;
    if (!Number.isFinite(this.span)) throw badSpace(`hyperparameter "${name}": range too wide`);
    this.defaultUnit = NaN;
    const chosen = options.default ?? this.canonical(this.rawFromUnit(0.5));
    if (!this.isLegal(chosen)) throw illegalDefault(name, chosen);
    this.default = chosen;
    this.defaultUnit = this.rawToUnit(chosen);
  }

  isLegal(value: unknown): value is number {
    return typeof value === 'number' && value >= this.lower && value <= this.upper;
  }

  isLegalVector(x: number): boolean {
    return x >= 0 && x <= 1;
  }

  toUnit(value: number): number {
    return this.rawToUnit(value);
  }

  fromUnit(u: number): number {
    if (u === this.defaultUnit) return this.default;
    const value = this.canonical(this.rawFromUnit(clampUnit(u)));
    // A different value sharing the default's unit point would not come back: prefer the default.
    return this.rawToUnit(value) === this.defaultUnit ? this.default : value;
  }

  toVector(value: number): number {
    return this.rawToUnit(value);
  }

  fromVector(x: number): number {
    return this.fromUnit(x);
  }

  rank(value: number): number {
    return value;
  }

  sample(rng: Rng): number {
    return this.fromUnit(rng.next());
  }

  neighbours(value: number, rng: Rng, count: number): number[] {
    return gaussianNeighbours(value, this.rawToUnit(value), rng, count, count, (u) => this.fromUnit(u));
  }

  withName(name: string): FloatHyperparameter {
    return new FloatHyperparameter(name, this.lower, this.upper, { log: this.log, default: this.default });
  }

  toJSON(): JsonObject {
    return { type: 'float', name: this.name, lower: this.lower, upper: this.upper, log: this.log, default: this.default };
  }

  private rawFromUnit(u: number): number {
    // Monotone in u (each rounded operation is), which the canonical iteration relies on.
    const t = this.log ? Math.exp(this.low + this.span * u) : this.lower + this.span * u;
    return t < this.lower ? this.lower : t > this.upper ? this.upper : t;
  }

  private rawToUnit(value: number): number {
    const t = this.log ? Math.log(value) : value;
    return clampUnit((t - this.low) / this.span);
  }

  private canonical(value: number): number {
    let v = value;
    for (let step = 0; step < MAX_CANONICAL_STEPS; step++) {
      const next = this.rawFromUnit(this.rawToUnit(v));
      if (next === v) return v;
      v = next;
    }
    return v;
  }
}
