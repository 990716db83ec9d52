/**
 * Integer hyperparameter on [lower, upper], uniform or log-uniform.
 *
 * Unit view: the range is cut into one cell per integer and an integer maps to the centre of its
 * cell, so that unit → integer (which cell?) → unit is exact and far from any cell edge.
 * - uniform: n = upper - lower + 1 equal cells of [0, 1], so the prior is uniform on the integers;
 * - log: cells are equal-width in log space over [lower - 0.5, upper + 0.5] (integer k owns
 *   [k - 0.5, k + 0.5]); the prior is the log-uniform density integrated over each cell.
 */
import type { Rng } from '../../util/rng.ts';
import type { JsonObject } from '../../util/json.ts';
import type { Hyperparameter } from './hyperparameter.ts';
import { badSpace } from '../errors.ts';
import { cellCentre, cellOf, checkName, clampUnit, illegalDefault } from './checks.ts';
import { fillWithNearestIntegers, gaussianNeighbours } from './numeric-neighbours.ts';

/**
 * Bounds are limited to ±2^40 so that cell centres stay exactly decodable (a cell is then
 * always many rounding errors wide); wider ranges belong in a float hyperparameter.
 */
export const MAX_INTEGER_BOUND = 2 ** 40;

export interface IntegerOptions {
  readonly log?: boolean;
  /** Defaults to the integer at the middle of the unit view. */
  readonly default?: number;
}

export class IntegerHyperparameter implements Hyperparameter<number> {
  readonly kind = 'integer';
  readonly choiceCount = 0;
  readonly ordered = true;
  readonly name: string;
  readonly lower: number;
  readonly upper: number;
  readonly log: boolean;
  readonly default: number;
  /** Number of integers in the range. */
  readonly count: number;
  /** Log-scale cell bounds (only used when `log`). */
  private readonly logLow: number;
  private readonly logSpan: number;

  constructor(name: string, lower: number, upper: number, options: IntegerOptions = {}) {
    this.name = checkName(name);
    for (const [what, bound] of [['lower', lower], ['upper', upper]] as const) {
      if (!Number.isInteger(bound) || Math.abs(bound) > MAX_INTEGER_BOUND) {
        throw badSpace(`hyperparameter "${name}": ${what} must be an integer within ±2^40, got ${String(bound)}`);
      }
    }
    if (!(lower < upper)) throw badSpace(`hyperparameter "${name}": lower ${lower} must be below upper ${upper}`);
    this.log = options.log ?? false;
    if (this.log && !(lower >= 1)) throw badSpace(`hyperparameter "${name}": a log scale needs lower >= 1, got ${lower}`);
    this.lower = lower;
    this.upper = upper;
    this.count = upper - lower + 1;
    this.logLow = this.log ? Math.log(lower - 0.5) : 0;
    this.logSpan = this.log ? Math.log(upper + 0.5) - this.logLow : 1;
    const chosen = options.default ?? this.fromUnit(0.5);
    if (!this.isLegal(chosen)) throw illegalDefault(name, chosen);
    this.default = chosen;
  }

  isLegal(value: unknown): value is number {
    return typeof value === 'number' && Number.isInteger(value) && value >= this.lower && value <= this.upper;
  }

  isLegalVector(x: number): boolean {
    return x >= 0 && x <= 1;
  }

  toUnit(value: number): number {
    if (!this.log) return cellCentre(value - this.lower, this.count);
    // Middle of [log(k - 0.5), log(k + 0.5)].
    const centre = 0.5 * (Math.log(value - 0.5) + Math.log(value + 0.5));
    return clampUnit((centre - this.logLow) / this.logSpan);
  }

  fromUnit(u: number): number {
    if (!this.log) return this.lower + cellOf(u, this.count);
    const k = Math.round(Math.exp(this.logLow + this.logSpan * clampUnit(u)));
    return k < this.lower ? this.lower : k > this.upper ? this.upper : k;
  }

  toVector(value: number): number {
    return this.toUnit(value);
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
    const wanted = Math.min(count, this.count - 1);
    const found = gaussianNeighbours(value, this.toUnit(value), rng, count, this.count - 1, (u) => this.fromUnit(u));
    return fillWithNearestIntegers(found, value, this.lower, this.upper, wanted);
  }

  withName(name: string): IntegerHyperparameter {
    return new IntegerHyperparameter(name, this.lower, this.upper, { log: this.log, default: this.default });
  }

  toJSON(): JsonObject {
    return { type: 'integer', name: this.name, lower: this.lower, upper: this.upper, log: this.log, default: this.default };
  }
}
