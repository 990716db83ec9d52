/**
 * Asynchronous successive halving (ASHA) and Hyperband around any optimiser: the base optimiser
 * (SMAC, or random search for plain Hyperband) chooses the configurations, this scheduler chooses
 * the fidelity each one is evaluated at.
 *
 * At each askWithFidelity():
 * 1. a promotion, if one is due: over all brackets, from the highest rung below full down to the
 *    lowest, the first rung holding a result in the best ⌊n / eta⌋ of its n finished results,
 *    successful and not promoted yet (bracket.ts); among brackets at that rung the lowest cost.
 *    It is evaluated again at the next rung's share. Higher rungs first, so that configurations
 *    that already survived halvings reach full fidelity (and the ensemble) as early as possible.
 * 2. otherwise a new configuration from the base optimiser, entering the lowest rung of its
 *    bracket: with 'sh' the one bracket entering at the lowest rung, with 'hyperband' a bracket
 *    drawn in Hyperband's proportions (hyperband.ts).
 * No ask ever waits for a rung to fill, so every worker stays busy.
 *
 * The very first configuration (the space's default for the built-in optimisers) is evaluated at
 * full fidelity, outside the brackets: the run then has a deployable full-fidelity result as
 * early as without fidelities, and the adaptive per-trial limit a full reference time.
 *
 * Every result is told to the base optimiser with its fidelity (SMAC models the highest fidelity
 * with enough results, see smac/fidelity-levels.ts), and a promotion is announced to it
 * (reevaluation.ts) so that it counts as pending. ask() (for a caller that ignores fidelities)
 * is the base optimiser's own ask: every trial at full fidelity, no schedule.
 */
import { configurationKey, type Configuration } from '../../space/index.ts';
import type { AskContext, Optimizer, Proposal } from '../optimizer.ts';
import type { TrialRecord } from '../trial.ts';
import { Bracket, type RungResult } from './bracket.ts';
import { BracketCycle, bracketSizes } from './hyperband.ts';
import { isReevaluationAware } from './reevaluation.ts';
import { rungShares } from './rungs.ts';

export type ScheduleMode = 'sh' | 'hyperband';

export interface ScheduleSettings {
  readonly mode: ScheduleMode;
  /** Halving rate: a rung promotes its best 1/eta. */
  readonly eta: number;
  /** Share of the lowest rung, in (0, 1). */
  readonly minFidelity: number;
  /** Seeds the bracket cycle (Hyperband). */
  readonly seed: number;
}

interface InFlight {
  /** Null for the first configuration, evaluated at full fidelity outside the brackets. */
  readonly bracket: Bracket | null;
  readonly rung: number;
}

export class SuccessiveHalving implements Optimizer {
  readonly name: string;
  /** Share of each rung, lowest first; the last is 1. */
  readonly shares: readonly number[];
  readonly settings: ScheduleSettings;
  readonly regretBound?: () => number | null;
  private readonly brackets: Bracket[];
  private readonly cycle: BracketCycle;
  private readonly inFlight = new Map<string, InFlight>();
  private started = false;
  private baseExhausted = false;

  constructor(
    private readonly base: Optimizer,
    settings: ScheduleSettings,
  ) {
    this.settings = settings;
    this.shares = rungShares(settings.minFidelity, settings.eta);
    const top = this.shares.length - 1;
    const entries = settings.mode === 'sh' ? [0] : Array.from({ length: top + 1 }, (_, b) => b);
    this.brackets = entries.map((entry) => new Bracket(entry, top, settings.eta));
    const sizes = settings.mode === 'sh' ? [1] : bracketSizes(top + 1, settings.eta);
    this.cycle = new BracketCycle(sizes, settings.seed);
    this.name = `${base.name}+${settings.mode}`;
    // Automatic termination reads the base optimiser's bound, which covers full fidelity only.
    if (base.regretBound !== undefined) this.regretBound = () => base.regretBound!();
  }

  /** Index of the full-fidelity rung. */
  get topRung(): number {
    return this.shares.length - 1;
  }

  askWithFidelity(context?: AskContext): Proposal | null {
    const promotion = this.nextPromotion();
    if (promotion !== null) {
      const { bracket, result, rung } = promotion;
      bracket.markPromoted(rung, result.key);
      return this.launch(result.config, result.key, bracket, rung + 1);
    }
    if (this.baseExhausted) return null;
    const config = this.base.ask(context);
    if (config === null) {
      // Promotions may still come from the results in flight; the search waits for them.
      this.baseExhausted = true;
      return null;
    }
    const key = configurationKey(config);
    if (!this.started) {
      this.started = true;
      return this.launch(config, key, null, this.topRung);
    }
    const bracket = this.brackets[this.cycle.next()]!;
    return this.launch(config, key, bracket, bracket.entry);
  }

  ask(context?: AskContext): Configuration | null {
    return this.base.ask(context);
  }

  tell(trial: TrialRecord): void {
    const key = configurationKey(trial.config);
    const entry = this.inFlight.get(key);
    if (entry !== undefined) {
      this.inFlight.delete(key);
      entry.bracket?.record(entry.rung, key, trial.config, trial.cost, trial.status === 'SUCCESS');
    }
    this.base.tell(trial);
  }

  /** Finished results per rung over all brackets (for summaries and tests). */
  resultsPerRung(): number[] {
    return this.shares.map((_, rung) => this.brackets.reduce((n, b) => n + b.resultsAt(rung).length, 0));
  }

  private launch(config: Configuration, key: string, bracket: Bracket | null, rung: number): Proposal {
    const fidelity = this.shares[rung]!;
    this.inFlight.set(key, { bracket, rung });
    if (bracket !== null && rung > bracket.entry && isReevaluationAware(this.base)) this.base.reevaluating(config, fidelity);
    return { config, fidelity, rung };
  }

  private nextPromotion(): { bracket: Bracket; result: RungResult; rung: number } | null {
    for (let rung = this.topRung - 1; rung >= 0; rung--) {
      let best: { bracket: Bracket; result: RungResult; rung: number } | null = null;
      for (const bracket of this.brackets) {
        const result = bracket.candidate(rung);
        if (result !== null && (best === null || result.cost < best.result.cost)) best = { bracket, result, rung };
      }
      if (best !== null) return best;
    }
    return null;
  }
}
