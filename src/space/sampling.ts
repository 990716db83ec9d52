/**
 * Drawing configurations from the prior: each active hyperparameter independently from its own
 * prior, in dimension order so that activity is decided from already drawn parents. Forbidden
 * draws are rejected and drawn again.
 */
import type { Rng } from '../util/rng.ts';
import type { SpacePlan } from './plan.ts';
import type { Configuration, SlotTest, Value, ValueSlots } from './types.ts';
import { isForbiddenSlots, slotsToConfiguration } from './plan.ts';
import { badSpace } from './errors.ts';
import { slotsToVector } from './codec.ts';

/** Rejected draws allowed in a row before the space is declared (practically) all forbidden. */
export const MAX_REJECTED_DRAWS = 10_000;

export function sampleConfigurations(plan: SpacePlan, rng: Rng, count: number): Configuration[] {
  const draws = new Draws(plan, rng, count);
  return Array.from({ length: draws.size }, (_, i) => draws.configuration(i));
}

/**
 * Draws from the prior held as slots, turned into configurations or codec vectors on demand: an
 * optimiser scores thousands of draws by their vectors and keeps a handful as configurations.
 * For the same generator state the draws are those of `sampleConfigurations`.
 */
export class Draws {
  private readonly slots: ValueSlots[];

  constructor(
    private readonly plan: SpacePlan,
    rng: Rng,
    count: number,
  ) {
    if (!Number.isInteger(count) || count < 0) throw new RangeError(`sample count must be a non-negative integer, got ${count}`);
    const slots: ValueSlots = new Array<Value | undefined>(plan.size);
    this.slots = new Array<ValueSlots>(count);
    for (let k = 0; k < count; k++) {
      drawAllowed(plan, rng, slots);
      this.slots[k] = slots.slice();
    }
  }

  get size(): number {
    return this.slots.length;
  }

  configuration(i: number): Configuration {
    return slotsToConfiguration(this.plan, this.slots[i]!);
  }

  /** Writes the codec vector of draw i into `out`: NaN for inactive entries, or `inactive[j]` when given. */
  vectorInto(i: number, out: Float64Array, inactive?: Float64Array): void {
    slotsToVector(this.plan, this.slots[i]!, out, inactive);
  }
}

/** Fills `slots` with one draw that no forbidden clause matches. */
export function drawAllowed(plan: SpacePlan, rng: Rng, slots: ValueSlots): void {
  for (let attempt = 0; attempt < MAX_REJECTED_DRAWS; attempt++) {
    draw(plan, rng, slots);
    if (!isForbiddenSlots(plan, slots)) return;
  }
  throw badSpace(`could not draw a configuration that is not forbidden in ${MAX_REJECTED_DRAWS} attempts; the forbidden clauses exclude (almost) the whole space`);
}

function draw(plan: SpacePlan, rng: Rng, slots: ValueSlots): void {
  const { hyperparameters, activity, size } = plan;
  // A shared predicate gives the same answer for adjacent siblings: their parents come earlier.
  let lastTest: SlotTest | null = null;
  let lastAnswer = true;
  for (let j = 0; j < size; j++) {
    const test = activity[j]!;
    if (test !== lastTest) {
      lastTest = test;
      lastAnswer = test === null || test(slots);
    }
    slots[j] = lastAnswer ? hyperparameters[j]!.sample(rng) : undefined;
  }
}
