/**
 * Hyperband's hedge over how aggressive successive halving should be: several brackets, bracket
 * b admitting new configurations at rung b, so that bracket 0 screens many configurations at the
 * lowest fidelity and the last one evaluates few, each at full fidelity, for the case where low
 * fidelities rank configurations badly.
 *
 * Hyperband gives bracket b (s = K − b halvings above its entry rung, K = rungs − 1)
 * n_s = ⌈(K + 1) / (s + 1) · eta^s⌉ configurations, which spends about the same budget on
 * every bracket; with three rungs and eta 3 that is 9, 5 and 3. Asynchronously there are no
 * rounds of brackets, so the same proportions decide which bracket each new configuration
 * enters: in seeded, shuffled cycles of Σ n_s slots holding n_s slots of bracket b, which keeps
 * the proportions exact after every whole cycle and the order free of a fixed pattern.
 */
import { Rng } from '../../util/rng.ts';

/** Hyperband's number of configurations for each bracket, indexed by entry rung. */
export function bracketSizes(rungCount: number, eta: number): number[] {
  const top = rungCount - 1;
  return Array.from({ length: rungCount }, (_, entry) => {
    const halvings = top - entry;
    return Math.ceil(((top + 1) / (halvings + 1)) * eta ** halvings);
  });
}

/** Which bracket each new configuration enters, in Hyperband's proportions, from a seed. */
export class BracketCycle {
  private readonly rng: Rng;
  private readonly slots: number[];
  private cycle: number[] = [];

  constructor(sizes: readonly number[], seed: number) {
    if (sizes.length === 0 || sizes.some((n) => !Number.isInteger(n) || n < 0) || sizes.every((n) => n === 0)) {
      throw new RangeError(`bracket sizes must be non-negative integers, not all 0, got ${sizes.join(', ')}`);
    }
    this.rng = new Rng(seed);
    this.slots = sizes.flatMap((n, bracket) => Array<number>(n).fill(bracket));
  }

  /** The bracket of the next new configuration. */
  next(): number {
    if (this.cycle.length === 0) this.cycle = this.rng.shuffle([...this.slots]);
    return this.cycle.pop()!;
  }
}
