/** `automl fit <csv> --target <col>`: search, refit, save the model, print a summary. */
import type { Command } from 'commander';
import { basename, extname, join } from 'node:path';
import { fit } from '../../api/fit.ts';
import { stderrLogger, silentLogger } from '../../util/log.ts';
import { durationSeconds, positiveInteger, positiveNumber, nonNegativeInteger } from '../parse-options.ts';
import { guardOutputs } from '../output-guard.ts';
import { TRIALS_FILE } from '../../search/run-log.ts';
import { FIT_DEFAULTS, type CalibrationOption } from '../../api/options.ts';
import { formatLeaderboard } from '../../report/leaderboard.ts';
import { writeReport } from '../../report/html/write.ts';
import type { Task } from '../../data/dataset.ts';
import { AutoMLError } from '../../util/errors.ts';
import type { ResamplingStrategy } from '../../search/resampling.ts';
import type { StopMode } from '../../search/termination/criterion.ts';
import type { EarlyStoppingMode } from '../../search/early-stopping/mode.ts';
import { isFullFidelity, shareOf, type FidelityResource } from '../../search/fidelity/fidelity.ts';
import { isFinalCandidate } from '../../search/fidelity/final-candidate.ts';
import type { FidelityMode } from '../../search/fidelity/fidelity-mode.ts';
import { fidelityLine } from '../../search/fidelity/fidelity-summary.ts';
import { BACKEND_PREFERENCES, type BackendPreference } from '../../components/backend/types.ts';
import { DEFAULT_WARM_START_METHOD, type WarmStartMethod } from '../../metalearning/warm-start-method.ts';
import { metadataExcludeFromEnv } from '../metadata-exclude-env.ts';

interface FitCommandOptions {
  target: string;
  task: string;
  time: number;
  maxTrials?: number;
  metric?: string;
  seed: number;
  resampling: string;
  space?: string;
  runDir?: string;
  optimizer: string;
  stop: string;
  earlyStopping: string;
  fidelity: string;
  eta: number;
  minFidelity: number;
  fidelityResource: string;
  ensembleSize: number;
  ensembleNbest: number;
  finalModels: string;
  calibration: string;
  single?: boolean;
  workers?: number;
  perTrialTime?: number;
  memoryLimit: number;
  folds: number;
  out: string;
  json?: boolean;
  quiet?: boolean;
  report?: string;
  warmStart: number;
  warmStartMethod: string;
  warmStartFrom?: string;
  backend: string;
  queue?: string;
  encoding?: string;
}

const TASKS = ['auto', 'binary', 'multiclass', 'regression'];

/** `--min-fidelity`: a number or a fraction such as 1/9 (its range is checked with the other options). */
function shareArgument(value: string): number {
  const fraction = /^\s*(\d+(?:\.\d+)?)\s*\/\s*(\d+(?:\.\d+)?)\s*$/.exec(value);
  const parsed = fraction === null ? (value.trim() === '' ? Number.NaN : Number(value)) : Number(fraction[1]) / Number(fraction[2]);
  if (!Number.isFinite(parsed)) throw new AutoMLError('BAD_OPTION', `--min-fidelity must be a number or a fraction such as 1/9, got "${value}"`);
  return parsed;
}

/** automl-runs/<UTC time>-<data file name>: sortable, and says which data the run was on. */
function defaultRunDir(csv: string): string {
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
  return join('automl-runs', `${stamp}-${basename(csv, extname(csv))}`);
}

export function registerFit(program: Command): void {
  program
    .command('fit')
    .description('search pipelines for a CSV file and save the best model')
    .argument('<csv>', 'training data (CSV with a header row)')
    .requiredOption('--target <column>', 'name of the column to predict')
    .option('--task <task>', `task: ${TASKS.join(' | ')}`, 'auto')
    .option('--time <seconds>', 'time budget of the whole fit in seconds (search, refit and writing the model)', durationSeconds('--time'), FIT_DEFAULTS.timeBudget)
    .option('--max-trials <n>', 'stop after this many trials', positiveInteger('--max-trials'))
    .option('--metric <name>', 'metric to optimise (default: balanced_accuracy / rmse)')
    .option('--seed <n>', 'random seed', nonNegativeInteger('--seed'), FIT_DEFAULTS.seed)
    .option('--resampling <how>', 'validation of trials: auto | holdout | cv (auto = 5-fold CV up to 2000 rows)', FIT_DEFAULTS.resampling)
    .option('--folds <k>', 'folds for cross-validation', positiveInteger('--folds'), FIT_DEFAULTS.folds)
    .option('--space <file>', 'restrict the search to a space file, e.g. pipelines/tiny.json')
    .option('--optimizer <name>', 'smac | random', FIT_DEFAULTS.optimizer)
    .option('--stop <when>', 'budget (use the whole budget) | converged (stop once no gain beyond the validation noise is left; smac)', FIT_DEFAULTS.stop)
    .option('--fidelity <mode>', 'multi-fidelity search: off | sh (asynchronous successive halving) | hyperband | auto (sh under holdout when the budget holds few full trials)', FIT_DEFAULTS.fidelity)
    .option('--eta <n>', 'successive halving rate: the best 1/eta of a rung go up, at eta times its share', positiveNumber('--eta'), FIT_DEFAULTS.eta)
    .option('--min-fidelity <share>', 'share of a full trial at the lowest rung, in (0, 1), e.g. 1/9', shareArgument, FIT_DEFAULTS.minFidelity)
    .option('--fidelity-resource <what>', 'what a lower fidelity reduces: auto (iterations of iterative learners, rows otherwise) | rows | iterations', FIT_DEFAULTS.fidelityResource)
    .option('--early-stopping <rule>', 'off | median (stop a trial worse than the median of its algorithm\'s earlier trials at 1/8, 1/4 or 1/2 of its iterations)', FIT_DEFAULTS.earlyStopping)
    .option('--ensemble-size <n>', 'ensemble selection iterations (1 = single best pipeline)', positiveInteger('--ensemble-size'), FIT_DEFAULTS.ensembleSize)
    .option('--ensemble-nbest <n>', 'best trials the ensemble may draw from', positiveInteger('--ensemble-nbest'), FIT_DEFAULTS.ensembleNbest)
    .option('--single', 'emit the single best pipeline instead of an ensemble (same as --ensemble-size 1)')
    .option('--final-models <how>', 'final members under cross-validation: refit (on all rows) | cv-average (fold models averaged)', FIT_DEFAULTS.finalModels)
    .option('--calibration <how>', 'class probabilities: auto (the method that beats none on held-out validation rows) | temperature | platt | isotonic | none', FIT_DEFAULTS.calibration)
    .option('--workers <n>', 'trials at once in worker threads (default: cores - 1; 0 = in-process, no limits); at most the cores and what free memory holds at --memory-limit each', nonNegativeInteger('--workers'))
    .option('--per-trial-time <s>', 'seconds one trial may take (default: adapted to observed fit times, at most budget/5 once a trial succeeded)', durationSeconds('--per-trial-time'))
    .option('--memory-limit <MiB>', 'memory one trial may use', positiveNumber('--memory-limit'), FIT_DEFAULTS.memoryLimit)
    .option('--run-dir <dir>', 'where to keep the run log (default automl-runs/<time>-<data name>)')
    .option('--out <file>', 'where to write the model', 'model.json')
    .option('--report <file>', 'also write the HTML report of the run to this file')
    .option('--warm-start <n>', 'configurations of the most similar datasets in metadata/ tried after the default one (0 = cold start)', nonNegativeInteger('--warm-start'), FIT_DEFAULTS.warmStart)
    .option('--warm-start-method <how>', 'how metadata configurations are chosen: knn (nearest datasets by meta-features) | portfolio (greedy portfolio of the performance matrix)', DEFAULT_WARM_START_METHOD)
    .option('--warm-start-from <run>', 'continue from (same data and space) or start from the best of an earlier run: its run directory or trials.jsonl')
    .option('--json', 'print the run summary as JSON on stdout')
    .option('--quiet', 'no progress on stderr')
    .option('--backend <name>', `tensor backend for neural networks: ${BACKEND_PREFERENCES.join(' | ')}`, FIT_DEFAULTS.backend)
    .option('--encoding <name>', 'text encoding of the training data: utf-8 (default) or latin1')
    .option('--queue <url>', 'run the trials on `automl worker` processes sharing this Redis, e.g. redis://10.0.0.5:6379 (--workers = trials in flight)')
    .action(async (csv: string, options: FitCommandOptions) => {
      if (!TASKS.includes(options.task)) {
        throw new AutoMLError('BAD_OPTION', `--task must be one of ${TASKS.join(', ')}, got "${options.task}"`);
      }
      const logger = options.quiet === true ? silentLogger : stderrLogger();
      // Benchmarks only: datasets to leave out of the metadata base (metadata-exclude-env.ts).
      const metadataExclude = metadataExcludeFromEnv();
      const runDir = options.runDir ?? defaultRunDir(csv);
      guardOutputs(
        [
          { path: options.out, label: '--out', kind: 'file' },
          ...(options.report === undefined ? [] : [{ path: options.report, label: '--report', kind: 'file' as const }]),
          { path: runDir, label: '--run-dir', kind: 'folder' },
        ],
        [
          { path: csv, label: 'the training data' },
          ...(options.space === undefined ? [] : [{ path: options.space, label: 'the --space file' }]),
          ...(options.warmStartFrom === undefined
            ? []
            : [{ path: options.warmStartFrom, label: 'the --warm-start-from run' }, { path: join(options.warmStartFrom, TRIALS_FILE), label: 'the --warm-start-from run log' }]),
        ],
      );
      let bestCost = Infinity;
      const model = await fit(csv, {
        target: options.target,
        task: options.task as Task | 'auto',
        timeBudget: options.time,
        seed: options.seed,
        resampling: options.resampling as ResamplingStrategy,
        folds: options.folds,
        optimizer: options.optimizer as 'smac' | 'random',
        stop: options.stop as StopMode,
        earlyStopping: options.earlyStopping as EarlyStoppingMode,
        fidelity: options.fidelity as FidelityMode,
        eta: options.eta,
        minFidelity: options.minFidelity,
        fidelityResource: options.fidelityResource as FidelityResource,
        ensembleSize: options.single === true ? 1 : options.ensembleSize,
        ensembleNbest: options.ensembleNbest,
        finalModels: options.finalModels as 'refit' | 'cv-average',
        calibration: options.calibration as CalibrationOption,
        memoryLimit: options.memoryLimit,
        backend: options.backend as BackendPreference,
        ...(options.workers === undefined ? {} : { workers: options.workers }),
        ...(options.queue === undefined ? {} : { queue: options.queue }),
        ...(options.encoding === undefined ? {} : { encoding: options.encoding }),
        ...(options.perTrialTime === undefined ? {} : { perTrialTime: options.perTrialTime }),
        logger,
        ...(options.maxTrials === undefined ? {} : { maxTrials: options.maxTrials }),
        ...(options.metric === undefined ? {} : { metric: options.metric }),
        ...(options.space === undefined ? {} : { space: options.space }),
        warmStart: options.warmStart,
        warmStartMethod: options.warmStartMethod as WarmStartMethod,
        ...(metadataExclude.length === 0 ? {} : { metadataExclude }),
        ...(options.warmStartFrom === undefined ? {} : { warmStartFrom: options.warmStartFrom }),
        runDir,
        onTrial: (trial) => {
          // The best so far counts full-fidelity trials only: a lower rung's cost is not comparable.
          if (isFinalCandidate(trial)) bestCost = Math.min(bestCost, trial.cost);
          const cost = trial.status === 'SUCCESS' ? trial.cost.toFixed(4) : trial.status;
          const fidelity = isFullFidelity(trial) ? '' : `  fidelity ${shareOf(trial).toFixed(3)}${trial.rung === undefined ? '' : ` rung ${trial.rung}`}`;
          logger.info(`trial ${String(trial.id).padStart(3)}  ${trial.algorithm.padEnd(22)} cost ${cost.padEnd(8)} best ${bestCost.toFixed(4)}  ${trial.finishedAt.toFixed(1)}s${fidelity}`);
        },
        // The budget began at the process start (the clock's origin): --time covers the start-up too.
      }, 0);
      model.save(options.out);
      if (options.report !== undefined) writeReport(runDir, options.report);
      const summary: Record<string, unknown> = { ...model.artifact.summary, model_path: options.out };
      if (options.json === true) {
        process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
      } else {
        logger.info('');
        logger.info(formatLeaderboard(model.leaderboard(), 10));
        logger.info('');
        logger.info(
          `validation ${model.artifact.metric}: best single ${Number(summary['best_validation_score']).toFixed(4)} (${String(summary['best_algorithm'])}), ` +
            `ensemble of ${String(summary['ensemble_size'])} ${model.artifact.validationScore.toFixed(4)}`,
        );
        const fidelity = fidelityLine(summary['fidelity']);
        if (fidelity !== null) logger.info(fidelity);
        logger.info(`model written to ${options.out}`);
      }
    });
}
