/**
 * The one vector codec: a configuration ↔ a Float64Array with one entry per hyperparameter, in
 * the space's dimension order (parents before children, otherwise insertion order).
 *
 * Entry per kind:
 * - float, integer, ordinal: the value's position in the unit interval [0, 1] (log scale where
 *   the hyperparameter is log; integers and ordinals at the centre of their cell), so these are
 *   ordered numeric dimensions (`choiceCount` 0);
 * - categorical: the choice INDEX 0 … k-1 itself, not scaled, so that a random-forest surrogate
 *   can treat it as a category with `choiceCount` k;
 * - constant: 0, a category with `choiceCount` 1;
 * - inactive hyperparameter: NaN. Only the surrogate replaces NaN (by its own convention, e.g.
 *   `choiceCount` for categories and −1 for numbers); the codec never does.
 *
 * Round trips are exact: decode(encode(c)) equals c for every configuration the library produces
 * (samples, neighbours, decodes, defaults) — see float.ts for how float values are kept canonical.
 */
import type { SpacePlan } from './plan.ts';
import type { Configuration, HyperparameterKind, Value, ValueSlots } from './types.ts';
import { isActive, isForbiddenSlots, slotsToConfiguration } from './plan.ts';
import { ConfigurationError, showValue } from './errors.ts';

export interface Dimension {
  readonly name: string;
  readonly kind: HyperparameterKind;
  /** 0 for an ordered numeric entry in [0, 1]; k for a category coded 0 … k-1 (1 for a constant). */
  readonly choiceCount: number;
}

export function dimensionsOf(plan: SpacePlan): readonly Dimension[] {
  return Object.freeze(plan.hyperparameters.map((hp) => Object.freeze({ name: hp.name, kind: hp.kind, choiceCount: hp.choiceCount })));
}

/**
 * Writes the vector of a configuration given as slots (valid, so no checks) into `out`; an
 * inactive entry is NaN, or `inactive[j]` when given (a model's own stand-in, see the optimiser).
 */
export function slotsToVector(plan: SpacePlan, slots: ValueSlots, out: Float64Array, inactive?: Float64Array): void {
  const { hyperparameters, size } = plan;
  for (let j = 0; j < size; j++) {
    const value = slots[j];
    out[j] = value !== undefined ? hyperparameters[j]!.toVector(value) : inactive === undefined ? NaN : inactive[j]!;
  }
}

/**
 * Vector of a configuration. Values must be legal (ILLEGAL_VALUE otherwise); activity is not
 * re-checked here, so validate configurations from outside the library first.
 */
export function encodeConfiguration(plan: SpacePlan, config: Configuration): Float64Array {
  const vector = new Float64Array(plan.size);
  for (let j = 0; j < plan.size; j++) {
    const hp = plan.hyperparameters[j]!;
    const value = Object.hasOwn(config, hp.name) ? config[hp.name] : undefined;
    if (value === undefined) {
      vector[j] = NaN;
    } else if (hp.isLegal(value)) {
      vector[j] = hp.toVector(value);
    } else {
      throw new ConfigurationError('ILLEGAL_VALUE', `${showValue(value)} is not a legal value of "${hp.name}"`, hp.name, value);
    }
  }
  return vector;
}

/**
 * Configuration of a vector. Activity is decided from the decoded parents: an active entry must
 * hold a decodable number (ACTIVE_VALUE_MISSING for NaN, ILLEGAL_VALUE outside [0, 1] or for a
 * non-index category), an inactive one must be NaN (INACTIVE_VALUE_SET), and the result must not
 * be forbidden (FORBIDDEN_CONFIGURATION). Numeric entries anywhere inside their cell decode to
 * that cell's value, so any point of the unit cube can be decoded.
 */
export function decodeVector(plan: SpacePlan, vector: ArrayLike<number>): Configuration {
  if (vector.length !== plan.size) {
    throw new ConfigurationError('ILLEGAL_VALUE', `vector has ${vector.length} entries, the space has ${plan.size} dimensions`);
  }
  const slots: ValueSlots = new Array<Value | undefined>(plan.size);
  for (let j = 0; j < plan.size; j++) {
    const hp = plan.hyperparameters[j]!;
    const x = vector[j]!;
    if (!isActive(plan, slots, j)) {
      if (!Number.isNaN(x)) throw new ConfigurationError('INACTIVE_VALUE_SET', `"${hp.name}" is inactive but its entry is ${x}`, hp.name, x);
      slots[j] = undefined;
    } else if (Number.isNaN(x)) {
      throw new ConfigurationError('ACTIVE_VALUE_MISSING', `"${hp.name}" is active but its entry is NaN`, hp.name);
    } else if (!hp.isLegalVector(x)) {
      throw new ConfigurationError('ILLEGAL_VALUE', `${x} is not a legal vector entry of "${hp.name}"`, hp.name, x);
    } else {
      slots[j] = hp.fromVector(x);
    }
  }
  if (isForbiddenSlots(plan, slots)) {
    throw new ConfigurationError('FORBIDDEN_CONFIGURATION', `decoded configuration is forbidden: ${showValue(slotsToConfiguration(plan, slots))}`);
  }
  return slotsToConfiguration(plan, slots);
}
