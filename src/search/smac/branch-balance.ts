/**
 * Random challengers that spread over the branches of a conditional space.
 *
 * In a CASH space most of what a configuration is follows from a few categorical choices, the
 * algorithm first: they decide which other hyperparameters exist. A plain draw from the prior
 * leaves their coverage to chance (14 draws over 14 algorithms miss about a third of them), and
 * a branch no trial has visited is one the surrogate knows nothing about, so the model never
 * proposes it either. The random challengers are the optimiser's only way into such branches,
 * and they are scarce: about half of the proposals after a short initial design.
 *
 * So each random challenger is the least-visited of a few draws from the prior: every draw is
 * scored by how over-represented its branch choices already are among the configurations
 * proposed or observed (model proposals included, so exploration goes where the model does
 * not), and the lowest score wins. Within a branch the draw is still the prior's, and forbidden
 * combinations stay excluded because every candidate is a valid draw. With one draw this is
 * plain prior sampling.
 */
import type { Configuration, ConfigurationSpace } from '../../space/index.ts';

export class BranchBalance {
  /** Names of the categorical hyperparameters that other hyperparameters depend on. */
  private readonly branchNames: readonly string[];
  /** Per branching hyperparameter, how many visited configurations chose each value. */
  private readonly counts: Map<string | number | boolean, number>[];
  private readonly choiceCounts: readonly number[];
  /** Per branching hyperparameter, visited configurations in which it was active. */
  private readonly totals: number[];

  constructor(space: ConfigurationSpace) {
    const parents = new Set<string>();
    for (const hp of space.hyperparameters) for (const parent of space.parentsOf(hp.name)) parents.add(parent);
    const branching = space.hyperparameters.filter((hp) => parents.has(hp.name) && hp.choiceCount > 1);
    this.branchNames = branching.map((hp) => hp.name);
    this.choiceCounts = branching.map((hp) => hp.choiceCount);
    this.totals = branching.map(() => 0);
    this.counts = branching.map(() => new Map());
  }

  /** Number of hyperparameters the balance looks at. */
  get size(): number {
    return this.branchNames.length;
  }

  /** Counts a configuration that was proposed or observed. */
  visit(config: Configuration): void {
    this.branchNames.forEach((name, b) => {
      const value = config[name];
      if (value === undefined) return;
      const byValue = this.counts[b]!;
      byValue.set(value, (byValue.get(value) ?? 0) + 1);
      this.totals[b]!++;
    });
  }

  /**
   * How over-represented the configuration's branch choices are: for each active branching
   * hyperparameter, the visits of its value relative to an even share of that hyperparameter's
   * visits, summed. 0 for a configuration whose every choice is unvisited.
   */
  score(config: Configuration): number {
    let score = 0;
    this.branchNames.forEach((name, b) => {
      const value = config[name];
      if (value === undefined) return;
      const visits = this.counts[b]!.get(value) ?? 0;
      // An even share is total / k visits per value; +1 keeps the first visits comparable.
      score += visits / (this.totals[b]! / this.choiceCounts[b]! + 1);
    });
    return score;
  }

  /** The candidate of lowest score; the first of equals, so the draw order breaks ties. */
  leastVisited<T extends { config: Configuration }>(candidates: readonly T[]): T | null {
    let best: T | null = null;
    let bestScore = Infinity;
    for (const candidate of candidates) {
      const score = this.score(candidate.config);
      if (score < bestScore) {
        best = candidate;
        bestScore = score;
      }
    }
    return best;
  }
}
