/**
 * One-exchange neighbourhood: every neighbour changes exactly one active hyperparameter of the
 * given configuration. Children the change switches on take their DEFAULT values (a
 * deterministic, usually sensible point of the newly opened sub-space, and a neighbour stays
 * "one change away"); children it switches off are dropped. Forbidden neighbours are skipped.
 *
 * The hyperparameters are visited in a random order, and numeric ones get up to `perNumeric`
 * gaussian neighbours each, so the result depends on the generator's state.
 */
import type { Rng } from '../util/rng.ts';
import type { SpacePlan } from './plan.ts';
import type { Configuration, ValueSlots } from './types.ts';
import { isForbiddenSlots, settleFrom, slotsToConfiguration } from './plan.ts';

/** `base` must be the slots of a valid configuration (see validation.ts). */
export function oneExchangeNeighbours(plan: SpacePlan, base: ValueSlots, rng: Rng, perNumeric: number): Configuration[] {
  const active: number[] = [];
  for (let j = 0; j < plan.size; j++) if (base[j] !== undefined) active.push(j);
  rng.shuffle(active);
  const out: Configuration[] = [];
  for (const j of active) {
    const hp = plan.hyperparameters[j]!;
    for (const value of hp.neighbours(base[j]!, rng, perNumeric)) {
      const slots = base.slice();
      slots[j] = value;
      settleFrom(plan, slots, j + 1);
      if (!isForbiddenSlots(plan, slots)) out.push(slotsToConfiguration(plan, slots));
    }
  }
  return out;
}
