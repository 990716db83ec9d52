/**
 * Observations kept per fidelity (search/fidelity): costs measured at different shares of a full
 * trial are not on one scale (a configuration on a ninth of the rows scores worse than on all of
 * them), so, as BOHB does with its model, the surrogate is fitted on one fidelity only: the
 * highest one with at least `min_model_observations` successful results. Until any fidelity has
 * that many it is the one with the most successes (the higher on ties): the model proposes from
 * the cheap rungs early in a run and moves up as results reach the higher ones. A run without
 * fidelities has one level, share 1, and behaves exactly as before.
 *
 * A configuration may have one observation per fidelity: evaluated at a low rung and promoted,
 * it is observed again at the higher one.
 */
import { configurationKey, type Configuration, type ConfigurationSpace } from '../../space/index.ts';
import { FULL_SHARE } from '../fidelity/fidelity.ts';
import { Observations } from './observations.ts';

export interface FidelityLevel {
  readonly share: number;
  readonly observations: Observations;
}

export class FidelityLevels {
  private readonly levels = new Map<number, { readonly observations: Observations; readonly keys: Set<string>; successes: number }>();

  constructor(
    private readonly space: ConfigurationSpace,
    /** Successful results a fidelity needs before the model prefers it to a lower one. */
    private readonly minModelObservations: number,
  ) {}

  /** Whether `config` has an observation at `share`. */
  has(config: Configuration, share: number): boolean {
    return this.levels.get(share)?.keys.has(configurationKey(config)) === true;
  }

  /**
   * `config` must be valid in the space; a non-finite cost counts as a failure. `succeeded` (by
   * default: the cost is finite) counts the result toward the level's successes.
   */
  add(share: number, config: Configuration, cost: number, fitSeconds?: number, succeeded = Number.isFinite(cost)): void {
    let level = this.levels.get(share);
    if (level === undefined) {
      level = { observations: new Observations(this.space), keys: new Set(), successes: 0 };
      this.levels.set(share, level);
    }
    level.observations.add(config, cost, fitSeconds);
    level.keys.add(configurationKey(config));
    if (succeeded && Number.isFinite(cost)) level.successes++;
  }

  /** Whether any observation at any fidelity succeeded. */
  get hasFiniteCost(): boolean {
    for (const level of this.levels.values()) if (level.successes > 0) return true;
    return false;
  }

  /** Observations over all fidelities. */
  get count(): number {
    let n = 0;
    for (const level of this.levels.values()) n += level.observations.count;
    return n;
  }

  /** The fidelity the surrogate is fitted on (see above); null while nothing succeeded. */
  modelLevel(): FidelityLevel | null {
    return this.pick((level) => level.successes);
  }

  /**
   * The fidelity the fit-time model learns from: the surrogate's, or while nothing succeeded the
   * one with the most observations (failed trials still say what they cost); null when empty.
   */
  timeLevel(): FidelityLevel | null {
    return this.modelLevel() ?? this.pick((level) => level.observations.count);
  }

  /** Observations at full fidelity, if any. */
  full(): Observations | undefined {
    return this.levels.get(FULL_SHARE)?.observations;
  }

  /**
   * The highest share with at least `minModelObservations` by `weight`, else the share with the
   * largest positive weight (the higher on ties); null when every weight is 0.
   */
  private pick(weight: (level: { readonly observations: Observations; readonly successes: number }) => number): FidelityLevel | null {
    let enough: FidelityLevel | null = null;
    let most: { level: FidelityLevel; weight: number } | null = null;
    for (const [share, level] of this.levels) {
      const w = weight(level);
      if (w <= 0) continue;
      if (w >= this.minModelObservations && (enough === null || share > enough.share)) enough = { share, observations: level.observations };
      if (most === null || w > most.weight || (w === most.weight && share > most.level.share)) most = { level: { share, observations: level.observations }, weight: w };
    }
    return enough ?? most?.level ?? null;
  }
}
