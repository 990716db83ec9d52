/**
 * Options of AutoML.fit, with every default in one typed const so documentation, CLI and library
 * agree. Validation turns bad values into BAD_OPTION errors that name the option.
 */
import type { Task } from '../data/dataset.ts';
import { AutoMLError } from '../util/errors.ts';
import type { Logger } from '../util/log.ts';
import type { ConfigurationSpace } from '../space/index.ts';
import type { TrialRecord } from '../search/trial.ts';
import { DEFAULT_FOLDS, type ResamplingStrategy } from '../search/resampling.ts';
import { defaultWorkerCount } from '../search/runner/index.ts';
import { capWorkers, currentCapacity } from './worker-cap.ts';
import { BACKEND_PREFERENCES, isBackendPreference, type BackendPreference } from '../components/backend/types.ts';
import type { MetadataExclusion } from '../metalearning/leave-out.ts';
import { DEFAULT_WARM_START_METHOD, isWarmStartMethod, WARM_START_METHODS, type WarmStartMethod } from '../metalearning/warm-start-method.ts';
import { parseCsvEncoding } from '../data/csv-decode.ts';
import { STOP_MODES, type StopMode } from '../search/termination/criterion.ts';
import { FIDELITY_DEFAULTS, FIDELITY_MODES, FIDELITY_RESOURCES, type FidelityMode } from '../search/fidelity/fidelity-mode.ts';
import type { FidelityResource } from '../search/fidelity/fidelity.ts';
import { EARLY_STOPPING_MODES, isEarlyStoppingMode, type EarlyStoppingMode } from '../search/early-stopping/mode.ts';

/** Values of the `calibration` option (see FitOptions). */
export const CALIBRATION_OPTIONS = ['auto', 'temperature', 'platt', 'isotonic', 'none'] as const;
export type CalibrationOption = (typeof CALIBRATION_OPTIONS)[number];

export interface FitOptions {
  /** Name of the target column. */
  target: string;
  /** Task; inferred from the target column when absent. */
  task?: Task | 'auto';
  /** Wall-clock budget in seconds of the whole fit: data, search, member fits, calibration (see api/budget-plan.ts). */
  timeBudget?: number;
  /** Stop after this many trials even if time remains (makes seeded runs reproducible). */
  maxTrials?: number;
  seed?: number;
  /** Metric name; balanced_accuracy for classification, rmse for regression by default. */
  metric?: string;
  /** How trials are validated: 'auto' = 5-fold CV up to 2000 training rows, holdout above. */
  resampling?: ResamplingStrategy;
  /** Folds of cross-validation. */
  folds?: number;
  /** Fraction of training rows held out to score trials (holdout resampling). */
  holdoutFraction?: number;
  /** A search space (file path or object) restricting the search, e.g. pipelines/tiny.json. */
  space?: string | ConfigurationSpace;
  /** Optimiser: SMAC-style Bayesian optimisation (default) or random search. */
  optimizer?: 'smac' | 'random';
  /**
   * When the search ends: 'budget' uses the whole time budget (or maxTrials); 'converged' also
   * stops once the optimiser's bound on what it can still gain falls below the statistical error
   * of the best validation score (after 20 successful trials; smac only).
   */
  stop?: StopMode;
  /**
   * 'median': iterative learners (gradient boosting, forests, MLP, native XGBoost) report their
   * validation cost at 1/8, 1/4 and 1/2 of their iterations, and a trial worse there than the
   * median of the earlier trials of its algorithm (once 5 count) stops as STOPPED (see
   * search/early-stopping). 'off': every trial runs to its end.
   */
  earlyStopping?: EarlyStoppingMode;
  /**
   * Multi-fidelity search (see search/fidelity): 'off' runs every trial in full; 'sh' asynchronous
   * successive halving; 'hyperband' its brackets; 'auto' successive halving under holdout when
   * the budget holds few full trials, else off (fidelity-mode.ts).
   */
  fidelity?: FidelityMode;
  /** Successive halving's rate: a rung promotes its best 1/eta to the next, eta times the share. */
  eta?: number;
  /** Share of a full trial at the lowest rung, in (0, 1). */
  minFidelity?: number;
  /** What a lower fidelity reduces: 'rows', 'iterations' (of iterative learners), 'auto' iterations where there are, rows otherwise. */
  fidelityResource?: FidelityResource;
  /** Greedy ensemble-selection iterations; 1 keeps the single best pipeline. */
  ensembleSize?: number;
  /** Best trials the ensemble may draw from. */
  ensembleNbest?: number;
  /** Final members under cross-validation: refit on all rows, or the trial's fold models averaged ('cv-average'). */
  finalModels?: 'refit' | 'cv-average';
  /**
   * Classification: how class probabilities are calibrated on cross-fitted validation predictions:
   * 'auto' picks among temperature, Platt (binary) and isotonic (≥ 1000 validation rows) the one
   * that beats none on held-out rows; a method name offers only that one; 'none' leaves them.
   */
  calibration?: CalibrationOption;
  /**
   * Trials run at once in isolated worker threads (default: cores − 1, at least 1); 0 runs them in
   * this thread without limits. Capped, with a warning, by the cores and by the free memory over
   * memoryLimit (see worker-cap.ts).
   */
  workers?: number;
  /**
   * Seconds one trial may take before it is stopped as TIMEOUT. Default: a tenth of the budget, at
   * least min(budget, 30), until a trial succeeds; then adapted to the observed fit times and at
   * most a fifth of the budget (see search/trial-time-limit.ts). A value given here is fixed.
   */
  perTrialTime?: number;
  /** Megabytes one trial may use before it is stopped as MEMOUT. */
  memoryLimit?: number;
  /** Directory for the run log (run.json, trials.jsonl); none is written when absent. */
  runDir?: string;
  /** Override inferred column types. */
  columnTypes?: Record<string, 'numeric' | 'categorical' | 'drop'>;
  /** Text encoding of the data when it is a CSV path: 'utf-8' (default, read strictly) or 'latin1'. */
  encoding?: string;
  /** Called after every trial, e.g. for progress bars. */
  onTrial?: (trial: TrialRecord) => void;
  /** Configurations from the datasets nearest in meta-features that follow the default one (0 = cold start). */
  warmStart?: number;
  /** How warm-start configurations are chosen: 'knn' (nearest datasets) or 'portfolio' (greedy portfolio of the performance matrix). */
  warmStartMethod?: WarmStartMethod;
  /** A parent run (its directory or trials.jsonl) to continue from or to borrow the best configurations of. */
  warmStartFrom?: string;
  /** Directory of the metadata base (default: the package's metadata/). */
  metadataDir?: string;
  /**
   * Datasets the warm start must not use, by the data fingerprint of their training rows (with
   * their name as the fallback for base entries that record no fingerprint), e.g. the dataset
   * being evaluated when the base was built from it.
   */
  metadataExclude?: readonly MetadataExclusion[];
  /** Tensor backend for neural networks: auto (fastest available) or one by name, which must then be available. */
  backend?: BackendPreference;
  /**
   * A Redis address (redis://host:port) whose `automl worker` processes run the trials; `workers`
   * then bounds the trials in flight and is not capped by this machine's cores or memory.
   */
  queue?: string;
  logger?: Logger;
}

export const FIT_DEFAULTS = {
  timeBudget: 60,
  seed: 0,
  optimizer: 'smac',
  stop: 'budget',
  fidelity: FIDELITY_DEFAULTS.fidelity,
  eta: FIDELITY_DEFAULTS.eta,
  minFidelity: FIDELITY_DEFAULTS.minFidelity,
  fidelityResource: FIDELITY_DEFAULTS.fidelityResource,
  earlyStopping: 'off',
  memoryLimit: 3072,
  ensembleSize: 50,
  ensembleNbest: 50,
  finalModels: 'refit',
  calibration: 'auto',
  resampling: 'auto',
  folds: DEFAULT_FOLDS,
  holdoutFraction: 0.33,
  warmStart: 25,
  backend: 'auto',
} as const;

export interface ResolvedFitOptions {
  target: string;
  task: Task | undefined;
  timeBudget: number;
  maxTrials: number | undefined;
  seed: number;
  metric: string | undefined;
  resampling: ResamplingStrategy;
  folds: number;
  holdoutFraction: number;
  columnTypes: Record<string, 'numeric' | 'categorical' | 'drop'> | undefined;
  space: string | ConfigurationSpace | undefined;
  runDir: string | undefined;
  optimizer: 'smac' | 'random';
  stop: StopMode;
  earlyStopping: EarlyStoppingMode;
  fidelity: FidelityMode;
  eta: number;
  minFidelity: number;
  fidelityResource: FidelityResource;
  workers: number;
  perTrialTime: number;
  /** True when perTrialTime is the default: the search then adapts it to observed fit times. */
  adaptiveTrialLimit: boolean;
  memoryLimit: number;
  ensembleSize: number;
  ensembleNbest: number;
  finalModels: 'refit' | 'cv-average';
  calibration: CalibrationOption;
  onTrial: ((trial: TrialRecord) => void) | undefined;
  logger: Logger | undefined;
  warmStart: number;
  warmStartMethod: WarmStartMethod;
  warmStartFrom: string | undefined;
  metadataDir: string | undefined;
  metadataExclude: readonly MetadataExclusion[];
  backend: BackendPreference;
  queue: string | undefined;
}

/**
 * The longest duration, in seconds, any time option may have: Node's timers hold at most
 * 2^31 − 1 ms (about 24.8 days) and fire at once for anything longer, which would end a search or
 * a trial the moment it starts.
 */
export const MAX_DURATION_SECONDS = Math.floor((2 ** 31 - 1) / 1000);

/** Why a duration option is invalid, or undefined when it is a usable number of seconds. */
export function durationProblem(seconds: unknown): string | undefined {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds <= 0) return 'a positive number of seconds';
  if (seconds > MAX_DURATION_SECONDS) return `at most ${MAX_DURATION_SECONDS} seconds (24.8 days, the longest a timer can wait)`;
  return undefined;
}

/**
 * A tenth of the budget lets about ten slow trials fit; short budgets still allow one trial of up
 * to 30 seconds (a cross-validated network needs that on a small machine), or the whole budget
 * when that is shorter, so slow but good configurations can finish.
 */
export function defaultPerTrialTime(timeBudget: number): number {
  return Math.max(timeBudget / 10, Math.min(timeBudget, 30));
}

function badOption(name: string, value: unknown, expectation: string): AutoMLError {
  return new AutoMLError('BAD_OPTION', `option ${name} must be ${expectation}, got ${JSON.stringify(value) ?? String(value)}`);
}

export function resolveFitOptions(options: FitOptions): ResolvedFitOptions {
  if (typeof options !== 'object' || options === null) throw badOption('options', options, 'an object with at least { target }');
  if (typeof options.target !== 'string' || options.target.length === 0) throw badOption('target', options.target, 'a column name');
  const task = options.task === 'auto' ? undefined : options.task;
  if (task !== undefined && !['binary', 'multiclass', 'regression'].includes(task)) {
    throw badOption('task', task, 'one of auto, binary, multiclass, regression');
  }
  const timeBudget = options.timeBudget ?? FIT_DEFAULTS.timeBudget;
  const timeProblem = durationProblem(timeBudget);
  if (timeProblem !== undefined) throw badOption('timeBudget', timeBudget, `${timeProblem}; bound a long run by maxTrials instead`);
  const maxTrials = options.maxTrials;
  if (maxTrials !== undefined && (!Number.isInteger(maxTrials) || maxTrials < 1)) {
    throw badOption('maxTrials', maxTrials, 'a positive integer');
  }
  const seed = options.seed ?? FIT_DEFAULTS.seed;
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw badOption('seed', seed, 'an integer in 0..4294967295');
  const holdoutFraction = options.holdoutFraction ?? FIT_DEFAULTS.holdoutFraction;
  if (!(holdoutFraction > 0 && holdoutFraction < 1)) throw badOption('holdoutFraction', holdoutFraction, 'a number strictly between 0 and 1');
  const resampling = options.resampling ?? FIT_DEFAULTS.resampling;
  if (!['auto', 'holdout', 'cv'].includes(resampling)) throw badOption('resampling', resampling, 'one of auto, holdout, cv');
  const folds = options.folds ?? FIT_DEFAULTS.folds;
  if (!Number.isInteger(folds) || folds < 2 || folds > 20) throw badOption('folds', folds, 'an integer from 2 to 20');
  const optimizer = options.optimizer ?? FIT_DEFAULTS.optimizer;
  if (optimizer !== 'smac' && optimizer !== 'random') throw badOption('optimizer', optimizer, 'smac or random');
  const stop = options.stop ?? FIT_DEFAULTS.stop;
  if (!STOP_MODES.includes(stop)) throw badOption('stop', stop, STOP_MODES.join(' or '));
  // Random search has no model of the cost, hence no bound on what it may still find.
  if (stop === 'converged' && optimizer !== 'smac') throw badOption('stop', stop, "'budget' with optimizer random ('converged' needs smac's regret bound)");
  const earlyStopping = options.earlyStopping ?? FIT_DEFAULTS.earlyStopping;
  if (!isEarlyStoppingMode(earlyStopping)) throw badOption('earlyStopping', earlyStopping, EARLY_STOPPING_MODES.join(' or '));
  const fidelity = options.fidelity ?? FIT_DEFAULTS.fidelity;
  if (!FIDELITY_MODES.includes(fidelity)) throw badOption('fidelity', fidelity, `one of ${FIDELITY_MODES.join(', ')}`);
  const eta = options.eta ?? FIT_DEFAULTS.eta;
  if (typeof eta !== 'number' || !Number.isFinite(eta) || eta < 2) throw badOption('eta', eta, 'a number of at least 2');
  const minFidelity = options.minFidelity ?? FIT_DEFAULTS.minFidelity;
  if (typeof minFidelity !== 'number' || !(minFidelity > 0 && minFidelity < 1)) throw badOption('minFidelity', minFidelity, 'a number strictly between 0 and 1');
  const fidelityResource = options.fidelityResource ?? FIT_DEFAULTS.fidelityResource;
  if (!FIDELITY_RESOURCES.includes(fidelityResource)) throw badOption('fidelityResource', fidelityResource, `one of ${FIDELITY_RESOURCES.join(', ')}`);
  const requestedWorkers = options.workers ?? defaultWorkerCount();
  if (!Number.isInteger(requestedWorkers) || requestedWorkers < 0 || requestedWorkers > 256) throw badOption('workers', requestedWorkers, 'an integer from 0 (in-process) to 256');
  const perTrialTime = options.perTrialTime ?? defaultPerTrialTime(timeBudget);
  const perTrialProblem = durationProblem(perTrialTime);
  if (perTrialProblem !== undefined) throw badOption('perTrialTime', perTrialTime, perTrialProblem);
  const memoryLimit = options.memoryLimit ?? FIT_DEFAULTS.memoryLimit;
  if (!(memoryLimit >= 64) || !Number.isFinite(memoryLimit)) throw badOption('memoryLimit', memoryLimit, 'at least 64 (MiB)');
  const queue = options.queue;
  if (queue !== undefined && (typeof queue !== 'string' || queue === '')) throw badOption('queue', queue, 'a Redis address such as redis://127.0.0.1:6379');
  if (queue !== undefined && requestedWorkers === 0) throw badOption('workers', requestedWorkers, 'at least 1 with a queue (the trials in flight)');
  // Queued trials run on the workers' machines: this one's cores and memory do not bound them.
  const { workers, warning: workersWarning } = queue === undefined ? capWorkers(requestedWorkers, memoryLimit, currentCapacity()) : { workers: requestedWorkers, warning: undefined };
  if (workersWarning !== undefined) options.logger?.warn(workersWarning);
  const ensembleSize = options.ensembleSize ?? FIT_DEFAULTS.ensembleSize;
  if (!Number.isInteger(ensembleSize) || ensembleSize < 1) throw badOption('ensembleSize', ensembleSize, 'a positive integer (1 = single best model)');
  const ensembleNbest = options.ensembleNbest ?? FIT_DEFAULTS.ensembleNbest;
  if (!Number.isInteger(ensembleNbest) || ensembleNbest < 1) throw badOption('ensembleNbest', ensembleNbest, 'a positive integer');
  const finalModels = options.finalModels ?? FIT_DEFAULTS.finalModels;
  if (finalModels !== 'refit' && finalModels !== 'cv-average') throw badOption('finalModels', finalModels, "'refit' or 'cv-average'");
  const calibration = options.calibration ?? FIT_DEFAULTS.calibration;
  if (!(CALIBRATION_OPTIONS as readonly unknown[]).includes(calibration)) throw badOption('calibration', calibration, CALIBRATION_OPTIONS.map((c) => `'${c}'`).join(', '));
  const warmStart = options.warmStart ?? FIT_DEFAULTS.warmStart;
  if (!Number.isInteger(warmStart) || warmStart < 0) throw badOption('warmStart', warmStart, 'a non-negative integer (0 = no warm start from metadata)');
  const warmStartMethod = options.warmStartMethod ?? DEFAULT_WARM_START_METHOD;
  if (!isWarmStartMethod(warmStartMethod)) throw badOption('warmStartMethod', warmStartMethod, WARM_START_METHODS.map((m) => `'${m}'`).join(' or '));
  if (options.warmStartFrom !== undefined && (typeof options.warmStartFrom !== 'string' || options.warmStartFrom === '')) {
    throw badOption('warmStartFrom', options.warmStartFrom, 'the path of a run directory or trials.jsonl');
  }
  if (options.metadataDir !== undefined && (typeof options.metadataDir !== 'string' || options.metadataDir === '')) throw badOption('metadataDir', options.metadataDir, 'a directory path');
  const metadataExclude = options.metadataExclude ?? [];
  if (!Array.isArray(metadataExclude) || !metadataExclude.every(isExclusion)) {
    throw badOption('metadataExclude', metadataExclude, 'an array of { fingerprint, dataset? } with non-empty strings');
  }
  // Checked here so a wrong name fails before the queue is contacted or any data is read.
  if (options.encoding !== undefined) parseCsvEncoding(options.encoding);
  const backend = options.backend ?? FIT_DEFAULTS.backend;
  if (!isBackendPreference(backend)) throw badOption('backend', backend, `one of ${BACKEND_PREFERENCES.join(', ')}`);
  return {
    target: options.target,
    resampling,
    folds,
    task,
    timeBudget,
    maxTrials,
    seed,
    metric: options.metric,
    holdoutFraction,
    columnTypes: options.columnTypes,
    space: options.space,
    runDir: options.runDir,
    optimizer,
    stop,
    earlyStopping,
    fidelity,
    eta,
    minFidelity,
    fidelityResource,
    workers,
    perTrialTime,
    adaptiveTrialLimit: options.perTrialTime === undefined,
    memoryLimit,
    ensembleSize,
    ensembleNbest,
    finalModels,
    calibration,
    onTrial: options.onTrial,
    logger: options.logger,
    warmStart,
    warmStartMethod,
    warmStartFrom: options.warmStartFrom,
    metadataDir: options.metadataDir,
    metadataExclude,
    backend,
    queue,
  };
}

function isExclusion(value: unknown): value is MetadataExclusion {
  if (typeof value !== 'object' || value === null) return false;
  const { fingerprint, dataset } = value as Record<string, unknown>;
  return typeof fingerprint === 'string' && fingerprint !== '' && (dataset === undefined || (typeof dataset === 'string' && dataset !== ''));
}
