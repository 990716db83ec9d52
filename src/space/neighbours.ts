/**
 * One-exchange neighbourhood: every neighbour changes exactly one active hyperparameter of the
 * given configuration. Children the change switches on take their DEFAULT values (a
 * deterministic, usually sensible point of the newly opened sub-space, and a neighbour stays
 * "one change away"); children it switches off are dropped. Forbidden neighbours are skipped.
 *
 * The hyperparameters are visited in a random order, and numeric ones get up to `perNumeric`
 * gaussian neighbours each, so the result depends on the generator's state.
 *
 * A neighbourhood is held as changes of its base rather than as configurations. An optimiser's
 * local search generates thousands of neighbours per proposal and keeps a handful; most
 * changes touch a hyperparameter no condition or forbidden clause reads (a "plain" change,
 * see SpacePlan.structural), which needs neither re-settling nor re-checking, and whose vector
 * is the base's with one entry replaced. Configurations are built only when asked for.
 */
import type { Rng } from '../util/rng.ts';
import type { SpacePlan } from './plan.ts';
import type { Configuration, Value, ValueSlots } from './types.ts';
import { isForbiddenSlots, settleFrom, slotsToConfiguration } from './plan.ts';
import { slotsToVector } from './codec.ts';

export class Neighbourhood {
  /** Dimension each neighbour changes, and the value it takes there. */
  private readonly changed: number[] = [];
  private readonly values: Value[] = [];
  /** Complete slots of a neighbour whose change re-decided activity; null for a plain change. */
  private readonly settled: (ValueSlots | null)[] = [];
  /** Vector of the base, made on first need, with the inactive entries it was made with. */
  private baseVector: Float64Array | null = null;
  private baseInactive: Float64Array | undefined;

  /** `base` must be the slots of a valid configuration (see validation.ts); it is not copied. */
  constructor(
    private readonly plan: SpacePlan,
    private readonly base: ValueSlots,
    rng: Rng,
    perNumeric: number,
  ) {
    const active: number[] = [];
    for (let j = 0; j < plan.size; j++) if (base[j] !== undefined) active.push(j);
    rng.shuffle(active);
    for (const j of active) {
      const hp = plan.hyperparameters[j]!;
      const structural = plan.structural[j] === 1;
      for (const value of hp.neighbours(base[j]!, rng, perNumeric)) {
        let slots: ValueSlots | null = null;
        if (structural) {
          slots = base.slice();
          slots[j] = value;
          settleFrom(plan, slots, j + 1);
          if (isForbiddenSlots(plan, slots)) continue;
        }
        this.changed.push(j);
        this.values.push(value);
        this.settled.push(slots);
      }
    }
  }

  get size(): number {
    return this.changed.length;
  }

  configuration(i: number): Configuration {
    return slotsToConfiguration(this.plan, this.slotsOf(i));
  }

  /** The neighbourhood of neighbour i, without re-validating it (it is valid by construction). */
  neighbourhoodOf(i: number, rng: Rng, perNumeric: number): Neighbourhood {
    return new Neighbourhood(this.plan, this.slotsOf(i), rng, perNumeric);
  }

  /**
   * Writes the codec vector of neighbour i into `out`: NaN for inactive entries (see codec.ts),
   * or `inactive[j]` when given, so a caller that imputes them gets imputed rows directly.
   */
  vectorInto(i: number, out: Float64Array, inactive?: Float64Array): void {
    const slots = this.settled[i];
    if (slots !== null && slots !== undefined) {
      slotsToVector(this.plan, slots, out, inactive);
      return;
    }
    // A plain change keeps the base's activity: its vector is the base's with one entry replaced.
    if (this.baseVector === null || this.baseInactive !== inactive) {
      this.baseVector ??= new Float64Array(this.plan.size);
      this.baseInactive = inactive;
      slotsToVector(this.plan, this.base, this.baseVector, inactive);
    }
    out.set(this.baseVector);
    const j = this.changed[i]!;
    out[j] = this.plan.hyperparameters[j]!.toVector(this.values[i]!);
  }

  private slotsOf(i: number): ValueSlots {
    const settled = this.settled[i];
    if (settled !== null && settled !== undefined) return settled;
    const slots = this.base.slice();
    slots[this.changed[i]!] = this.values[i]!;
    return slots;
  }
}
