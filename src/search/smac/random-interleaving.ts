/**
 * Random challengers. Some proposals ignore the surrogate: the initial design's top-up, every
 * challenger the interleaving coin picks, and the fallback when the model has nothing new to
 * offer. They keep the search exploring regions the forest has wrongly written off, and bound
 * how much worse than random search the optimiser can ever do.
 */
import { type Configuration, type ConfigurationSpace, configurationKey } from '../../space/index.ts';
import { Rng } from '../../util/rng.ts';
import type { BranchBalance } from './branch-balance.ts';

/** Draws before concluding that the space holds no unseen configuration. */
export const MAX_RANDOM_DRAWS = 1000;

/**
 * Decides, challenger by challenger, whether the next one is random. It has its own generator so
 * that the sequence of decisions does not depend on how many numbers the acquisition search drew.
 */
export class RandomInterleaving {
  private readonly rng: Rng;

  constructor(
    private readonly probability: number,
    seed: number,
  ) {
    this.rng = new Rng(seed);
  }

  nextIsRandom(): boolean {
    return this.probability > 0 && this.rng.next() < this.probability;
  }
}

/** A configuration from the prior whose key `isTaken` refuses, or null after MAX_RANDOM_DRAWS tries. */
export function drawUntaken(
  space: ConfigurationSpace,
  rng: Rng,
  isTaken: (key: string) => boolean,
): { config: Configuration; key: string } | null {
  for (let attempt = 0; attempt < MAX_RANDOM_DRAWS; attempt++) {
    const config = space.sample(rng, 1)[0]!;
    const key = configurationKey(config);
    if (!isTaken(key)) return { config, key };
  }
  return null;
}

/**
 * The least-visited (see branch-balance.ts) of up to `draws` untaken configurations from the
 * prior, or null when none can be found. With one draw, the same as drawUntaken.
 */
export function drawBalanced(
  space: ConfigurationSpace,
  rng: Rng,
  isTaken: (key: string) => boolean,
  balance: BranchBalance,
  draws: number,
): { config: Configuration; key: string } | null {
  const first = drawUntaken(space, rng, isTaken);
  if (first === null || draws <= 1 || balance.size === 0) return first;
  const candidates = [first];
  const keys = new Set([first.key]);
  for (let i = 1; i < draws; i++) {
    const next = drawUntaken(space, rng, (key) => keys.has(key) || isTaken(key));
    if (next === null) break;
    candidates.push(next);
    keys.add(next.key);
  }
  return balance.leastVisited(candidates);
}
