/**
 * The safety net of a time budget: when the search ends without a successful trial (every trial
 * timed out on wide data or a loaded machine, or crashed), one last pipeline is fitted in what is
 * left of the budget, so that learnable data always yields a model.
 *
 * It is the cheapest learner the space offers (naive Bayes, else a decision tree, else a linear
 * model; no rescaling or feature preprocessing when the space allows it), fitted on a stratified
 * subsample of the first training part sized so that the fit and the validation predictions take
 * about half of the seconds left, and scored on (a subsample of) that part's validation rows.
 * The pipeline fitted here is the deployed model itself: nothing is refitted afterwards.
 * It runs in this thread, so its size, not a worker's time limit, keeps it within the budget.
 */
import { takeRows, takeTargetRows, type Task } from '../data/dataset.ts';
import { CategoricalHyperparameter, type Configuration, type ConfigurationSpace } from '../space/index.ts';
import type { ComponentContext, ComponentSpec } from '../components/component.ts';
import { algorithmOf, componentContextFor, instantiatePipeline } from '../components/registry.ts';
import { CLASSIFIER_COMPONENTS, REGRESSOR_COMPONENTS } from '../components/catalog/models.ts';
import { RESCALING_COMPONENTS } from '../components/catalog/rescaling.ts';
import { FEATURE_PREPROCESSOR_COMPONENTS } from '../components/catalog/feature-preprocessors.ts';
import { sampleWeightsFor } from '../components/balancing-weights.ts';
import type { SavedPipeline } from '../components/pipeline.ts';
import { scoreToCost } from '../metrics/scorers.ts';
import { subsampleRows } from '../search/resampling.ts';
import { truthOf, type EvaluationData, type LabelledPart } from '../search/evaluate-trial.ts';
import type { TrialRecord } from '../search/trial.ts';
import { nowSeconds } from '../util/clock.ts';
import { errorMessage } from '../util/errors.ts';

/**
 * Cells (rows × columns) the last resort fits and predicts per second, imputation and encoding
 * included: Gaussian naive Bayes processed 4.5 to 9 million on generated 2000 × 500, 200 × 5000
 * and 20 000 × 50 data with the machine loaded; a fifth of that leaves room for the slower tree
 * and linear learners and a busier machine.
 */
export const LAST_RESORT_CELLS_PER_SECOND = 1_000_000;
/** Share of the seconds left that sizes the subsample: the rest absorbs timing noise and writing the model. */
export const LAST_RESORT_SIZING_SHARE = 0.5;
/** Margin on the last resort's estimated seconds when reserving them (timing noise, the model's writing). */
export const LAST_RESORT_MARGIN = 3;
/** The last resort's reserve is never below this share of the budget. */
export const LAST_RESORT_MIN_SHARE = 0.05;
/** Fewer training rows than this would score noise; kept even when the time left is shorter. */
export const LAST_RESORT_MIN_ROWS = 50;

/** Cheapest learners first, per task family: linear in rows × columns, without iterations. */
const CHEAP_CLASSIFIERS = ['gaussian_nb', 'decision_tree', 'bernoulli_nb', 'logistic_regression', 'lda'] as const;
const CHEAP_REGRESSORS = ['decision_tree', 'linear_regression'] as const;

export interface LastResortRequest {
  readonly space: ConfigurationSpace;
  readonly evaluation: EvaluationData;
  readonly task: Task;
  readonly id: number;
  readonly seed: number;
  /** Seconds the last resort may take. */
  readonly availableSeconds: number;
  /** Seconds since the search started (the record's finishedAt counts from there). */
  readonly searchElapsed: () => number;
}

export interface LastResort {
  readonly record: TrialRecord;
  /** The fitted pipeline, absent when the last resort failed too. */
  readonly pipeline?: SavedPipeline;
  /** Training rows it was fitted on, of how many in the training part. */
  readonly rows: number;
  readonly of: number;
}

/**
 * Seconds to hold back for the last resort before any trial has succeeded: what its fit and
 * predictions on the whole first fold are estimated to take, with LAST_RESORT_MARGIN for a loaded
 * machine, and at least LAST_RESORT_MIN_SHARE of the budget (the budget caps it, see budget-plan.ts).
 * A small dataset thus gives its first trials nearly the whole budget, a wide one keeps more back.
 */
export function lastResortReserveSeconds(budgetSeconds: number, evaluation: EvaluationData): number {
  const fold = evaluation.resampling.folds[0]!;
  const cells = (fold.train.features.nRows + fold.valid.features.nRows) * Math.max(1, fold.train.features.columns.length);
  return Math.max(LAST_RESORT_MIN_SHARE * budgetSeconds, (LAST_RESORT_MARGIN * cells) / LAST_RESORT_CELLS_PER_SECOND);
}

/** Training rows the last resort fits on: as many as its share of `seconds` affords, at least LAST_RESORT_MIN_ROWS. */
export function lastResortRows(trainRows: number, columns: number, seconds: number): number {
  const affordable = Math.floor((LAST_RESORT_CELLS_PER_SECOND * LAST_RESORT_SIZING_SHARE * Math.max(0, seconds)) / Math.max(1, columns));
  return Math.min(trainRows, Math.max(LAST_RESORT_MIN_ROWS, affordable));
}

/**
 * A valid configuration of `space` with its cheapest learner and, where the space allows, no
 * rescaling and no feature preprocessing; the space's default configuration when none applies.
 */
export function cheapestConfiguration(space: ConfigurationSpace, context: ComponentContext): Configuration {
  const modelSlot = context.task === 'regression' ? 'regressor' : 'classifier';
  const models = context.task === 'regression' ? REGRESSOR_COMPONENTS : CLASSIFIER_COMPONENTS;
  const cheap: readonly string[] = context.task === 'regression' ? CHEAP_REGRESSORS : CHEAP_CLASSIFIERS;
  let config = space.defaultConfiguration();
  for (const id of cheap) {
    const chosen = withChoice(space, config, modelSlot, id, models, context);
    if (chosen !== undefined) {
      config = chosen;
      break;
    }
  }
  config = withChoice(space, config, 'rescaling', 'none', RESCALING_COMPONENTS, context) ?? config;
  return withChoice(space, config, 'feature_preprocessor', 'no_preprocessing', FEATURE_PREPROCESSOR_COMPONENTS, context) ?? config;
}

/** `config` with component `id` in `slot` at its default values, if the space has it and allows the result. */
function withChoice<T>(space: ConfigurationSpace, config: Configuration, slot: string, id: string, components: readonly ComponentSpec<T>[], context: ComponentContext): Configuration | undefined {
  const choice = `${slot}:__choice__`;
  const hp = space.get(choice);
  const spec = components.find((c) => c.id === id);
  if (!(hp instanceof CategoricalHyperparameter) || !hp.choices.includes(id) || spec === undefined) return undefined;
  if (config[choice] === id) return config;
  const previous = `${slot}:${String(config[choice])}:`;
  const next: Record<string, Configuration[string]> = {};
  for (const [name, value] of Object.entries(config)) if (!name.startsWith(previous)) next[name] = value;
  next[choice] = id;
  for (const [name, value] of Object.entries(spec.space(context).defaultConfiguration())) next[`${slot}:${id}:${name}`] = value;
  return space.isValid(next) ? next : undefined;
}

/** Fits and scores the last-resort pipeline; a failure becomes a CRASHED record, never a throw. */
export function runLastResort(request: LastResortRequest): LastResort {
  const { evaluation, space, id, seed } = request;
  const start = nowSeconds();
  const fold = evaluation.resampling.folds[0]!;
  const columns = fold.train.features.columns.length;
  const of = fold.train.features.nRows;
  const rows = lastResortRows(of, columns, request.availableSeconds);
  const config = cheapestConfiguration(space, evaluation.context);
  const base = { id, config, algorithm: algorithmOf(config), seed };
  try {
    const train = subsample(fold.train, rows, seed);
    const valid = subsample(fold.valid, lastResortRows(fold.valid.features.nRows, columns, request.availableSeconds), seed + 1);
    const { pipeline, balancing } = instantiatePipeline(config, componentContextFor(train.features, request.task), seed);
    pipeline.fit(train.features, train.target, sampleWeightsFor(train.target, balancing));
    const { scorer } = evaluation;
    const score = scorer.score(truthOf(valid.target), pipeline.predict(valid.features));
    const cost = scoreToCost(scorer, score);
    if (!Number.isFinite(cost)) throw new Error(`non-finite ${scorer.name}`);
    const record: TrialRecord = { ...base, status: 'SUCCESS', cost, score, fitSeconds: nowSeconds() - start, finishedAt: request.searchElapsed() };
    return { record, pipeline: pipeline.toJSON(), rows: train.features.nRows, of };
  } catch (error) {
    const record: TrialRecord = {
      ...base, status: 'CRASHED', cost: Infinity, score: null, fitSeconds: nowSeconds() - start, finishedAt: request.searchElapsed(), error: `last resort: ${errorMessage(error)}`,
    };
    return { record, rows, of };
  }
}

/** `count` rows of `part`, stratified by class; the part itself when it has no more. */
function subsample(part: LabelledPart, count: number, seed: number): LabelledPart {
  const n = part.features.nRows;
  if (count >= n) return part;
  const rows = subsampleRows(part.target, Int32Array.from({ length: n }, (_, i) => i), count, seed);
  return { features: takeRows(part.features, rows), target: takeTargetRows(part.target, rows) };
}
