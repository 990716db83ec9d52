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
import { dataFingerprint, RunLog } from '../search/run-log.ts';
import { planWarmStart, type WarmStartPlan } from '../metalearning/warm-start.ts';
import { DEFAULT_METADATA_DIR } from '../metalearning/metadata-base.ts';
import { PredictionStore } from '../search/prediction-store.ts';
import { backendInUse, prepareBackendFor, setBackendPreference } from '../search/prepare-backend.ts';
import { selectBackend } from '../components/backend/index.ts';
import { InProcessRunner, WorkerPoolRunner } from '../search/runner/index.ts';
import { truthOf, type EvaluationData } from '../search/evaluate-trial.ts';
import { EnsembleBuilder } from '../ensemble/index.ts';
import { buildLeaderboard } from '../report/leaderboard.ts';
import { ARTIFACT_FORMAT, formatVersionFor, memberPipelines, type Artifact } from '../export/artifact.ts';
import { xgboostEnginesUsed } from '../components/models/xgboost/index.ts';
import { AutoMLModel } from '../export/model.ts';
import { AutoMLError } from '../util/errors.ts';
import { nowSeconds, TimeBudget } from '../util/clock.ts';
import { silentLogger } from '../util/log.ts';
import { mixSeed } from '../util/rng.ts';
import { PACKAGE_VERSION } from '../util/version.ts';
import { resolveFitOptions, type FitOptions, type ResolvedFitOptions } from './options.ts';
import { refitMembers, type FinalFit, type WeightedTrial } from './refit.ts';
import { ReportCollector } from '../report/html/collector.ts';

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
  // Warm start (SMAC only): configurations of similar datasets, or a parent run to continue.
  const smac = resolved.optimizer === 'smac';
  const warmStart = planWarmStart({
    data: labelled, space, metric: scorer.name, seed: resolved.seed, count: smac ? resolved.warmStart : 0, perTrialSeconds: resolved.perTrialTime,
    from: smac ? resolved.warmStartFrom : undefined,
    metadataDir: resolved.metadataDir ?? DEFAULT_METADATA_DIR, dataFingerprint: dataFingerprint(labelled), logger,
  });
  const optimizer = createOptimizer(resolved, space, warmStart);
  logger.info(
    `task ${labelled.task}, ${labelled.features.nRows} rows, ${labelled.features.columns.length} features, metric ${scorer.name}, ` +
      `${evaluation.resampling.strategy === 'cv' ? `${evaluation.resampling.folds.length}-fold cv` : 'holdout'}, ${optimizer.name}`,
  );
  const ensemble = new EnsembleBuilder(
    { truth: truthOf(evaluation.resampling.scoredTarget), scorer },
    { ensembleSize: resolved.ensembleSize, nBest: resolved.ensembleNbest, seed: mixSeed(resolved.seed, SEED_STREAM.ensemble) },
  );
  const runLog = resolved.runDir === undefined ? undefined : openRunLog(resolved, data, labelled, scorer, evaluation, space);
  const reportCollector = resolved.runDir === undefined ? undefined : new ReportCollector(resolved.runDir);
  const predictionStore = resolved.runDir === undefined ? undefined : new PredictionStore(resolved.runDir, resolved.ensembleNbest);
  // A backend forced by name is checked here, before any trial, so an unavailable one is a clear
  // BAD_OPTION rather than a crashed trial; workers receive the same preference.
  setBackendPreference(resolved.backend);
  if (resolved.backend !== 'auto') await selectBackend(resolved.backend);
  const runner = resolved.workers === 0 ? new InProcessRunner(evaluation) : new WorkerPoolRunner({ data: evaluation, workers: resolved.workers, memoryMb: resolved.memoryLimit, backend: resolved.backend });
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
        if (outcome.validPrediction !== undefined && ensemble.add({ id: trial.id, prediction: outcome.validPrediction, cost: trial.cost })) {
          reportCollector?.keep(trial.id, outcome.validPrediction, ensemble.heldIds());
        }
        if (outcome.validPrediction !== undefined && trial.status === 'SUCCESS') predictionStore?.offer(trial.id, trial.cost, outcome.validPrediction);
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
  const cvAverage = resolved.finalModels === 'cv-average' && evaluation.resampling.strategy === 'cv';
  const finalFit: FinalFit = cvAverage
    ? { kind: 'cv-average', folds: evaluation.resampling.folds.map((fold) => fold.train), context: evaluation.context }
    : { kind: 'refit', data: labelled, context: componentContextFor(labelled.features, labelled.task) };
  const successful = search.trials.filter((t) => t.status === 'SUCCESS');
  const members = refitMembers(finalFit, selected, successful, logger);
  const refitSeconds = nowSeconds() - refitStart;
  const ensembleScore = selection === null ? costToScore(scorer, best.cost) : costToScore(scorer, selection.cost);
  const artifact: Artifact = {
    format: ARTIFACT_FORMAT,
    formatVersion: formatVersionFor(members),
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
      final_models: cvAverage ? 'cv-average' : 'refit',
      backend: backendInUse(),
      xgboost_engine: xgboostEnginesUsed(members.flatMap((member) => memberPipelines(member).map((pipeline) => pipeline.model))),
      run_dir: resolved.runDir ?? null,
      rows: labelled.features.nRows,
      features: labelled.features.columns.length,
      warm_start: { source: warmStart.summary.source, configurations: warmStart.summary.configurations, nearest: warmStart.summary.nearest.map((n) => ({ ...n })) },
      meta_features: warmStart.metaFeatures,
    },
  };
  const model = new AutoMLModel(artifact);
  // The HTML report's diagnostics (bounded in time) go to the run directory beside the run log.
  reportCollector?.finish({ model, labelled, resampling: evaluation.resampling, scorer, selected, trials: search.trials, timeBudget: resolved.timeBudget, seed: resolved.seed, logger });
  return model;
}

function createOptimizer(options: ResolvedFitOptions, space: ConfigurationSpace, warmStart: WarmStartPlan): Optimizer {
  const seed = mixSeed(options.seed, SEED_STREAM.optimizer);
  if (options.optimizer === 'random') return new RandomSearch(space, seed);
  const smac = new SmacOptimizer(space, seed, {}, warmStart.initial);
  for (const { config, cost } of warmStart.observations) smac.observe(config, cost);
  return smac;
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
    data_fingerprint: dataFingerprint(labelled),
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
