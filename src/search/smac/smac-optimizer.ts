/**
 * SMAC-style Bayesian optimisation over a conditional space, behind the ask/tell interface.
 *
 * Proposal order:
 * 1. the initial design: the default configuration, then the warm-start configurations (invalid
 *    or repeated ones skipped), topped up with random ones to `n_initial_random` proposals;
 * 2. afterwards each challenger is random with probability `random_probability`, otherwise the
 *    untaken configuration of highest expected improvement under a random-forest surrogate
 *    (refitted whenever results arrived since the last fit);
 * 3. a random configuration whenever the model cannot propose (no successful trial yet, or
 *    every candidate taken); null once no untaken configuration can be found at all.
 * Every random configuration is the least-visited of a few prior draws, so that they spread over
 * the branches of the space (branch-balance.ts).
 *
 * Several asks may precede their tells (parallel workers): an asked configuration is pending
 * until told, and pending or evaluated configurations are never proposed again. Pending ones
 * also enter the surrogate as fantasy observations (fantasies.ts), so that asks made while
 * workers are busy do not crowd around the same point. Given the seed and the same sequence of
 * asks and tells, the proposals are identical. Results from elsewhere (a parent run) enter
 * through observe() before the first ask.
 */
import { type Configuration, type ConfigurationSpace, configurationKey } from '../../space/index.ts';
import { mixSeed, Rng } from '../../util/rng.ts';
import type { Optimizer } from '../optimizer.ts';
import type { TrialRecord } from '../trial.ts';
import { acquisitionOf, maximizeAcquisition } from './acquisition-maximizer.ts';
import { transformCosts } from './cost-transform.ts';
import { resolveSmacSettings, type SmacSettings } from './defaults.ts';
import { pendingCost, withFantasies } from './fantasies.ts';
import { CandidateEncoder, imputeInactive, inactiveValues } from './impute-inactive.ts';
import { Observations } from './observations.ts';
import { RandomPool } from './random-pool.ts';
import { BranchBalance } from './branch-balance.ts';
import { drawBalanced, RandomInterleaving } from './random-interleaving.ts';
import { Surrogate } from './surrogate.ts';

/** Independent generator streams derived from the optimiser's seed. */
const STREAM = { interleaving: 1, random: 2, acquisition: 3, forest: 4 } as const;

export type ProposalKind = 'initial' | 'random' | 'model';

export interface ModelTiming {
  readonly fitMs: number;
  readonly acquisitionMs: number;
}

export class SmacOptimizer implements Optimizer {
  readonly name = 'smac';
  readonly settings: SmacSettings;
  /** How many proposals of each kind were made (for run summaries and benchmarks). */
  readonly proposalCounts: Record<ProposalKind, number> = { initial: 0, random: 0, model: 0 };
  private lastKind: ProposalKind | null = null;
  private readonly queue: Configuration[];
  /** Keys of every configuration proposed or told: none of them is proposed again. */
  private readonly taken = new Set<string>();
  /** Imputed vector of each pending configuration, by key, in the order asked. */
  private readonly pending = new Map<string, Float64Array>();
  /** Bumped whenever `pending` changes, so the surrogate knows its fantasies are stale. */
  private pendingVersion = 0;
  private readonly observations: Observations;
  private readonly interleaving: RandomInterleaving;
  private readonly randomRng: Rng;
  private readonly acquisitionRng: Rng;
  private readonly fill: Float64Array;
  private readonly pool: RandomPool;
  private readonly encoder: CandidateEncoder;
  private readonly balance: BranchBalance;
  private timing: ModelTiming = { fitMs: 0, acquisitionMs: 0 };
  private proposals = 0;
  /** Results learnt through observe(): they count toward the initial design like proposals. */
  private observed = 0;
  private readonly surrogate: Surrogate;
  /** What the surrogate was last fitted on; null before the first fit. */
  private fittedOn: { readonly rows: number; readonly pendingVersion: number; readonly fantasies: number } | null = null;
  private readonly isTaken = (key: string): boolean => this.taken.has(key);

  constructor(
    private readonly space: ConfigurationSpace,
    seed: number,
    options: Partial<SmacSettings> = {},
    initial: readonly Configuration[] = [],
  ) {
    this.settings = resolveSmacSettings(options);
    this.queue = [space.defaultConfiguration(), ...initial];
    this.observations = new Observations(space);
    this.interleaving = new RandomInterleaving(this.settings.random_probability, mixSeed(seed, STREAM.interleaving));
    this.randomRng = new Rng(mixSeed(seed, STREAM.random));
    this.acquisitionRng = new Rng(mixSeed(seed, STREAM.acquisition));
    this.fill = inactiveValues(space.choiceCounts());
    this.encoder = new CandidateEncoder(space, this.fill);
    this.balance = new BranchBalance(space);
    this.surrogate = new Surrogate(this.settings, mixSeed(seed, STREAM.forest), space.choiceCounts());
    this.pool = new RandomPool(space, this.settings.n_random_candidates, this.settings.random_refresh_fraction, this.encoder);
  }

  /** Milliseconds the last model proposal spent refitting the surrogate and maximising EI. */
  get lastModelTiming(): ModelTiming {
    return this.timing;
  }

  /** Where the last configuration ask() returned came from; null before the first. */
  get lastProposalKind(): ProposalKind | null {
    return this.lastKind;
  }

  /** Configurations asked for and not yet told. */
  get pendingCount(): number {
    return this.pending.size;
  }

  ask(): Configuration | null {
    const initial = this.nextInitial();
    if (initial !== null) return this.propose(initial.config, initial.key, 'initial');
    const inInitialDesign = this.proposals + this.observed < this.settings.n_initial_random;
    if (!inInitialDesign && this.observations.hasFiniteCost && !this.interleaving.nextIsRandom()) {
      const proposal = this.proposeFromModel();
      if (proposal !== null) return this.propose(proposal.config, proposal.key, 'model');
    }
    const random = drawBalanced(this.space, this.randomRng, this.isTaken, this.balance, this.settings.random_branch_draws);
    if (random === null) return null;
    return this.propose(random.config, random.key, inInitialDesign ? 'initial' : 'random');
  }

  tell(trial: TrialRecord): void {
    const key = configurationKey(trial.config);
    const asked = this.pending.delete(key);
    if (asked) this.pendingVersion++;
    this.taken.add(key);
    // A configuration this optimiser did not propose may come from another space version.
    if (!asked && !this.space.isValid(trial.config)) return;
    if (!asked) this.balance.visit(trial.config);
    this.observations.add(trial.config, trial.status === 'SUCCESS' ? trial.cost : Infinity);
  }

  /**
   * A result obtained elsewhere, e.g. by an earlier run on the same data and space: it informs the
   * surrogate, is never proposed, and counts toward the initial design (whose job, giving the
   * forest points to split on, it already does). Returns false, learning nothing, for a
   * configuration invalid in this space or already proposed or observed.
   */
  observe(config: Configuration, cost: number): boolean {
    const key = configurationKey(config);
    if (this.taken.has(key) || !this.space.isValid(config)) return false;
    this.taken.add(key);
    this.observations.add(config, cost);
    this.balance.visit(config);
    this.observed++;
    return true;
  }

  private nextInitial(): { config: Configuration; key: string } | null {
    while (this.queue.length > 0) {
      const config = this.queue.shift()!;
      const key = configurationKey(config);
      if (!this.taken.has(key) && this.space.isValid(config)) return { config, key };
    }
    return null;
  }

  private propose(config: Configuration, key: string, kind: ProposalKind): Configuration {
    this.taken.add(key);
    this.balance.visit(config);
    this.pending.set(key, imputeInactive(this.space.encode(config), this.fill));
    this.pendingVersion++;
    this.proposals++;
    this.proposalCounts[kind]++;
    this.lastKind = kind;
    return config;
  }

  private proposeFromModel(): { config: Configuration; key: string } | null {
    const start = performance.now();
    const model = this.fittedSurrogate();
    if (model === null) return null;
    const fitted = performance.now();
    const acquisition = acquisitionOf(this.encoder, model, this.settings.xi);
    const best = this.observations.best(this.settings.n_local_search_observed);
    const proposal = maximizeAcquisition(this.space, acquisition, this.pool, best, this.isTaken, this.acquisitionRng, this.settings);
    this.timing = { fitMs: fitted - start, acquisitionMs: performance.now() - fitted };
    return proposal;
  }

  /**
   * The surrogate for the current observations and pending fantasies, refitted only when
   * results arrived or the pending set changed.
   */
  private fittedSurrogate(): Surrogate | null {
    const rows = this.observations.count;
    const version = this.settings.pending_lie === 'none' ? 0 : this.pendingVersion;
    if (this.fittedOn !== null && this.fittedOn.rows === rows && this.fittedOn.pendingVersion === version) return this.surrogate;
    const costs = this.observations.costArray();
    const lie = pendingCost(costs, this.settings.pending_lie);
    const data = withFantasies(this.observations.matrix.view(), costs, [...this.pending.values()], lie);
    const targets = transformCosts(data.costs, this.settings.log_offset, this.settings.log_offset_quantile);
    if (targets === null) return null;
    const fantasies = data.x.nRows - rows;
    this.surrogate.fit(data.x, targets.y, rows, fantasies > 0 || this.fittedOn?.fantasies !== 0);
    this.fittedOn = { rows, pendingVersion: version, fantasies };
    return this.surrogate;
  }

}
