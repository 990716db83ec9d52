/**
 * The warm start of a fit, decided before the first trial:
 *
 * - from a parent run (`warmStartFrom`): on the same data, metric and space its trials are told
 *   to the optimiser as prior observations (never proposed again), so the search continues where
 *   the parent stopped; otherwise its best configurations that are valid in the new space become
 *   the initial design;
 * - from the metadata base (`warmStart` N > 0), by `warmStartMethod`: 'knn', the best
 *   configurations of the datasets nearest in meta-feature space, or 'portfolio', the greedy
 *   portfolio of the base's performance matrix (portfolio.ts; knn when the base has no matrix);
 *   up to N distinct valid ones follow the default configuration; datasets named by
 *   `metadataExclude` (by data fingerprint) are left out of the base (and matrix) first.
 *
 * A missing or empty base means a cold start with an info line, never an error.
 */
import type { LabelledDataset } from '../data/dataset.ts';
import { defaultMetric, taskFamily } from '../metrics/scorers.ts';
import { configurationKey, spaceHash, type Configuration, type ConfigurationSpace } from '../space/index.ts';
import type { Logger } from '../util/log.ts';
import type { TrialRecord } from '../search/trial.ts';
import { isFullFidelity } from '../search/fidelity/fidelity.ts';
import { isFinalCandidate } from '../search/fidelity/final-candidate.ts';
import { mixSeed } from '../util/rng.ts';
import { projectConfiguration } from './fit-configuration.ts';
import { computeMetaFeatures, type MetaFeatures } from './meta-features.ts';
import { leaveOut, type MetadataExclusion } from './leave-out.ts';
import { loadMetadataBase } from './metadata-base.ts';
import type { MetadataBase } from './metadata-files.ts';
import { errorMessage } from '../util/errors.ts';
import { rankByDistance } from './nearest-datasets.ts';
import { readParentRun, type ParentRun } from './parent-run.ts';
import { DEFAULT_WARM_START_METHOD, type WarmStartMethod } from './warm-start-method.ts';
import { ALLOWANCE_SHARE, selectConfigurations } from './warm-start-selection.ts';
import { readMatrix, type PerformanceMatrix } from './performance-matrix.ts';
import { greedyPortfolio, orderForTrials } from './portfolio.ts';

export const DEFAULT_WARM_START = 25;


/** Seed stream of the meta-feature subsamples, apart from the run's other streams. */
const META_FEATURE_STREAM = 11;

export interface WarmStartSummary {
  readonly source: 'metadata' | 'parent-run' | 'none';
  /** How configurations were chosen from the metadata base (absent when it was not used). */
  readonly method?: WarmStartMethod;
  /** Configurations added to the initial design plus prior observations told to the optimiser. */
  readonly configurations: number;
  readonly nearest: readonly { dataset: string; distance: number }[];
  /** Base entries left out by `metadataExclude` (absent when the base was not read). */
  readonly leftOut?: readonly string[];
}

export interface WarmStartPlan {
  /** Configurations to evaluate right after the default one, in order. */
  readonly initial: readonly Configuration[];
  /** Results of a parent run on the same data and space, for the optimiser's observe(). */
  readonly observations: readonly { config: Configuration; cost: number }[];
  readonly summary: WarmStartSummary;
  /** The dataset's meta-features, those undefined for its task left out. */
  readonly metaFeatures: Record<string, number>;
  /**
   * The run being continued (same data, metric and space), whose trials became `observations`.
   * With `sameSplits` its trials were scored on the same validation rows as this run's, so they
   * compete with this run's trials for the final model and their stored out-of-sample
   * predictions join the ensemble.
   */
  readonly continues?: { readonly directory: string; readonly trials: readonly TrialRecord[]; readonly sameSplits: boolean };
}

export interface WarmStartRequest {
  readonly data: LabelledDataset;
  readonly space: ConfigurationSpace;
  readonly metric: string;
  readonly seed: number;
  /** Configurations wanted from the metadata base; 0 disables it. */
  readonly count: number;
  /** How they are chosen; DEFAULT_WARM_START_METHOD when absent. */
  readonly method?: WarmStartMethod;
  /** The run's per-trial time limit; slower stored configurations are left out. */
  readonly perTrialSeconds?: number;
  readonly from: string | undefined;
  readonly metadataDir: string;
  /** Datasets whose base entries the warm start must not use. */
  readonly metadataExclude?: readonly MetadataExclusion[];
  readonly dataFingerprint: string;
  /** Hash of this run's validation splits (Resampling.splitsFingerprint). */
  readonly splitsFingerprint: string;
  readonly logger: Logger;
}

/** The meta-features of a run's training data, with the seed stream every run uses for them. */
export function runMetaFeatures(data: LabelledDataset, runSeed: number): MetaFeatures {
  return computeMetaFeatures(data, mixSeed(runSeed, META_FEATURE_STREAM));
}

export function planWarmStart(request: WarmStartRequest): WarmStartPlan {
  const { data, space } = request;
  const metaFeatures = runMetaFeatures(data, request.seed);
  const finite = finiteFeatures(metaFeatures);
  const exclude = new Set([configurationKey(space.defaultConfiguration())]);

  if (request.from !== undefined) {
    const parent = readParentRun(request.from);
    const continued = continueParent(parent, request, metaFeatures, exclude);
    if (continued !== null) return { ...continued, metaFeatures: finite };
  }
  if (request.count <= 0) return { initial: [], observations: [], summary: { source: 'none', configurations: 0, nearest: [] }, metaFeatures: finite };

  const fromBase = fromMetadata(request, metaFeatures, exclude);
  return { ...fromBase, metaFeatures: finite };
}

function fromMetadata(request: WarmStartRequest, metaFeatures: MetaFeatures, exclude: ReadonlySet<string>): Omit<WarmStartPlan, 'metaFeatures'> {
  const kind = taskFamily(request.data.task);
  const cold = { initial: [], observations: [], summary: { source: 'none' as const, configurations: 0, nearest: [] } };
  let base: MetadataBase | null;
  try {
    base = loadMetadataBase(request.metadataDir, kind, request.metric, request.logger);
    // Without a base for this metric (log loss, ROC AUC), the configurations stored for the task's
    // default metric still start the search among pipelines that did well on similar data; only
    // configurations are taken from it, never costs, so nothing of the other metric's scale leaks in.
    const fallback = defaultMetric(request.data.task);
    if (base === null && request.metric !== fallback) {
      base = loadMetadataBase(request.metadataDir, kind, fallback, request.logger);
      if (base !== null) request.logger.info(`warm start: no metadata for ${kind} / ${request.metric}; using the configurations stored for ${fallback}`);
    }
  } catch (error) {
    // A damaged base costs the warm start, not the fit.
    request.logger.warn(`warm start: the metadata base cannot be used (${errorMessage(error)}); cold start`);
    return cold;
  }
  if (base === null) {
    request.logger.info(`warm start: no metadata for ${kind} / ${request.metric} in ${request.metadataDir}; cold start`);
    return cold;
  }
  const { entries, leftOut } = leaveOut(base.entries, request.metadataExclude ?? [], request.logger);
  if (leftOut.length > 0) request.logger.info(`warm start: left out of the metadata base: ${leftOut.join(', ')}`);
  const cells = request.data.features.nRows * request.data.features.columns.length;
  if ((request.method ?? DEFAULT_WARM_START_METHOD) === 'portfolio') {
    const portfolio = fromPortfolio(request, base, exclude, cells);
    if (portfolio !== null) return { initial: portfolio, observations: [], summary: { source: 'metadata', method: 'portfolio', configurations: portfolio.length, nearest: [], leftOut } };
  }
  const allowance = request.perTrialSeconds === undefined ? undefined : { seconds: request.perTrialSeconds, cells };
  const selection = selectConfigurations(rankByDistance(metaFeatures, entries), request.space, request.count, exclude, allowance);
  if (selection.configurations.length === 0) {
    request.logger.info('warm start: no stored configuration is valid in this search space; cold start');
    return { ...cold, summary: { ...cold.summary, leftOut } };
  }
  request.logger.info(
    `warm start: ${plural(selection.configurations.length, 'configuration')} from ${plural(selection.nearest.length, 'nearest dataset')} ` +
      `(${selection.nearest.slice(0, 3).map((n) => `${n.dataset} ${n.distance.toFixed(2)}`).join(', ')}${selection.nearest.length > 3 ? ', …' : ''})`,
  );
  return { initial: selection.configurations, observations: [], summary: { source: 'metadata', method: 'knn', configurations: selection.configurations.length, nearest: selection.nearest, leftOut } };
}

/**
 * The portfolio's configurations for this run, in trial order (orderForTrials), valid in its space
 * and not already in the design; null (the caller falls back to knn) when the base has no
 * performance matrix or nothing of it is usable.
 */
function fromPortfolio(request: WarmStartRequest, base: MetadataBase, exclude: ReadonlySet<string>, cells: number): Configuration[] | null {
  let matrix: PerformanceMatrix | null;
  try {
    matrix = readMatrix(request.metadataDir, base.kind, base.metric);
  } catch (error) {
    request.logger.warn(`warm start: the portfolio matrix cannot be used (${errorMessage(error)}); nearest datasets instead`);
    return null;
  }
  if (matrix === null) {
    request.logger.info(`warm start: no portfolio matrix for ${base.kind} / ${base.metric} in ${request.metadataDir}; nearest datasets instead`);
    return null;
  }
  const excluded = new Set((request.metadataExclude ?? []).flatMap((e) => [e.fingerprint, ...(e.dataset === undefined ? [] : [`name:${e.dataset}`])]));
  // A few spare members, since some may be too slow here or invalid in this space.
  const portfolio = greedyPortfolio(matrix, request.count * 2, excluded);
  const ordered = orderForTrials(portfolio.members, cells, request.perTrialSeconds, ALLOWANCE_SHARE);
  const keys = new Set(exclude);
  const out: Configuration[] = [];
  for (const member of ordered) {
    if (out.length >= request.count) break;
    const projection = projectConfiguration(member.config, request.space);
    if (!('config' in projection)) continue;
    const key = configurationKey(projection.config);
    if (keys.has(key)) continue;
    keys.add(key);
    out.push(projection.config);
  }
  if (out.length === 0) return null;
  request.logger.info(`warm start: ${plural(out.length, 'configuration')} of the greedy portfolio (built on ${plural(portfolio.datasets.length, 'dataset')}, mean regret ${(portfolio.regret[Math.min(out.length, portfolio.regret.length) - 1] ?? NaN).toFixed(3)})`);
  return out;
}

/**
 * Same data, metric and space: every full-fidelity parent trial becomes a prior observation
 * (failed ones with an infinite cost; a trial below full fidelity did not measure its
 * configuration's full cost, so this run may evaluate it again), and the metadata configurations
 * the parent had not reached yet still follow the default, so an interrupted run resumes its own
 * plan. Otherwise the parent's best valid
 * configurations form the initial design. Null when the parent has nothing usable.
 */
function continueParent(parent: ParentRun, request: WarmStartRequest, metaFeatures: MetaFeatures, exclude: ReadonlySet<string>): Omit<WarmStartPlan, 'metaFeatures'> | null {
  const { logger, space } = request;
  const sameSpace = parent.spaceHash === spaceHash(space);
  const sameData = parent.dataFingerprint === request.dataFingerprint && parent.metric === request.metric;
  if (sameSpace && sameData) {
    const seen = new Set<string>();
    const observations: { config: Configuration; cost: number }[] = [];
    for (const trial of parent.trials) {
      const key = configurationKey(trial.config);
      if (!isFullFidelity(trial) || seen.has(key) || !space.isValid(trial.config)) continue;
      seen.add(key);
      observations.push({ config: trial.config, cost: trial.status === 'SUCCESS' ? trial.cost : Infinity });
    }
    const metadata = request.count > 0 ? fromMetadata(request, metaFeatures, exclude) : null;
    const initial = (metadata?.initial ?? []).filter((c) => !seen.has(configurationKey(c)));
    const sameSplits = parent.splitsFingerprint === request.splitsFingerprint;
    logger.info(
      `warm start: continuing ${parent.directory}: ${observations.length} earlier trials inform the optimiser and are not repeated` +
        (sameSplits ? ', and compete for the final model' : '; they were validated on other rows, so only this run\'s trials make the final model'),
    );
    return {
      initial,
      observations,
      continues: { directory: parent.directory, trials: parent.trials, sameSplits },
      summary: { source: 'parent-run', configurations: observations.length + initial.length, nearest: metadata?.summary.nearest ?? [], ...(metadata?.summary.leftOut === undefined ? {} : { leftOut: metadata.summary.leftOut }) },
    };
  }
  const why = !sameSpace ? 'another search space' : 'other data or another metric';
  const best = [...parent.trials].filter(isFinalCandidate).sort((a, b) => a.cost - b.cost || a.id - b.id);
  const wanted = request.count > 0 ? request.count : DEFAULT_WARM_START;
  const keys = new Set(exclude);
  const initial: Configuration[] = [];
  const invalid: string[] = [];
  for (const trial of best) {
    if (initial.length >= wanted) break;
    const projection = sameSpace ? { config: trial.config } : projectConfiguration(trial.config, space);
    if (!('config' in projection)) {
      invalid.push(`trial ${trial.id}: ${projection.reason}`);
      continue;
    }
    const key = configurationKey(projection.config);
    if (keys.has(key)) continue;
    keys.add(key);
    initial.push(projection.config);
  }
  if (invalid.length > 0) {
    logger.warn(`warm start: ${plural(invalid.length, 'configuration')} of ${parent.directory} invalid in this search space, dropped (${invalid.slice(0, 3).join('; ')}${invalid.length > 3 ? '; …' : ''})`);
  }
  if (initial.length === 0) {
    logger.info(`warm start: ${parent.directory} has no successful configuration valid in this search space`);
    return null;
  }
  logger.info(`warm start: the parent run was on ${why}; its ${initial.length} best valid configurations start the search`);
  return { initial, observations: [], summary: { source: 'parent-run', configurations: initial.length, nearest: [] } };
}

function finiteFeatures(features: MetaFeatures): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, value] of Object.entries(features)) if (Number.isFinite(value)) out[name] = value;
  return out;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
