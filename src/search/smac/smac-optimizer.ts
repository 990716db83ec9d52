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
 *
 * What trials cost: a second forest learns log fit time from the same vectors (cost-model.ts).
 * When the search says what it can still afford (an AskContext), model proposals weigh expected
 * improvement by predicted time (`cost_acquisition`), and neither a model nor a random proposal
 * is a configuration predicted to need more than the trial may take (unless every random draw
 * is: then the one predicted cheapest). Without a context (a reproducible run with a trial
 * limit) fit times, which depend on the machine, change nothing.
 *
 * regretBound() supports automatic termination (search/termination): the surrogate's bound on
 * what the search can still gain, over the evaluated configurations and the random candidate
 * pool the acquisition maximiser scores.
 *
 * Fidelities (search/fidelity), as in BOHB: results are told at the share of a full trial they
 * ran at and kept per fidelity; the surrogate and the fit-time model learn from the highest
 * fidelity with `min_model_observations` successes (fidelity-levels.ts). A configuration
 * promoted by the scheduler to a higher fidelity is announced through reevaluating() (pending
 * until told) and learnt again there; it is never proposed again. The regret bound reads full
 * fidelity only. Told nothing but full trials, it behaves exactly as without fidelities.
 */
import { type Configuration, type ConfigurationSpace, configurationKey } from '../../space/index.ts';
import { mixSeed, Rng } from '../../util/rng.ts';
import type { AskContext, Optimizer } from '../optimizer.ts';
import type { TrialRecord } from '../trial.ts';
import { acquisitionOf, maximizeAcquisition, type CostWeighting } from './acquisition-maximizer.ts';
import { CostModel } from './cost-model.ts';
import { costOfTarget, transformCosts, type TransformedCosts } from './cost-transform.ts';
import { regretBound } from '../termination/regret-bound.ts';
import { resolveSmacSettings, type SmacSettings } from './defaults.ts';
import { pendingCost, withFantasies } from './fantasies.ts';
import { CandidateEncoder, imputeInactive, inactiveValues } from './impute-inactive.ts';
import { FidelityLevels } from './fidelity-levels.ts';
import { FULL_SHARE, shareOf } from '../fidelity/fidelity.ts';
import type { ReevaluationAware } from '../fidelity/reevaluation.ts';
import { trialSecondsAt } from '../fidelity/trial-seconds.ts';
import { RandomPool } from './random-pool.ts';
import { BranchBalance } from './branch-balance.ts';
import { drawBalanced, RandomInterleaving } from './random-interleaving.ts';
import { Surrogate } from './surrogate.ts';

/** Independent generator streams derived from the optimiser's seed. */
const STREAM = { interleaving: 1, random: 2, acquisition: 3, forest: 4, costForest: 5 } as const;
/** Random draws tried for one predicted to fit in the trial's time before taking the cheapest. */
const AFFORDABLE_DRAWS = 8;
/**
 * A TIMEOUT's time is censored: the fit needed more than the limit it hit, by an unknown amount.
 * Learnt at the limit itself, its region is predicted to need just about what a trial may take
 * and stays affordable, so the search keeps paying whole limits there (on small data, MLPs at a
 * 1 s limit, trial after trial). Learnt at twice the limit, it is predicted to overrun and is
 * skipped until the limit grows past that.
 */
export const TIMEOUT_TIME_FACTOR = 2;
/**
 * An initial-design configuration is passed over when predicted to need more than this share of
 * the trial limit (the share the warm-start selection uses with stored times): trees that split
 * a single timed-out neighbour off on another dimension average it with fast ones, so "over the
 * limit" would often be predicted only after several of them had each cost a whole limit.
 */
export const INITIAL_LIMIT_SHARE = 0.5;

export type ProposalKind = 'initial' | 'random' | 'model';

export interface ModelTiming {
  readonly fitMs: number;
  readonly acquisitionMs: number;
}

export class SmacOptimizer implements Optimizer, ReevaluationAware {
  readonly name = 'smac';
  readonly settings: SmacSettings;
  /** How many proposals of each kind were made (for run summaries and benchmarks). */
  readonly proposalCounts: Record<ProposalKind, number> = { initial: 0, random: 0, model: 0 };
  private lastKind: ProposalKind | null = null;
  /** Initial-design configurations passed over as predicted to overrun the trial limit (nextInitial). */
  private initialSkippedAsSlow = 0;
  private readonly queue: Configuration[];
  /** Keys of every configuration proposed or told: none of them is proposed again. */
  private readonly taken = new Set<string>();
  /** Imputed vector of each pending configuration, by key, in the order asked. */
  private readonly pending = new Map<string, Float64Array>();
  /** Bumped whenever `pending` changes, so the surrogate knows its fantasies are stale. */
  private pendingVersion = 0;
  /** What it was told, per fidelity (a run without fidelities has only share 1). */
  private readonly levels: FidelityLevels;
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
  private readonly costModel: CostModel;
  /** What the search can afford at the current ask; undefined when it did not say. */
  private context: AskContext | undefined;
  /** What the surrogate was last fitted on; null before the first fit. */
  private fittedOn: { readonly share: number; readonly rows: number; readonly pendingVersion: number; readonly fantasies: number } | null = null;
  /** The cost transform of the surrogate's last fit (to read its predictions as costs). */
  private transform: TransformedCosts | null = null;
  private readonly isTaken = (key: string): boolean => this.taken.has(key);

  constructor(
    private readonly space: ConfigurationSpace,
    seed: number,
    options: Partial<SmacSettings> = {},
    initial: readonly Configuration[] = [],
  ) {
    this.settings = resolveSmacSettings(options);
    this.queue = [space.defaultConfiguration(), ...initial];
    this.levels = new FidelityLevels(space, this.settings.min_model_observations);
    this.interleaving = new RandomInterleaving(this.settings.random_probability, mixSeed(seed, STREAM.interleaving));
    this.randomRng = new Rng(mixSeed(seed, STREAM.random));
    this.acquisitionRng = new Rng(mixSeed(seed, STREAM.acquisition));
    this.fill = inactiveValues(space.choiceCounts());
    this.encoder = new CandidateEncoder(space, this.fill);
    this.balance = new BranchBalance(space);
    this.surrogate = new Surrogate(this.settings, mixSeed(seed, STREAM.forest), space.choiceCounts());
    this.costModel = new CostModel(this.settings, mixSeed(seed, STREAM.costForest), space.choiceCounts());
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

  /** Initial-design (warm-start) configurations passed over as predicted slower than a trial may take. */
  get skippedInitialCount(): number {
    return this.initialSkippedAsSlow;
  }

  /** Configurations asked for and not yet told. */
  get pendingCount(): number {
    return this.pending.size;
  }

  ask(context?: AskContext): Configuration | null {
    this.context = context;
    const initial = this.nextInitial();
    if (initial !== null) return this.propose(initial.config, initial.key, 'initial');
    const inInitialDesign = this.proposals + this.observed < this.settings.n_initial_random;
    if (!inInitialDesign && this.levels.hasFiniteCost && !this.interleaving.nextIsRandom()) {
      const proposal = this.proposeFromModel();
      if (proposal !== null) return this.propose(proposal.config, proposal.key, 'model');
    }
    const random = this.drawRandom();
    if (random === null) return null;
    return this.propose(random.config, random.key, inInitialDesign ? 'initial' : 'random');
  }

  /**
   * Upper bound, in cost units, on how much better than the evaluated configurations any
   * candidate may be under the surrogate (termination/regret-bound.ts), or null before the
   * model has proposed (no candidate pool yet) or when no trial succeeded. Refits the surrogate
   * when results arrived since its last fit (as the next model proposal would). Only full
   * fidelity counts: null while the surrogate is fitted on a lower one (fidelity-levels.ts).
   */
  regretBound(): number | null {
    if (this.pool.entries === 0 || !this.levels.hasFiniteCost) return null;
    const model = this.fittedSurrogate();
    const transform = this.transform;
    const level = this.levels.modelLevel();
    if (model === null || transform === null || level === null || level.share < FULL_SHARE) return null;
    const bound = regretBound({
      evaluated: model.predict(level.observations.matrix.view()),
      observedCosts: level.observations.costArray(),
      candidates: model.predictRows(this.pool.matrix, this.pool.leafCache),
      toCost: (y) => costOfTarget(transform, y),
    });
    return Number.isNaN(bound) ? null : bound;
  }

  /**
   * Predicted seconds of each configuration under the fit-time model, or null while it knows no
   * time (for benchmarks and tests).
   */
  predictedSeconds(configs: readonly Configuration[]): Float64Array | null {
    if (!this.fittedCostModel()) return null;
    return this.costModel.predictLogSeconds(this.encoder.matrixOf(configs)).map(Math.exp);
  }

  /**
   * A result, at the fidelity of the record (search/fidelity): a configuration evaluated at a
   * lower fidelity and promoted is told again at the higher one, and learnt there too.
   */
  tell(trial: TrialRecord): void {
    const key = configurationKey(trial.config);
    const asked = this.pending.delete(key);
    if (asked) this.pendingVersion++;
    const known = this.taken.has(key);
    this.taken.add(key);
    // A configuration this optimiser did not propose may come from another space version.
    if (!asked && !this.space.isValid(trial.config)) return;
    if (!asked && !known) this.balance.visit(trial.config);
    const seconds = trial.status === 'TIMEOUT' ? trial.fitSeconds * TIMEOUT_TIME_FACTOR : trial.fitSeconds;
    // A trial stopped early (search/early-stopping) is learnt with its partial cost at the share
    // it reached, like a result of that fidelity, but does not count toward the successes that
    // decide which fidelity is modelled: those are the configurations judged worse than most.
    const partial = trial.status === 'STOPPED' && Number.isFinite(trial.cost);
    this.levels.add(shareOf(trial), trial.config, trial.status === 'SUCCESS' || partial ? trial.cost : Infinity, seconds, trial.status === 'SUCCESS');
  }

  /**
   * A configuration it was told about runs again at a higher fidelity (a promotion by the
   * fidelity scheduler): pending, and so a fantasy observation, until its result is told.
   */
  reevaluating(config: Configuration): void {
    const key = configurationKey(config);
    if (this.pending.has(key) || !this.space.isValid(config)) return;
    this.taken.add(key);
    this.pending.set(key, imputeInactive(this.space.encode(config), this.fill));
    this.pendingVersion++;
  }

  /**
   * A result obtained elsewhere, e.g. by an earlier run on the same data and space: it informs the
   * surrogate, is never proposed, and counts toward the initial design (whose job, giving the
   * forest points to split on, it already does). Returns false, learning nothing, for a
   * configuration invalid in this space or already proposed or observed at this `fidelity`
   * (share of a full trial; a result at another fidelity is learnt beside the one it has).
   * `fitSeconds`, when known, informs the fit-time model.
   */
  observe(config: Configuration, cost: number, fitSeconds?: number, fidelity = FULL_SHARE): boolean {
    const key = configurationKey(config);
    const known = this.taken.has(key);
    if (this.pending.has(key) || this.levels.has(config, fidelity) || !this.space.isValid(config)) return false;
    this.taken.add(key);
    this.levels.add(fidelity, config, cost, fitSeconds);
    if (!known) {
      this.balance.visit(config);
      this.observed++;
    }
    return true;
  }

  /**
   * The next configuration of the initial design. When the search says what a trial may take,
   * one the fit-time model predicts to need more than INITIAL_LIMIT_SHARE of it is passed over
   * (counted in `initialSkippedAsSlow`): meta-learned configurations carry times measured on other data, and
   * once a configuration of theirs has timed out here (learnt at TIMEOUT_TIME_FACTOR × its
   * limit) its neighbours would mostly time out too, each costing a whole limit. The default
   * configuration, first in the queue, is proposed before any time is known.
   */
  private nextInitial(): { config: Configuration; key: string } | null {
    const maxLogSeconds = this.context === undefined ? Infinity : Math.log(Math.max(INITIAL_LIMIT_SHARE * this.affordableSeconds(this.context), Number.MIN_VALUE));
    while (this.queue.length > 0) {
      const config = this.queue.shift()!;
      const key = configurationKey(config);
      if (this.taken.has(key) || !this.space.isValid(config)) continue;
      if (maxLogSeconds < Infinity && this.fittedCostModel() && this.predictedLogSeconds(config) > maxLogSeconds) {
        this.initialSkippedAsSlow++;
        continue;
      }
      return { config, key };
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
    const weighting = this.costWeighting();
    const acquisition = acquisitionOf(this.encoder, model, this.settings.xi, weighting ?? undefined);
    const best = this.levels.modelLevel()?.observations.best(this.settings.n_local_search_observed) ?? [];
    const proposal = maximizeAcquisition(this.space, acquisition, this.pool, best, this.isTaken, this.acquisitionRng, this.settings);
    this.timing = { fitMs: fitted - start, acquisitionMs: performance.now() - fitted };
    // Every candidate scored −Infinity (all predicted too slow, or no improvement expected
    // anywhere): a random draw, filtered the same way, does better than an unaffordable one.
    if (proposal !== null && weighting !== null && this.predictedLogSeconds(proposal.config) > weighting.maxLogSeconds) return null;
    return proposal;
  }

  /**
   * How predicted time weighs in at this ask, or null when the search did not say what it can
   * afford or no fit time is known yet. 'fading' uses the share of the budget left as α: a time
   * penalty that matters most while much of the budget is ahead (a slow trial then delays every
   * later one) and vanishes as the budget ends, when only improvement counts.
   */
  private costWeighting(): CostWeighting | null {
    const context = this.context;
    if (context === undefined || !this.fittedCostModel()) return null;
    const mode = this.settings.cost_acquisition;
    const left = context.budgetSeconds > 0 ? Math.min(1, Math.max(0, context.remainingSeconds / context.budgetSeconds)) : 0;
    const exponent = mode === 'eips' ? 1 : mode === 'fading' ? left : 0;
    return { model: this.costModel, exponent, maxLogSeconds: Math.log(Math.max(this.affordableSeconds(context), Number.MIN_VALUE)) };
  }

  /**
   * The fit-time model, refitted when observations arrived; false while no time is known. It
   * learns the times of one fidelity (FidelityLevels.timeLevel, the surrogate's when it has one).
   */
  private fittedCostModel(): boolean {
    const level = this.levels.timeLevel();
    if (level === null) return false;
    return this.costModel.fit(level.observations.matrix.view(), level.observations.secondsList(), level.share);
  }

  /**
   * Seconds a trial may take at the fidelity the fit-time model predicts. The search's context
   * gives the limit of a full trial; a fidelity scheduler runs lower rungs with a shorter limit
   * (fidelity/trial-seconds.ts), and the model's times are those of its own fidelity.
   */
  private affordableSeconds(context: AskContext): number {
    return trialSecondsAt(context.trialSeconds, this.levels.timeLevel()?.share ?? FULL_SHARE);
  }

  private predictedLogSeconds(config: Configuration): number {
    return this.costModel.predictLogSeconds(this.encoder.matrixOf([config]))[0]!;
  }

  /**
   * A balanced random draw; when the search said how long the trial may take and the fit-time
   * model knows something, one predicted to finish in that time (or the cheapest of a few).
   */
  private drawRandom(): { config: Configuration; key: string } | null {
    const first = drawBalanced(this.space, this.randomRng, this.isTaken, this.balance, this.settings.random_branch_draws);
    const context = this.context;
    if (first === null || context === undefined || !this.fittedCostModel()) return first;
    const maxLogSeconds = Math.log(Math.max(this.affordableSeconds(context), Number.MIN_VALUE));
    const refused = new Set<string>();
    let cheapest = { draw: first, logSeconds: this.predictedLogSeconds(first.config) };
    for (let draw: typeof first | null = first, attempt = 1; draw !== null; attempt++) {
      const logSeconds = attempt === 1 ? cheapest.logSeconds : this.predictedLogSeconds(draw.config);
      if (logSeconds <= maxLogSeconds) return draw;
      if (logSeconds < cheapest.logSeconds) cheapest = { draw, logSeconds };
      if (attempt >= AFFORDABLE_DRAWS) break;
      refused.add(draw.key);
      draw = drawBalanced(this.space, this.randomRng, (key) => refused.has(key) || this.isTaken(key), this.balance, this.settings.random_branch_draws);
    }
    return cheapest.draw;
  }

  /**
   * The surrogate for the current observations and pending fantasies, refitted only when
   * results arrived or the pending set changed. It is fitted on one fidelity
   * (FidelityLevels.modelLevel); every pending configuration, whatever fidelity it runs at, is a
   * fantasy there: its region is being explored either way.
   */
  private fittedSurrogate(): Surrogate | null {
    const level = this.levels.modelLevel();
    if (level === null) return null;
    const { share, observations } = level;
    const rows = observations.count;
    const version = this.settings.pending_lie === 'none' ? 0 : this.pendingVersion;
    if (this.fittedOn !== null && this.fittedOn.share === share && this.fittedOn.rows === rows && this.fittedOn.pendingVersion === version) return this.surrogate;
    const costs = observations.costArray();
    const lie = pendingCost(costs, this.settings.pending_lie);
    const data = withFantasies(observations.matrix.view(), costs, [...this.pending.values()], lie);
    const targets = transformCosts(data.costs, this.settings.log_offset, this.settings.log_offset_quantile);
    if (targets === null) return null;
    this.transform = targets;
    const fantasies = data.x.nRows - rows;
    // Trees kept from a fit on another fidelity were grown on other rows: all are regrown.
    this.surrogate.fit(data.x, targets.y, rows, fantasies > 0 || this.fittedOn?.fantasies !== 0 || this.fittedOn.share !== share);
    this.fittedOn = { share, rows, pendingVersion: version, fantasies };
    return this.surrogate;
  }

}
