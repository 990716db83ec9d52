/**
 * What the optimiser has been told: each evaluated configuration, its imputed vector (kept in a
 * growing column-major matrix, so a refit never re-encodes old configurations), its cost,
 * Infinity for a failed trial, and its fit seconds, NaN when unknown.
 */
import type { Configuration, ConfigurationSpace } from '../../space/index.ts';
import { ImputedMatrix } from './impute-inactive.ts';

export class Observations {
  readonly matrix: ImputedMatrix;
  private readonly configs: Configuration[] = [];
  private readonly costs: number[] = [];
  private readonly fitSeconds: number[] = [];
  private finiteCount = 0;

  constructor(private readonly space: ConfigurationSpace) {
    this.matrix = new ImputedMatrix(space.choiceCounts());
  }

  get count(): number {
    return this.costs.length;
  }

  /** Whether any observation succeeded, i.e. whether there is a cost scale to learn. */
  get hasFiniteCost(): boolean {
    return this.finiteCount > 0;
  }

  /** `config` must be valid in the space; a non-finite cost counts as a failure. */
  add(config: Configuration, cost: number, fitSeconds = Number.NaN): void {
    this.matrix.push(this.space.encode(config));
    this.configs.push(config);
    this.fitSeconds.push(Number.isFinite(fitSeconds) && fitSeconds >= 0 ? fitSeconds : Number.NaN);
    const finite = Number.isFinite(cost);
    this.costs.push(finite ? cost : Infinity);
    if (finite) this.finiteCount++;
  }

  costArray(): Float64Array {
    return Float64Array.from(this.costs);
  }

  /** Fit seconds per observation, NaN where unknown. */
  secondsList(): readonly number[] {
    return this.fitSeconds;
  }

  /** Up to `count` successful configurations, lowest cost first (earlier first on ties). */
  best(count: number): Configuration[] {
    if (count <= 0) return [];
    const order: number[] = [];
    for (let i = 0; i < this.costs.length; i++) if (Number.isFinite(this.costs[i]!)) order.push(i);
    order.sort((a, b) => this.costs[a]! - this.costs[b]! || a - b);
    return order.slice(0, count).map((i) => this.configs[i]!);
  }
}
