/**
 * AutoML.fit: data → typed dataset → holdout split → search over the CASH space → refit of the
 * best pipeline on all training rows → a model that is exactly what its saved file would load as.
 */
import { readCsvFile } from '../data/csv.ts';
import { buildTrainingData } from '../data/build.ts';
import { toRawTable, type TabularInput } from '../data/tabular-input.ts';
import type { LabelledDataset } from '../data/dataset.ts';
import { buildResampling } from '../search/resampling.ts';
import { defaultMetric, getScorer, costToScore, type Scorer } from '../metrics/scorers.ts';
import { buildSearchSpace, componentContextFor, instantiatePipeline } from '../components/registry.ts';
import { sampleWeightsFor } from '../components/balancing-weights.ts';
import type { SavedPipeline } from '../components/pipeline.ts';
import { spaceHash, type ConfigurationSpace } from '../space/index.ts';
import { checkPipelineSpace, readSpaceFile } from '../components/pipeline-spaces.ts';
import type { ComponentContext } from '../components/component.ts';
import { RandomSearch } from '../search/random-search.ts';
import { runSearch, type SearchResult } from '../search/search-loop.ts';
import type { TrialRecord } from '../search/trial.ts';
import { RunLog } from '../search/run-log.ts';
import type { EvaluationData } from '../search/evaluate-trial.ts';
import { buildLeaderboard } from '../report/leaderboard.ts';
import { ARTIFACT_FORMAT, ARTIFACT_FORMAT_VERSION, type Artifact } from '../export/artifact.ts';
import { AutoMLModel } from '../export/model.ts';
import { AutoMLError } from '../util/errors.ts';
import { nowSeconds, TimeBudget } from '../util/clock.ts';
import { silentLogger } from '../util/log.ts';
import { mixSeed } from '../util/rng.ts';
import { PACKAGE_VERSION } from '../util/version.ts';
import { resolveFitOptions, type FitOptions, type ResolvedFitOptions } from './options.ts';

/** Distinguishes the seed streams derived from the one run seed. */
const SEED_STREAM = { split: 1, optimizer: 2 } as const;

export async function fit(data: TabularInput | string, options: FitOptions): Promise<AutoMLModel> {
  const started = nowSeconds();
  const resolved = resolveFitOptions(options);
  const logger = resolved.logger ?? silentLogger;
  const raw = typeof data === 'string' ? await readCsvFile(data) : toRawTable(data);
  const labelled = buildTrainingData(raw, {
    target: resolved.target,
    ...(resolved.task === undefined ? {} : { task: resolved.task }),
    ...(resolved.columnTypes === undefined ? {} : { columnTypes: resolved.columnTypes }),
  });
  for (const warning of labelled.warnings) logger.warn(warning);
  const scorer = getScorer(resolved.metric ?? defaultMetric(labelled.task), labelled.task);
  logger.info(`task ${labelled.task}, ${labelled.features.nRows} rows, ${labelled.features.columns.length} features, metric ${scorer.name}`);

  const budget = new TimeBudget(resolved.timeBudget);
  const evaluation = evaluationData(labelled, scorer, resolved);
  const space = searchSpaceFor(resolved.space, evaluation.context);
  const optimizer = new RandomSearch(space, mixSeed(resolved.seed, SEED_STREAM.optimizer));
  const runLog =
    resolved.runDir === undefined
      ? undefined
      : new RunLog(resolved.runDir, {
          source: typeof data === 'string' ? data : 'in-memory table',
          target: resolved.target,
          task: labelled.task,
          metric: scorer.name,
          seed: resolved.seed,
          time_budget: resolved.timeBudget,
          resampling: evaluation.resampling.strategy,
          space_hash: spaceHash(space),
          started_at: new Date().toISOString(),
        });
  let search: SearchResult;
  try {
    search = await runSearch({
      optimizer,
      data: evaluation,
      budget,
      maxTrials: resolved.maxTrials,
      seed: resolved.seed,
      onTrial: (trial) => {
        runLog?.append(trial);
        resolved.onTrial?.(trial);
      },
    });
  } finally {
    runLog?.close();
  }
  if (search.best === undefined) throw noSuccessfulTrial(search.trials);

  const refitStart = nowSeconds();
  const { member, trial } = refitBest(labelled, search);
  const refitSeconds = nowSeconds() - refitStart;
  const counts = countByStatus(search.trials);
  const artifact: Artifact = {
    format: ARTIFACT_FORMAT,
    formatVersion: ARTIFACT_FORMAT_VERSION,
    packageVersion: PACKAGE_VERSION,
    createdAt: new Date().toISOString(),
    task: labelled.task,
    target: {
      name: labelled.target.name,
      classes: labelled.target.kind === 'classification' ? [...labelled.target.classes] : null,
    },
    metric: scorer.name,
    validationScore: costToScore(scorer, trial.cost),
    seed: resolved.seed,
    spaceHash: spaceHash(space),
    schema: labelled.schema,
    members: [{ trialId: trial.id, weight: 1, algorithm: trial.algorithm, config: trial.config, pipeline: member }],
    leaderboard: buildLeaderboard(search.trials, new Map([[trial.id, 1]])),
    summary: {
      task: labelled.task,
      metric: scorer.name,
      best_validation_score: costToScore(scorer, trial.cost),
      best_algorithm: trial.algorithm,
      trials: counts,
      optimizer: optimizer.name,
      resampling: evaluation.resampling.strategy === 'cv' ? `cv (${evaluation.resampling.folds.length} folds)` : `holdout (${resolved.holdoutFraction})`,
      elapsed_seconds: round(nowSeconds() - started),
      search_seconds: round(search.searchSeconds),
      refit_seconds: round(refitSeconds),
      backend: 'cpu',
      run_dir: resolved.runDir ?? null,
      rows: labelled.features.nRows,
      features: labelled.features.columns.length,
    },
  };
  return new AutoMLModel(artifact);
}

/** The dataset-derived space, or the user's space (a file or object) checked against the registry. */
function searchSpaceFor(given: string | ConfigurationSpace | undefined, context: ComponentContext): ConfigurationSpace {
  if (given === undefined) return buildSearchSpace(context);
  if (typeof given === 'string') return readSpaceFile(given, context.task);
  checkPipelineSpace(given, context.task, 'the given space');
  return given;
}

function evaluationData(labelled: LabelledDataset, scorer: Scorer, options: ResolvedFitOptions): EvaluationData {
  const resampling = buildResampling(labelled.features, labelled.target, {
    strategy: options.resampling,
    folds: options.folds,
    holdoutFraction: options.holdoutFraction,
    seed: mixSeed(options.seed, SEED_STREAM.split),
  });
  return { resampling, scorer, context: componentContextFor(resampling.folds[0]!.train.features, labelled.task) };
}

/**
 * Refits the best configuration on every training row. If that fails (a pipeline that worked on
 * the smaller split can still fail on all rows), the next best successful trial is used.
 */
function refitBest(labelled: LabelledDataset, search: SearchResult): { member: SavedPipeline; trial: TrialRecord } {
  const candidates = search.trials.filter((t) => t.status === 'SUCCESS').sort((a, b) => a.cost - b.cost || a.id - b.id);
  const context = componentContextFor(labelled.features, labelled.task);
  let lastError: unknown;
  for (const trial of candidates.slice(0, 5)) {
    try {
      const { pipeline, balancing } = instantiatePipeline(trial.config, context, trial.seed);
      pipeline.fit(labelled.features, labelled.target, sampleWeightsFor(labelled.target, balancing));
      return { member: pipeline.toJSON(), trial };
    } catch (error) {
      lastError = error;
    }
  }
  throw new AutoMLError('NO_SUCCESSFUL_TRIAL', `refitting the best pipelines on all training rows failed: ${String(lastError)}`);
}

function countByStatus(trials: readonly TrialRecord[]): { total: number; success: number; crashed: number; timeout: number; memout: number } {
  const count = (status: TrialRecord['status']) => trials.filter((t) => t.status === status).length;
  return { total: trials.length, success: count('SUCCESS'), crashed: count('CRASHED'), timeout: count('TIMEOUT'), memout: count('MEMOUT') };
}

function noSuccessfulTrial(trials: readonly TrialRecord[]): AutoMLError {
  const firstErrors = [...new Set(trials.map((t) => t.error).filter((e): e is string => e !== undefined))].slice(0, 3);
  const detail = trials.length === 0 ? 'no trial finished within the time budget' : `all ${trials.length} trials failed (${firstErrors.join('; ')})`;
  return new AutoMLError('NO_SUCCESSFUL_TRIAL', detail, { hint: 'raise --time, or check the data' });
}

function round(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}
