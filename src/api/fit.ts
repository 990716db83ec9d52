/**
 * AutoML.fit: data → typed dataset → resampling → search over the CASH space → post-hoc
 * ensemble of the validated pipelines → refit of the members on all training rows → a model that
 * is exactly what its saved file would load as.
 */
import { readCsvFile } from '../data/csv.ts';
import { buildTrainingData } from '../data/build.ts';
import { toRawTable, type TabularInput } from '../data/tabular-input.ts';
import type { LabelledDataset } from '../data/dataset.ts';
import { defaultMetric, getScorer, costToScore, type Scorer } from '../metrics/scorers.ts';
import { buildSearchSpace, componentContextFor } from '../components/registry.ts';
import { checkPipelineSpace, readSpaceFile } from '../components/pipeline-spaces.ts';
import type { ComponentContext } from '../components/component.ts';
import { spaceHash, type ConfigurationSpace } from '../space/index.ts';
import { buildResampling } from '../search/resampling.ts';
import { RandomSearch } from '../search/random-search.ts';
import { SmacOptimizer } from '../search/smac/index.ts';
import type { Optimizer } from '../search/optimizer.ts';
import { runSearch, type SearchResult } from '../search/search-loop.ts';
import type { TrialRecord } from '../search/trial.ts';
import { RunLog } from '../search/run-log.ts';
import { backendInUse, prepareBackendFor } from '../search/prepare-backend.ts';
import { InProcessRunner, WorkerPoolRunner } from '../search/runner/index.ts';
import { truthOf, type EvaluationData } from '../search/evaluate-trial.ts';
import { EnsembleBuilder } from '../ensemble/index.ts';
import { buildLeaderboard } from '../report/leaderboard.ts';
import { ARTIFACT_FORMAT, ARTIFACT_FORMAT_VERSION, type Artifact } from '../export/artifact.ts';
import { AutoMLModel } from '../export/model.ts';
import { AutoMLError } from '../util/errors.ts';
import { nowSeconds, TimeBudget } from '../util/clock.ts';
import { silentLogger } from '../util/log.ts';
import { mixSeed } from '../util/rng.ts';
import { PACKAGE_VERSION } from '../util/version.ts';
import { resolveFitOptions, type FitOptions, type ResolvedFitOptions } from './options.ts';
import { refitMembers, type WeightedTrial } from './refit.ts';

/** Distinguishes the seed streams derived from the one run seed. */
const SEED_STREAM = { split: 1, optimizer: 2, ensemble: 3 } as const;

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

  const budget = new TimeBudget(resolved.timeBudget);
  const evaluation = evaluationData(labelled, scorer, resolved);
  const space = searchSpaceFor(resolved.space, evaluation.context);
  const optimizer = createOptimizer(resolved, space);
  logger.info(
    `task ${labelled.task}, ${labelled.features.nRows} rows, ${labelled.features.columns.length} features, metric ${scorer.name}, ` +
      `${evaluation.resampling.strategy === 'cv' ? `${evaluation.resampling.folds.length}-fold cv` : 'holdout'}, ${optimizer.name}`,
  );
  const ensemble = new EnsembleBuilder(
    { truth: truthOf(evaluation.resampling.scoredTarget), scorer },
    { ensembleSize: resolved.ensembleSize, nBest: resolved.ensembleNbest, seed: mixSeed(resolved.seed, SEED_STREAM.ensemble) },
  );
  const runLog = resolved.runDir === undefined ? undefined : openRunLog(resolved, data, labelled, scorer, evaluation, space);
  const runner = resolved.workers === 0 ? new InProcessRunner(evaluation) : new WorkerPoolRunner({ data: evaluation, workers: resolved.workers, memoryMb: resolved.memoryLimit });
  let search: SearchResult;
  try {
    search = await runSearch({
      optimizer,
      runner,
      budget,
      perTrialSeconds: resolved.perTrialTime,
      memoryMb: resolved.memoryLimit,
      maxTrials: resolved.maxTrials,
      seed: resolved.seed,
      onTrial: (trial, outcome) => {
        if (outcome.validPrediction !== undefined) ensemble.add({ id: trial.id, prediction: outcome.validPrediction, cost: trial.cost });
        runLog?.append(trial);
        resolved.onTrial?.(trial);
      },
    });
  } finally {
    runLog?.close();
    await runner.close();
  }
  const best = search.best;
  if (best === undefined) throw noSuccessfulTrial(search.trials);

  const selection = ensemble.build();
  const byId = new Map(search.trials.map((t) => [t.id, t]));
  const selected: WeightedTrial[] =
    selection === null ? [{ trial: best, weight: 1 }] : selection.members.map((m) => ({ trial: byId.get(m.id)!, weight: m.weight }));
  const refitStart = nowSeconds();
  for (const { trial } of selected) await prepareBackendFor(trial.config);
  const context = componentContextFor(labelled.features, labelled.task);
  const successful = search.trials.filter((t) => t.status === 'SUCCESS');
  const members = refitMembers(labelled, context, selected, successful, logger);
  const refitSeconds = nowSeconds() - refitStart;
  const ensembleScore = selection === null ? costToScore(scorer, best.cost) : costToScore(scorer, selection.cost);
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
    validationScore: ensembleScore,
    seed: resolved.seed,
    spaceHash: spaceHash(space),
    schema: labelled.schema,
    members,
    leaderboard: buildLeaderboard(search.trials, new Map(members.map((m) => [m.trialId, m.weight]))),
    summary: {
      task: labelled.task,
      metric: scorer.name,
      best_validation_score: costToScore(scorer, best.cost),
      ensemble_validation_score: ensembleScore,
      ensemble_size: members.length,
      best_algorithm: best.algorithm,
      trials: countByStatus(search.trials),
      optimizer: optimizer.name,
      workers: runner.concurrency,
      resampling: evaluation.resampling.strategy === 'cv' ? `cv (${evaluation.resampling.folds.length} folds)` : `holdout (${resolved.holdoutFraction})`,
      elapsed_seconds: round(nowSeconds() - started),
      search_seconds: round(search.searchSeconds),
      refit_seconds: round(refitSeconds),
      backend: backendInUse(),
      run_dir: resolved.runDir ?? null,
      rows: labelled.features.nRows,
      features: labelled.features.columns.length,
    },
  };
  return new AutoMLModel(artifact);
}

function createOptimizer(options: ResolvedFitOptions, space: ConfigurationSpace): Optimizer {
  const seed = mixSeed(options.seed, SEED_STREAM.optimizer);
  return options.optimizer === 'random' ? new RandomSearch(space, seed) : new SmacOptimizer(space, seed);
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

function openRunLog(
  options: ResolvedFitOptions,
  data: TabularInput | string,
  labelled: LabelledDataset,
  scorer: Scorer,
  evaluation: EvaluationData,
  space: ConfigurationSpace,
): RunLog {
  return new RunLog(options.runDir!, {
    source: typeof data === 'string' ? data : 'in-memory table',
    target: options.target,
    task: labelled.task,
    metric: scorer.name,
    seed: options.seed,
    time_budget: options.timeBudget,
    optimizer: options.optimizer,
    resampling: evaluation.resampling.strategy,
    space_hash: spaceHash(space),
    started_at: new Date().toISOString(),
  });
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
