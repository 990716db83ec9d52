/**
 * Random search: the space's default configuration first, then seeded samples from the prior,
 * never proposing the same configuration twice.
 */
import { type Configuration, type ConfigurationSpace, configurationKey } from '../space/index.ts';
import { Rng } from '../util/rng.ts';
import type { Optimizer } from './optimizer.ts';

/** Attempts at drawing an unseen configuration before concluding the space is exhausted. */
const MAX_DUPLICATE_DRAWS = 1000;

export class RandomSearch implements Optimizer {
  readonly name = 'random';
  private readonly rng: Rng;
  private readonly seen = new Set<string>();
  /** Configurations to try before sampling: the default, then any warm-start ones. */
  private readonly queue: Configuration[];

  constructor(
    private readonly space: ConfigurationSpace,
    seed: number,
    initial: readonly Configuration[] = [],
  ) {
    this.rng = new Rng(seed);
    this.queue = [space.defaultConfiguration(), ...initial];
  }

  ask(): Configuration | null {
    while (this.queue.length > 0) {
      const config = this.queue.shift()!;
      const key = configurationKey(config);
      if (!this.seen.has(key)) {
        this.seen.add(key);
        return config;
      }
    }
    for (let attempt = 0; attempt < MAX_DUPLICATE_DRAWS; attempt++) {
      const config = this.space.sample(this.rng, 1)[0]!;
      const key = configurationKey(config);
      if (!this.seen.has(key)) {
        this.seen.add(key);
        return config;
      }
    }
    return null;
  }

  tell(): void {
    // Random search does not learn from results.
  }
}
