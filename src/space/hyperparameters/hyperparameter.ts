/**
 * The contract every hyperparameter kind implements.
 *
 * Two numeric views of a value exist:
 * - the unit view (`toUnit`/`fromUnit`) maps every kind onto [0, 1]; the prior of float, integer
 *   and ordinal kinds is uniform in it, and numeric neighbours take their steps in it;
 * - the vector view (`toVector`/`fromVector`) is what the configuration codec stores (see
 *   codec.ts): equal to the unit view for float, integer and ordinal kinds, but the choice INDEX
 *   (0, 1, …, k-1, not scaled) for categorical and constant kinds.
 *
 * Methods taking a value assume it is legal (`isLegal`); the space checks before calling.
 */
import type { Rng } from '../../util/rng.ts';
import type { JsonObject } from '../../util/json.ts';
import type { HyperparameterKind, Value } from '../types.ts';

export interface Hyperparameter<V extends Value = Value> {
  readonly kind: HyperparameterKind;
  readonly name: string;
  readonly default: V;
  /**
   * Number of unordered choices the surrogate must treat as categories: k for categorical,
   * 1 for constant, 0 for float, integer and ordinal (ordered, split like numbers).
   */
  readonly choiceCount: number;
  /** Whether values have an order, so that less-than / greater-than conditions apply. */
  readonly ordered: boolean;

  isLegal(value: unknown): value is V;
  /** Whether `x` is a vector-view value this hyperparameter can decode. */
  isLegalVector(x: number): boolean;
  toUnit(value: V): number;
  fromUnit(u: number): V;
  toVector(value: V): number;
  fromVector(x: number): V;
  /** Position in the value order, for ordered kinds (the number itself or the sequence index). */
  rank(value: V): number;
  /** One draw from the prior. */
  sample(rng: Rng): V;
  /**
   * Values near `value`, all different from it and from each other. Numeric kinds return up to
   * `count`; categorical returns every other choice, ordinal its adjacent values, constant none.
   */
  neighbours(value: V, rng: Rng, count: number): V[];
  /** The same hyperparameter under another name (used when a sub-space is prefixed). */
  withName(name: string): Hyperparameter<V>;
  /** Type-tagged description with a fixed key order (see json.ts). */
  toJSON(): JsonObject;
}
