/**
 * The whole SMAC recipe in one place: every number the optimiser uses, with the reason it has
 * that value. A caller overrides any subset through `Partial<SmacSettings>`.
 */

export interface SmacSettings {
  /**
   * The initial design (the default configuration, then warm-start ones) is topped up with
   * random configurations until it holds this many; only then does the surrogate propose.
   */
  readonly n_initial_random: number;
  /** Probability that a challenger after the initial design is a random configuration. */
  readonly random_probability: number;
  /**
   * Draws from the prior per random challenger; the one whose branch choices (algorithm and
   * other hyperparameters that others depend on) were visited least is proposed (see
   * branch-balance.ts). 1 is plain prior sampling.
   */
  readonly random_branch_draws: number;
  /** Random configurations scored by the acquisition function per proposal. */
  readonly n_random_candidates: number;
  /** Fraction of the random candidates replaced by fresh draws at each proposal. */
  readonly random_refresh_fraction: number;
  /** Best observed configurations the local search starts from. */
  readonly n_local_search_observed: number;
  /** Best random candidates the local search also starts from. */
  readonly n_local_search_random: number;
  /** Hill-climbing steps per local search before it stops even if still improving. */
  readonly local_search_max_steps: number;
  /** Neighbours per numeric hyperparameter in a one-exchange neighbourhood. */
  readonly neighbours_per_numeric: number;
  /** Exploration margin of expected improvement, in the surrogate's (log) cost scale. */
  readonly xi: number;
  /**
   * Offset of the log cost transform, as a fraction of the observed cost range: the model is
   * fitted on log((cost − best) / range + this). Smaller values stretch the region near the best.
   */
  readonly log_offset: number;
  /**
   * When > 0, the offset is at least the distance from the best cost to this quantile of the
   * observed costs (as a fraction of their range): the log scale then stops resolving
   * differences finer than those among the best few costs, which under noisy validation are
   * mostly noise.
   */
  readonly log_offset_quantile: number;
  readonly n_trees: number;
  readonly bootstrap: boolean;
  /**
   * How trees split a categorical hyperparameter: 'sets' sends any subset of its choices left
   * (the codes of a categorical have no order); 'ordered' thresholds the codes in the order
   * the space lists the choices.
   */
  readonly categorical_splits: CategoricalSplits;
  /**
   * The rows a kept tree's leaves average over at a partial refit: 'own' its bootstrap sample
   * (new rows joining with Poisson(1) multiplicities), 'all' every row once each.
   */
  readonly refresh_sample: RefreshSample;
  /** Fraction of the dimensions each split considers. */
  readonly max_features: number;
  readonly min_samples_split: number;
  readonly min_samples_leaf: number;
  readonly max_depth: number;
  /**
   * Fraction of the trees regrown at each refit, oldest first (see surrogate.ts); 1 regrows the
   * whole forest every time.
   */
  readonly refit_fraction: number;
  /**
   * What the surrogate assumes about configurations asked for and not yet told (parallel
   * workers): each is added to the training data as a "fantasy" observation with this cost
   * (constant liar), so the forest sees the region as explored and the next proposals spread
   * out instead of crowding around a point already being evaluated. 'mean' lies with the mean
   * observed cost, 'best' with the lowest, 'worst' with the highest; 'none' ignores pending ones
   * (they are still never proposed twice).
   */
  readonly pending_lie: PendingLie;
  /**
   * How the acquisition weighs the predicted fit time of a candidate (cost-model.ts), when the
   * search says what it can still afford: 'eips' ranks by expected improvement per second,
   * EI / t; 'fading' by EI / t^α with α the share of the budget still left, so cheap
   * candidates are favoured early and plain EI rules at the end; 'none' ignores time. In every
   * mode a candidate predicted to need more than the trial may take is not proposed.
   */
  readonly cost_acquisition: CostAcquisition;
  /**
   * With results at several fidelities (search/fidelity), the surrogate and the fit-time model
   * are fitted on the highest fidelity with at least this many successful results (see
   * fidelity-levels.ts).
   */
  readonly min_model_observations: number;
}

export type PendingLie = 'mean' | 'best' | 'worst' | 'none';
const PENDING_LIES: readonly PendingLie[] = ['mean', 'best', 'worst', 'none'];
export type CategoricalSplits = 'sets' | 'ordered';
const CATEGORICAL_SPLITS: readonly CategoricalSplits[] = ['sets', 'ordered'];
export type RefreshSample = 'own' | 'all';
const REFRESH_SAMPLES: readonly RefreshSample[] = ['own', 'all'];
export type CostAcquisition = 'eips' | 'fading' | 'none';
const COST_ACQUISITIONS: readonly CostAcquisition[] = ['eips', 'fading', 'none'];

export const SMAC_DEFAULTS: SmacSettings = {
  // The default plus a handful of random points gives the forest something to split on before it
  // proposes; with warm-start configurations the design is usually already larger than this.
  n_initial_random: 5,
  // Every second challenger random (in expectation): keeps exploring branches of a conditional
  // space that the surrogate has written off early, which matters most in large CASH spaces.
  random_probability: 0.5,
  // With fourteen classifiers, ten draws include a still-unvisited one with probability above
  // 0.96 while ten or fewer have been visited, and cost microseconds. Without the balance,
  // the model proposals on vowel kept refining the first good algorithm (gradient boosting, the
  // default), and the random challengers reached the better kNN and SVM branches in few seeds.
  random_branch_draws: 10,
  // Random candidates cover the branches globally; the local search refines around good points.
  n_random_candidates: 5000,
  // Drawing and encoding candidates costs more than scoring them; a tenth renewed per proposal
  // renews the whole pool every ten proposals (see random-pool.ts). Renewing all of it every
  // time gave no better results on the synthetic benchmark.
  random_refresh_fraction: 0.1,
  // Climbs start mostly from the best observed points, a few from the best random candidates to
  // refine new regions. On the synthetic benchmark 6 + 2 starts did as well at about two thirds
  // of the local-search time, 5 + 2 did worse; the local search is most of the EI maximisation.
  n_local_search_observed: 10,
  n_local_search_random: 3,
  // A forest's acquisition surface is piecewise constant, so most climbs stall on a plateau
  // within a few steps. A short cap loses nothing: the point a climb reaches is soon evaluated
  // and becomes a start itself, so climbs resume across proposals. (Caps of 5 and 20 gave
  // the same quality on the synthetic benchmark; 5 is cheaper.)
  local_search_max_steps: 5,
  neighbours_per_numeric: 4,
  // No extra margin: the random challengers already supply the exploration.
  xi: 0,
  // Resolution of the log cost scale near the best cost, as a fraction of the observed range
  // (so independent of the metric's units): 0.001 beat 0.0001, 0.01 and 0.1 on the synthetic
  // benchmark.
  log_offset: 0.001,
  // Validation costs are noisy: resolving differences finer than those among the best few
  // observations makes the model chase noise around the incumbent. The 5 % quantile is SMAC3's
  // choice for its log-scaled costs. Measured (10 seeds): synthetic 45 -> 40 trials to reach
  // random search's final median, vowel 0.112 -> 0.099 and pima 0.203 -> 0.202 best cost after
  // 30 trials; a fixed offset of 0.05 instead lost on the synthetic problem (81 trials).
  log_offset_quantile: 0.05,
  // Forest settings: few, deep-enough trees are enough for a surrogate and keep refits cheap;
  // leaves of at least 3 points give the across-tree variance something to measure.
  n_trees: 10,
  bootstrap: true,
  categorical_splits: 'sets',
  refresh_sample: 'own',
  max_features: 5 / 6,
  min_samples_split: 3,
  min_samples_leaf: 3,
  max_depth: 20,
  // Half the trees per refit halves the cost of a refit, and every tree still knows all but at
  // most the latest result.
  refit_fraction: 0.5,
  // The mean sits between the two classic extremes: 'best' keeps proposing next to a pending
  // point that looks as good as the incumbent, 'worst' writes the region off before its result
  // is known.
  pending_lie: 'mean',
  // Measured with `src/bench/optimizer.ts --part timed --timed-budget 20 --dataset-seeds 3` on
  // eight small datasets (best cost within 20 s of measured fit time, cold start, a heavily
  // loaded 2-core machine, so noisy): mean rank of the final best cost per seed, random / EI /
  // EIPS / fading = 2.58 / 2.83 / 2.29 / 2.29 on pima, vowel, ozone, glass; EI / EIPS / fading
  // = 2.08 / 1.92 / 2.00 on breast_cancer, diabetes, soybean, house_votes84. Both time-aware
  // modes beat plain EI; between them, fading had the lower median on four datasets (pima,
  // vowel, diabetes, soybean), EIPS on two (glass, breast_cancer), two tied. EIPS also fell
  // behind on soybean, where the good configurations are slow: a penalty that keeps full
  // strength to the end starves them.
  cost_acquisition: 'fading',
  // Below eight points a tree of leaves of at least three has one or two splits, and the
  // forest's expected improvement barely differs from a random draw: a lower fidelity with more
  // results ranks better than that. BOHB's rule (dimensions + 1) would mean over a hundred full
  // results in a CASH space, which a short budget never reaches.
  min_model_observations: 8,
};

/** Defaults overridden by the given settings; throws RangeError on a nonsensical value. */
export function resolveSmacSettings(options: Partial<SmacSettings> = {}): SmacSettings {
  const settings: SmacSettings = { ...SMAC_DEFAULTS, ...definedOnly(options) };
  const checkInteger = (name: keyof SmacSettings, min: number): void => {
    const value = settings[name];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min) throw new RangeError(`SMAC setting ${name} = ${String(value)}: expected an integer >= ${min}`);
  };
  const checkRange = (name: keyof SmacSettings, low: number, high: number): void => {
    const value = settings[name];
    if (typeof value !== 'number' || !(value >= low && value <= high)) throw new RangeError(`SMAC setting ${name} = ${String(value)}: expected a number in [${low}, ${high}]`);
  };
  checkInteger('n_initial_random', 0);
  checkRange('random_probability', 0, 1);
  checkInteger('random_branch_draws', 1);
  checkInteger('n_random_candidates', 1);
  checkRange('random_refresh_fraction', Number.MIN_VALUE, 1);
  checkInteger('n_local_search_observed', 0);
  checkInteger('n_local_search_random', 0);
  checkInteger('local_search_max_steps', 0);
  checkInteger('neighbours_per_numeric', 1);
  checkRange('xi', 0, Number.MAX_VALUE);
  checkRange('log_offset', Number.MIN_VALUE, Number.MAX_VALUE);
  checkRange('log_offset_quantile', 0, 0.5);
  checkInteger('n_trees', 1);
  checkRange('max_features', Number.MIN_VALUE, 1);
  checkInteger('min_samples_split', 2);
  checkInteger('min_samples_leaf', 1);
  checkInteger('max_depth', 1);
  checkRange('refit_fraction', Number.MIN_VALUE, 1);
  checkInteger('min_model_observations', 1);
  if (!PENDING_LIES.includes(settings.pending_lie)) throw new RangeError(`SMAC setting pending_lie = ${String(settings.pending_lie)}: expected one of ${PENDING_LIES.join(', ')}`);
  if (!CATEGORICAL_SPLITS.includes(settings.categorical_splits)) throw new RangeError(`SMAC setting categorical_splits = ${String(settings.categorical_splits)}: expected one of ${CATEGORICAL_SPLITS.join(', ')}`);
  if (!REFRESH_SAMPLES.includes(settings.refresh_sample)) throw new RangeError(`SMAC setting refresh_sample = ${String(settings.refresh_sample)}: expected one of ${REFRESH_SAMPLES.join(', ')}`);
  if (!COST_ACQUISITIONS.includes(settings.cost_acquisition)) throw new RangeError(`SMAC setting cost_acquisition = ${String(settings.cost_acquisition)}: expected one of ${COST_ACQUISITIONS.join(', ')}`);
  if (typeof settings.bootstrap !== 'boolean') throw new RangeError('SMAC setting bootstrap: expected true or false');
  return settings;
}

/** Drops keys whose value is undefined, so they do not hide a default when spread. */
function definedOnly<T extends object>(options: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [key, value] of Object.entries(options)) if (value !== undefined) (out as Record<string, unknown>)[key] = value;
  return out;
}
