/**
 * AutoML.fit: data → typed dataset → resampling → search over the CASH space → post-hoc
 * ensemble of the validated pipelines → refit of the members on all training rows → a model that
 * is exactly what its saved file would load as. The time budget covers all of it (budget-plan.ts):
 * the search ends early enough for the refit it found, and a refit that would not fit deploys
 * less (budget-deployment.ts).
 */
import { readCsvFile } from '../data/csv.ts';
import { buildTrainingData } from '../data/build.ts';
import { toRawTable, type TabularInput } from '../data/tabular-input.ts';
import type { LabelledDataset } from '../data/dataset.ts';
import { defaultMetric, getScorer, costToScore, scoreToCost, type Scorer } from '../metrics/scorers.ts';
import { buildSearchSpace, componentContextFor } from '../components/registry.ts';
import { checkPipelineSpace, readSpaceFile } from '../components/pipeline-spaces.ts';
import type { ComponentContext } from '../components/component.ts';
import { spaceHash, type ConfigurationSpace } from '../space/index.ts';
import { resumableRunDir, resumedMaxTrials } from './resume-run-dir.ts';
import { buildResampling } from '../search/resampling.ts';
import { RandomSearch } from '../search/random-search.ts';
import { SmacOptimizer } from '../search/smac/index.ts';
import type { Optimizer } from '../search/optimizer.ts';
import { runSearch, type SearchResult } from '../search/search-loop.ts';
import type { TrialRecord } from '../search/trial.ts';
import { isFinalCandidate } from '../search/fidelity/final-candidate.ts';
import { fidelitySchedule, scheduledOptimizer } from '../search/fidelity/fidelity-mode.ts';
import { fidelitySummary, type FidelitySchedule } from '../search/fidelity/fidelity-summary.ts';
import { dataFingerprint, RunLog } from '../search/run-log.ts';
import { planWarmStart, type WarmStartPlan } from '../metalearning/warm-start.ts';
import { DEFAULT_METADATA_DIR } from '../metalearning/metadata-base.ts';
import { PredictionStore } from '../search/prediction-store.ts';
import { backendInUse, prepareBackendFor, setBackendPreference } from '../search/prepare-backend.ts';
import { selectBackend } from '../components/backend/index.ts';
import { checkQueueReachable, openTrialRunner } from './open-runner.ts';
import { truthOf, type EvaluationData } from '../search/evaluate-trial.ts';
import { EnsembleBuilder } from '../ensemble/index.ts';
import type { CalibrationChoice } from '../ensemble/calibrators/choose.ts';
import { calibrationSummary, deployedCalibration, methodsFor } from '../ensemble/calibrators/deploy.ts';
import { buildLeaderboard } from '../report/leaderboard.ts';
import { ARTIFACT_FORMAT, formatVersionFor, memberPipelines, type Artifact, type ArtifactMember } from '../export/artifact.ts';
import { decisionFor } from '../export/decision.ts';
import { xgboostEnginesUsed } from '../components/models/xgboost/index.ts';
import { AutoMLModel } from '../export/model.ts';
import { AutoMLError, errorMessage } from '../util/errors.ts';
import { nowSeconds } from '../util/clock.ts';
import { silentLogger, type Logger } from '../util/log.ts';
import { mixSeed } from '../util/rng.ts';
import { PACKAGE_VERSION } from '../util/version.ts';
import { resolveFitOptions, type FitOptions, type ResolvedFitOptions } from './options.ts';
import { continuedTrials } from './continued-trials.ts';
import { refitWithin, type FinalFit, type WeightedTrial } from './refit.ts';
import { ReportCollector, importanceSeconds } from '../report/html/collector.ts';
import { FitBudget } from './budget-plan.ts';
import { geometryOf } from './budget-refit-cost.ts';
import { planDeployment, type Deployment } from './budget-deployment.ts';
import { lastResortReserveSeconds, runLastResort, type LastResort } from './budget-last-resort.ts';
import type { SavedPipeline } from '../components/pipeline.ts';
import { TerminationCriterion, terminationSummary, type TerminationSummary } from '../search/termination/criterion.ts';
import { incumbentErrorFor } from '../search/termination/incumbent-error.ts';
import { earlyStoppingSummary, stoppingRuleFor, type EarlyStoppingSummary } from '../search/early-stopping/mode.ts';

/** Distinguishes the seed streams derived from the one run seed. */
const SEED_STREAM = { split: 1, optimizer: 2, ensemble: 3, fidelity: 4 } as const;

/** Everything decided before the first trial. */
interface PreparedRun {
  readonly resolved: ResolvedFitOptions;
  readonly logger: Logger;
  readonly source: TabularInput | string;
  readonly labelled: LabelledDataset;
  readonly scorer: Scorer;
  /** The whole fit's budget, started when fit was called: reading the data spends it too. */
  readonly budget: FitBudget;
  readonly evaluation: EvaluationData;
  readonly space: ConfigurationSpace;
  readonly warmStart: WarmStartPlan;
  readonly optimizer: Optimizer;
  /** The multi-fidelity schedule the optimiser runs under ('off': every trial full). */
  readonly fidelity: FidelitySchedule;
}

/** What the search left: its trials, the ensemble candidates it collected, the report's share. */
interface SearchOutcome {
  readonly search: SearchResult;
  /** This run's trials and those of a continued parent validated on the same rows, by id. */
  readonly trials: readonly TrialRecord[];
  /** How many of `trials` the continued parent contributed. */
  readonly continuedTrials: number;
  /** The best successful trial of `trials`. */
  readonly best: TrialRecord;
  readonly ensemble: EnsembleBuilder;
  readonly reportCollector: ReportCollector | undefined;
  readonly concurrency: number;
  /** Why and when the search ended (see search/termination). */
  readonly termination: TerminationSummary;
  /** What the median stopping rule did (see search/early-stopping). */
  readonly earlyStopping: EarlyStoppingSummary;
  /** Set when no trial succeeded and the last-resort pipeline (budget-last-resort.ts) was fitted. */
  readonly lastResort?: LastResort & { readonly pipeline: SavedPipeline };
}

/** The deployable members: chosen by ensemble selection, then refitted. */
interface FinalMembers {
  readonly selected: WeightedTrial[];
  readonly members: ArtifactMember[];
  readonly validationScore: number;
  /** Calibrator choice for the class probabilities (classification with held predictions), else null. */
  readonly calibration: CalibrationChoice | null;
  readonly cvAverage: boolean;
  readonly refitSeconds: number;
  /** What was deployed and why. */
  readonly deployment: Pick<Deployment, 'kind' | 'reason'>;
  /** The last-resort pipeline, when it is what was deployed. */
  readonly lastResort?: LastResort;
}

/**
 * `budgetStartedAt` (seconds on nowSeconds()'s clock, whose origin is the process start) is when
 * the time budget began, by default the call: the command line passes 0 so that `--time` also
 * covers the start-up of the process.
 */
export async function fit(data: TabularInput | string, options: FitOptions, budgetStartedAt?: number): Promise<AutoMLModel> {
  const started = budgetStartedAt ?? nowSeconds();
  const run = await prepareRun(data, options, started);
  const outcome = await searchPhase(run);
  const final = await finalMembers(run, outcome);
  const artifact = artifactOf(run, outcome, final, nowSeconds() - started);
  const model = new AutoMLModel(artifact);
  // The HTML report's diagnostics (bounded in time, and reserved in the budget) go to the run
  // directory beside the run log.
  const { resolved, labelled, evaluation, scorer, logger } = run;
  if (outcome.reportCollector === undefined) return model;
  outcome.reportCollector.finish({
    model, labelled, resampling: evaluation.resampling, scorer, selected: final.selected, trials: outcome.search.trials, timeBudget: resolved.timeBudget, seed: resolved.seed, logger,
  });
  // elapsed_seconds is the whole fit, the diagnostics included.
  return new AutoMLModel({ ...artifact, summary: { ...artifact.summary, elapsed_seconds: round(nowSeconds() - started) } });
}

/** Reads and types the data, then fixes the metric, resampling, space, warm start and optimiser. */
async function prepareRun(source: TabularInput | string, options: FitOptions, started: number): Promise<PreparedRun> {
  const resolved = resolveFitOptions(options);
  const logger = resolved.logger ?? silentLogger;
  await checkQueueReachable(resolved);
  const raw = typeof source === 'string' ? await readCsvFile(source, options.encoding === undefined ? {} : { encoding: options.encoding }) : toRawTable(source);
  const labelled = buildTrainingData(raw, {
    target: resolved.target,
    ...(resolved.task === undefined ? {} : { task: resolved.task }),
    ...(resolved.columnTypes === undefined ? {} : { columnTypes: resolved.columnTypes }),
  });
  for (const warning of labelled.warnings) logger.warn(warning);
  const scorer = getScorer(resolved.metric ?? defaultMetric(labelled.task), labelled.task);
  const evaluation = evaluationData(labelled, scorer, resolved);
  const budget = new FitBudget(
    resolved.timeBudget,
    {
      geometry: geometryOf(evaluation.resampling, labelled.features.nRows),
      ensembleSize: resolved.ensembleSize,
      cvAverage: cvAverageOf(resolved, evaluation),
      fixedSeconds: resolved.runDir === undefined ? 0 : importanceSeconds(resolved.timeBudget),
      lastResortSeconds: lastResortReserveSeconds(resolved.timeBudget, evaluation),
    },
    started,
  );
  const space = searchSpaceFor(resolved.space, evaluation.context);
  // Warm start (SMAC only): configurations of similar datasets, or a parent run to continue.
  const smac = resolved.optimizer === 'smac';
  // The same command rerun into the run directory of a killed fit continues it (resume-run-dir.ts).
  const resume = smac ? resumableRunDir(resolved.runDir, { dataFingerprint: dataFingerprint(labelled), spaceHash: spaceHash(space), metric: scorer.name }) : undefined;
  const warmStart = planWarmStart({
    data: labelled, space, metric: scorer.name, seed: resolved.seed, count: smac ? resolved.warmStart : 0, method: resolved.warmStartMethod, perTrialSeconds: resolved.perTrialTime,
    from: smac ? (resume?.from ?? resolved.warmStartFrom) : undefined,
    metadataDir: resolved.metadataDir ?? DEFAULT_METADATA_DIR, metadataExclude: resolved.metadataExclude, dataFingerprint: dataFingerprint(labelled), splitsFingerprint: evaluation.resampling.splitsFingerprint, logger,
  });
  const fidelity = fidelitySchedule(resolved, {
    strategy: evaluation.resampling.strategy, trainingRows: evaluation.resampling.folds[0]!.train.features.nRows, columns: labelled.features.columns.length, budgetSeconds: resolved.timeBudget,
  });
  const optimizer = scheduledOptimizer(createOptimizer(resolved, space, warmStart), fidelity, mixSeed(resolved.seed, SEED_STREAM.fidelity));
  logger.info(
    `task ${labelled.task}, ${labelled.features.nRows} rows, ${labelled.features.columns.length} features, metric ${scorer.name}, ` +
      `${resamplingLabel(evaluation, resolved)}, ${optimizer.name}` +
      (fidelity.mode === 'off' ? '' : `, rungs ${fidelity.shares.map((share) => share.toPrecision(3)).join(' / ')}`) + (fidelity.reason === '' ? '' : ` (fidelity auto: ${fidelity.reason})`),
  );
  const maxTrials = resumedMaxTrials(resolved.maxTrials, resume, logger);
  return { resolved: { ...resolved, maxTrials }, logger, source, labelled, scorer, budget, evaluation, space, warmStart, optimizer, fidelity };
}

/**
 * Runs the trials within the budget; each result is logged, offered to the ensemble candidates
 * and the prediction store, and passed to the caller's onTrial.
 */
async function searchPhase(run: PreparedRun): Promise<SearchOutcome> {
  const { resolved, labelled, scorer, evaluation, space, optimizer } = run;
  const ensemble = new EnsembleBuilder(
    { truth: truthOf(evaluation.resampling.scoredTarget), scorer },
    { ensembleSize: resolved.ensembleSize, nBest: resolved.ensembleNbest, seed: mixSeed(resolved.seed, SEED_STREAM.ensemble) },
  );
  // A backend forced by name is checked here, before any trial, so an unavailable one is a clear
  // BAD_OPTION rather than a crashed trial; workers receive the same preference. The runner comes
  // before the run directory is written, so a runner that cannot start (an unreachable queue)
  // leaves nothing behind.
  setBackendPreference(resolved.backend);
  if (resolved.backend !== 'auto') await selectBackend(resolved.backend);
  const runner = await openTrialRunner(resolved, evaluation, run.logger);
  let runLog: RunLog | undefined;
  try {
    runLog = resolved.runDir === undefined ? undefined : openRunLog(resolved, run.source, labelled, scorer, evaluation, space);
  } catch (error) {
    // Runner threads or queue connections would otherwise keep the process alive.
    await runner.close();
    throw error;
  }
  const reportCollector = resolved.runDir === undefined ? undefined : new ReportCollector(resolved.runDir);
  const predictionStore = resolved.runDir === undefined ? undefined : new PredictionStore(resolved.runDir, resolved.ensembleNbest);
  const continued = continuedTrials(run.warmStart, run.logger);
  for (const { id, cost, prediction } of continued.predictions) {
    try {
      if (ensemble.add({ id, prediction, cost })) reportCollector?.keep(id, prediction, ensemble.heldIds());
    } catch (error) {
      run.logger.warn(`the stored prediction of earlier trial ${id} does not fit this run's validation rows (${errorMessage(error)}); it is left out`);
    }
  }
  // The reserve for the post-search work follows the fit times of the successful trials.
  const successful = continued.trials.filter(isFinalCandidate);
  run.budget.observe(successful);
  let search: SearchResult;
  let lastResort: LastResort | undefined;
  const searchBudget = run.budget.searchBudget();
  const stopCheck = resolved.stop === 'converged' ? new TerminationCriterion(optimizer, incumbentErrorFor(evaluation.resampling, scorer, resolved.seed)) : undefined;
  const earlyStopping = stoppingRuleFor(resolved.earlyStopping);
  try {
    try {
      search = await runSearch({
        optimizer,
        runner,
        budget: searchBudget,
        perTrialSeconds: resolved.perTrialTime,
        adaptiveTrialLimit: resolved.adaptiveTrialLimit,
        memoryMb: resolved.memoryLimit,
        maxTrials: resolved.maxTrials,
        seed: resolved.seed,
        firstTrialId: continued.firstTrialId,
        stopCheck,
        earlyStopping,
        fidelityResource: resolved.fidelityResource,
        onTrial: (trial, outcome) => {
          // Trials below full fidelity stay in the log and the leaderboard, never in the result.
          const final = isFinalCandidate(trial);
          if (final && outcome.validPrediction !== undefined && ensemble.add({ id: trial.id, prediction: outcome.validPrediction, cost: trial.cost })) {
            reportCollector?.keep(trial.id, outcome.validPrediction, ensemble.heldIds());
          }
          if (final && outcome.validPrediction !== undefined) predictionStore?.offer(trial.id, trial.cost, outcome.validPrediction);
          if (final) {
            successful.push(trial);
            run.budget.observe(successful);
          }
          runLog?.append(trial);
          resolved.onTrial?.(trial);
        },
      });
    } finally {
      await runner.close();
    }
    // No success: the safety net, after the runner is closed so that its threads do not share
    // the cores with it.
    if (bestTrial([...continued.trials, ...search.trials]) === undefined) {
      const id = Math.max(continued.firstTrialId - 1, ...search.trials.map((t) => t.id)) + 1;
      lastResort = runLastResort({
        space, evaluation, task: labelled.task, id, seed: mixSeed(resolved.seed, id), availableSeconds: run.budget.availableForMembers(), searchElapsed: () => searchBudget.elapsed(),
      });
      runLog?.append(lastResort.record);
      resolved.onTrial?.(lastResort.record);
      search = { ...search, trials: [...search.trials, lastResort.record] };
    }
  } finally {
    runLog?.close();
  }
  const trials = [...continued.trials, ...search.trials].sort((a, b) => a.id - b.id);
  const best = bestTrial(trials);
  if (best === undefined) throw noSuccessfulTrial(search.trials);
  const deployable = lastResort?.pipeline === undefined ? undefined : { ...lastResort, pipeline: lastResort.pipeline };
  const termination = terminationSummary(search.stoppedBy, search.searchSeconds, stopCheck);
  if (termination.reason === 'converged') {
    run.logger.info(`search converged at ${termination.at_seconds}s: regret bound ${termination.bound} below the incumbent's error ${termination.error}`);
  }
  return {
    search, trials, continuedTrials: continued.trials.length, best, ensemble, reportCollector, concurrency: runner.concurrency, termination,
    earlyStopping: earlyStoppingSummary(resolved.earlyStopping, earlyStopping), ...(deployable === undefined ? {} : { lastResort: deployable }),
  };
}

/**
 * Ensemble selection over the collected predictions (or the best trial alone), then the member
 * fits planned into what is left of the budget.
 */
async function finalMembers(run: PreparedRun, outcome: SearchOutcome): Promise<FinalMembers> {
  const { resolved, labelled, scorer, evaluation, logger } = run;
  const { trials, best } = outcome;
  if (outcome.lastResort !== undefined) {
    const { record, rows, of } = outcome.lastResort;
    return lastResortMembers(outcome.lastResort, `no trial succeeded in the search's share of the budget; ${lastResortWhat(record, rows, of)}`, logger);
  }
  const selection = outcome.ensemble.build();
  const byId = new Map(trials.map((t) => [t.id, t]));
  const selected: WeightedTrial[] =
    selection === null ? [{ trial: best, weight: 1 }] : selection.members.map((m) => ({ trial: byId.get(m.id)!, weight: m.weight }));
  const refitStart = nowSeconds();
  const cvAverage = cvAverageOf(resolved, evaluation);
  const { resampling } = evaluation;
  const available = run.budget.availableForMembers();
  const plan = planDeployment({ selected, best, geometry: geometryOf(resampling, labelled.features.nRows), strategy: resampling.strategy, cvAverage, availableSeconds: available });
  if (plan.fit === 'training-part' && plan.predictedSeconds > available) {
    // Even the best trial's own model would run past the budget: the cheapest learner, sized to
    // the time left, keeps the wall.
    const id = Math.max(...trials.map((t) => t.id)) + 1;
    const cheap = runLastResort({
      space: run.space, evaluation, task: labelled.task, id, seed: mixSeed(resolved.seed, id), availableSeconds: available, searchElapsed: () => run.budget.elapsed(),
    });
    if (cheap.pipeline !== undefined) {
      const reason = `rebuilding trial ${best.id} was predicted to take ${plan.predictedSeconds.toFixed(1)} s, ${available.toFixed(1)} s left; ${lastResortWhat(cheap.record, cheap.rows, cheap.of)}`;
      return lastResortMembers({ ...cheap, pipeline: cheap.pipeline }, reason, logger);
    }
  }
  for (const { trial } of plan.members) await prepareBackendFor(trial.config);
  const finalFit: FinalFit =
    plan.fit === 'cv-average'
      ? { kind: 'cv-average', folds: resampling.folds.map((fold) => fold.train), context: evaluation.context }
      : plan.fit === 'training-part'
        ? { kind: 'part', part: resampling.folds[0]!.train, context: evaluation.context }
        : { kind: 'refit', data: labelled, context: componentContextFor(labelled.features, labelled.task) };
  const successful = trials.filter(isFinalCandidate);
  // Heaviest first: if the fits run longer than predicted, the members left out weigh least.
  const ordered = [...plan.members].sort((a, b) => b.weight - a.weight || a.trial.id - b.trial.id);
  const built = refitWithin(finalFit, ordered, successful, logger, refitStart + Math.max(available, plan.predictedSeconds));
  const members = built.members;
  const deployment: Pick<Deployment, 'kind' | 'reason'> =
    built.leftOut > 0
      ? { kind: 'fewer-members', reason: `the member fits ran longer than predicted (${plan.predictedSeconds.toFixed(1)} s); ${members.length} of ${ordered.length} members were built` }
      : { kind: plan.kind, reason: plan.reason };
  if (deployment.kind !== 'refit' && deployment.kind !== 'fold-models') logger.warn(`deployed: ${deployment.kind}: ${deployment.reason}`);
  return {
    selected,
    members,
    validationScore: costToScore(scorer, deployedCost(outcome, members, selection?.cost ?? best.cost, selected.length, evaluation, scorer)),
    calibration: resolved.calibration === 'none' ? null : outcome.ensemble.calibrate(methodsFor(resolved.calibration)),
    cvAverage: plan.fit === 'cv-average',
    refitSeconds: nowSeconds() - refitStart,
    deployment,
  };
}

/** The last-resort pipeline, deployed as it was fitted. */
function lastResortMembers(lastResort: NonNullable<SearchOutcome['lastResort']>, reason: string, logger: Logger): FinalMembers {
  const { record, pipeline } = lastResort;
  logger.warn(`deployed: last-resort: ${reason}`);
  return {
    selected: [{ trial: record, weight: 1 }],
    members: [{ trialId: record.id, weight: 1, algorithm: record.algorithm, config: record.config, pipeline }],
    validationScore: record.score ?? Number.NaN,
    calibration: null,
    cvAverage: false,
    refitSeconds: 0,
    deployment: { kind: 'last-resort', reason },
    lastResort,
  };
}

function lastResortWhat(record: TrialRecord, rows: number, of: number): string {
  return `the cheapest learner of the space (${record.algorithm}) was fitted on ${rows} of ${of} training rows`;
}

/**
 * Validation cost of the members as deployed: the selection's when every selected member was
 * built, else that of the built members' combined validation predictions (or the one trial's).
 */
function deployedCost(outcome: SearchOutcome, members: readonly ArtifactMember[], selectedCost: number, selectedCount: number, evaluation: EvaluationData, scorer: Scorer): number {
  if (members.length === selectedCount) return selectedCost;
  const combined = outcome.ensemble.combined(members.map((member) => ({ id: member.trialId, weight: member.weight })));
  if (combined !== null) return scoreToCost(scorer, scorer.score(truthOf(evaluation.resampling.scoredTarget), combined));
  return outcome.trials.find((t) => t.id === members[0]?.trialId)?.cost ?? selectedCost;
}

function cvAverageOf(resolved: ResolvedFitOptions, evaluation: EvaluationData): boolean {
  return resolved.finalModels === 'cv-average' && evaluation.resampling.strategy === 'cv';
}

function resamplingLabel(evaluation: EvaluationData, resolved: ResolvedFitOptions): string {
  const { resampling } = evaluation;
  if (resampling.strategy === 'cv') return `cv (${resampling.folds.length} folds)`;
  const subsample = resampling.subsample === undefined ? '' : `, training part subsampled to ${resampling.subsample.rows} of ${resampling.subsample.of} rows`;
  return `holdout (${resolved.holdoutFraction}${subsample})`;
}

function artifactOf(run: PreparedRun, outcome: SearchOutcome, final: FinalMembers, elapsedSeconds: number): Artifact {
  const { resolved, labelled, scorer, evaluation, space, warmStart, optimizer } = run;
  const { best } = outcome;
  const { members, calibration } = final;
  // A last resort run after the search (to keep the wall) is one more trial of the run.
  const extra = final.lastResort === undefined || outcome.trials.includes(final.lastResort.record) ? [] : [final.lastResort.record];
  const search = { ...outcome.search, trials: [...outcome.search.trials, ...extra] };
  const { temperature, calibrator } = deployedCalibration(calibration);
  const target = labelled.target;
  const decision = target.kind === 'classification' ? decisionFor(scorer.name, target.codes, target.classes.length) : undefined;
  return {
    format: ARTIFACT_FORMAT,
    formatVersion: formatVersionFor(members, temperature, decision, calibrator),
    packageVersion: PACKAGE_VERSION,
    createdAt: new Date().toISOString(),
    task: labelled.task,
    target: {
      name: labelled.target.name,
      classes: labelled.target.kind === 'classification' ? [...labelled.target.classes] : null,
    },
    metric: scorer.name,
    validationScore: final.validationScore,
    seed: resolved.seed,
    spaceHash: spaceHash(space),
    schema: labelled.schema,
    members,
    ...(temperature === undefined ? {} : { temperature }),
    ...(calibrator === undefined ? {} : { calibrator }),
    ...(decision === undefined ? {} : { decision }),
    leaderboard: buildLeaderboard([...outcome.trials, ...extra], new Map(members.map((m) => [m.trialId, m.weight]))),
    summary: {
      task: labelled.task,
      metric: scorer.name,
      best_validation_score: costToScore(scorer, best.cost),
      ensemble_validation_score: final.validationScore,
      ensemble_size: members.length,
      best_algorithm: best.algorithm,
      trials: countByStatus(search.trials),
      continued_trials: outcome.continuedTrials,
      optimizer: optimizer.name,
      workers: outcome.concurrency,
      resampling:
        resamplingLabel(evaluation, resolved) +
        (final.lastResort === undefined ? '' : `; last resort fitted on ${final.lastResort.rows} of ${final.lastResort.of} training rows`),
      elapsed_seconds: round(elapsedSeconds),
      search_seconds: round(search.searchSeconds),
      termination: { ...outcome.termination },
      fidelity: { ...fidelitySummary(run.fidelity, outcome.search.trials) },
      early_stopping: { ...outcome.earlyStopping, checkpoints: [...outcome.earlyStopping.checkpoints] },
      refit_seconds: round(final.refitSeconds),
      final_models: final.cvAverage ? 'cv-average' : 'refit',
      deployment: { kind: final.deployment.kind, reason: final.deployment.reason },
      time_budget: resolved.timeBudget,
      calibration: calibrationSummary(calibration),
      backend: backendInUse(),
      xgboost_engine: xgboostEnginesUsed(members.flatMap((member) => memberPipelines(member).map((pipeline) => pipeline.model))),
      run_dir: resolved.runDir ?? null,
      rows: labelled.features.nRows,
      features: labelled.features.columns.length,
      warm_start: { source: warmStart.summary.source, ...(warmStart.summary.method === undefined ? {} : { method: warmStart.summary.method }), configurations: warmStart.summary.configurations, nearest: warmStart.summary.nearest.map((n) => ({ ...n })),
        ...(warmStart.summary.leftOut === undefined ? {} : { left_out: [...warmStart.summary.leftOut] }) },
      meta_features: warmStart.metaFeatures,
    },
  };
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
    budgetSeconds: options.timeBudget,
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
    splits_fingerprint: evaluation.resampling.splitsFingerprint,
    started_at: new Date().toISOString(),
  });
}

/** The successful full-fidelity trial with the lowest cost, the earliest on ties. */
function bestTrial(trials: readonly TrialRecord[]): TrialRecord | undefined {
  let best: TrialRecord | undefined;
  for (const trial of trials) if (isFinalCandidate(trial) && (best === undefined || trial.cost < best.cost)) best = trial;
  return best;
}

function countByStatus(trials: readonly TrialRecord[]): { total: number; success: number; stopped: number; crashed: number; timeout: number; memout: number } {
  const count = (status: TrialRecord['status']) => trials.filter((t) => t.status === status).length;
  return { total: trials.length, success: count('SUCCESS'), stopped: count('STOPPED'), crashed: count('CRASHED'), timeout: count('TIMEOUT'), memout: count('MEMOUT') };
}

function noSuccessfulTrial(trials: readonly TrialRecord[]): AutoMLError {
  const firstErrors = [...new Set(trials.map((t) => t.error).filter((e): e is string => e !== undefined))].slice(0, 3);
  const detail = trials.length === 0 ? 'no trial finished within the time budget' : `all ${trials.length} trials failed (${firstErrors.join('; ')})`;
  return new AutoMLError('NO_SUCCESSFUL_TRIAL', detail, { hint: 'raise --time, or check the data' });
}

function round(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}
