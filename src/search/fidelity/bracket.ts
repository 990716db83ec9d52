/**
 * One bracket of asynchronous successive halving (ASHA): the finished results of each of its rungs
 * and which of them were promoted. Configurations enter at the bracket's entry rung; a result of
 * rung k may go up to rung k + 1 once it is among the best ⌊n_k / eta⌋ of the n_k results
 * finished at rung k so far. Nothing waits for a rung to fill: with more results the top share
 * grows, and a configuration that made it early stays promoted even if later ones beat it,
 * which is ASHA's trade of a few wrong promotions for workers that are never idle.
 */
import type { Configuration } from '../../space/index.ts';

export interface RungResult {
  readonly key: string;
  readonly config: Configuration;
  /** Validation cost at the rung's fidelity; Infinity for a trial that did not succeed. */
  readonly cost: number;
  /** Only a successful trial may go up. */
  readonly promotable: boolean;
  /** Order of arrival in the bracket, to break ties between equal costs. */
  readonly order: number;
}

export class Bracket {
  /** Results per rung, indexed by rung (rungs below `entry` stay empty). */
  private readonly results: RungResult[][];
  private readonly promoted: Set<string>[];
  private arrivals = 0;

  constructor(
    /** The rung new configurations of this bracket enter at. */
    readonly entry: number,
    /** Index of the full-fidelity rung. */
    readonly top: number,
    private readonly eta: number,
  ) {
    if (!(entry >= 0 && entry <= top)) throw new RangeError(`bracket entry rung ${entry} outside 0..${top}`);
    this.results = Array.from({ length: top + 1 }, () => []);
    this.promoted = Array.from({ length: top + 1 }, () => new Set<string>());
  }

  /** Finished results at `rung`. */
  resultsAt(rung: number): readonly RungResult[] {
    return this.results[rung] ?? [];
  }

  record(rung: number, key: string, config: Configuration, cost: number, succeeded: boolean): void {
    if (!(rung >= this.entry && rung <= this.top)) throw new RangeError(`rung ${rung} outside bracket ${this.entry}..${this.top}`);
    const finite = succeeded && Number.isFinite(cost);
    this.results[rung]!.push({ key, config, cost: finite ? cost : Infinity, promotable: finite, order: this.arrivals++ });
  }

  /**
   * The best result of `rung` that may go up now: among the best ⌊n / eta⌋ finished there,
   * successful and not promoted yet; null when there is none (or `rung` is the top).
   */
  candidate(rung: number): RungResult | null {
    if (rung < this.entry || rung >= this.top) return null;
    const results = this.results[rung]!;
    const quota = Math.floor(results.length / this.eta);
    if (quota === 0) return null;
    const ranked = [...results].sort((a, b) => a.cost - b.cost || a.order - b.order).slice(0, quota);
    return ranked.find((r) => r.promotable && !this.promoted[rung]!.has(r.key)) ?? null;
  }

  markPromoted(rung: number, key: string): void {
    this.promoted[rung]!.add(key);
  }
}
