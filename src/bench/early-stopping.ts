/**
 * `npm run bench:early-stopping -- [--datasets a,b] [--time 30] [--seeds 0,1,2] [--modes median,off]
 *                                  [--results file.jsonl] [--manifest path] [--workers n] [--report-only]`
 *
 * The median stopping rule against full trials (issue #17): each dataset (by default the six
 * largest of the manifest by rows × features) is fitted on its fixed training rows for every seed
 * with `earlyStopping` median and off, and the deployed model scored on its fixed test rows. Each
 * fit is one line of the results file (resumable: a rerun skips the fits already there), with the
 * trials run and stopped, the summary's estimate of the seconds saved, and the test score. Prints
 * one markdown table (early-stopping-table.ts). One fit at a time, so that fits do not share the
 * cores; each leaves its own dataset out of the metadata base (by the data fingerprint of its
 * training rows), which was built from these very rows.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { fit } from '../api/fit.ts';
import { evaluateModel } from '../api/evaluate.ts';
import { EARLY_STOPPING_MODES, isEarlyStoppingMode, type EarlyStoppingMode } from '../search/early-stopping/mode.ts';
import { nowSeconds } from '../util/clock.ts';
import { AutoMLError, errorMessage } from '../util/errors.ts';
import { isJsonObject } from '../util/json.ts';
import { formatEarlyStoppingTable, type EarlyStoppingRun } from './early-stopping-table.ts';
import { LEAVE_OUT_HEADER, leaveOutLine, leftOutOf, warningsOnStderr } from './leave-out-note.ts';
import type { ManifestDataset } from './manifest.ts';
import { budgetList, chosenDatasets, comparisonData, readRuns, manifestPathOf, numberList, ROOT, workersOption } from './comparison-options.ts';

/** How many of the largest datasets run by default. */
const DEFAULT_DATASET_COUNT = 6;

interface Settings {
  readonly workers: number | undefined;
  readonly runsDir: string;
}

function runKey(run: Pick<EarlyStoppingRun, 'dataset' | 'time' | 'seed' | 'mode'>): string {
  return `${run.dataset}|${run.time}|${run.seed}|${run.mode}`;
}


async function runOne(dataset: ManifestDataset, time: number, seed: number, mode: EarlyStoppingMode, settings: Settings): Promise<EarlyStoppingRun> {
  const { train, test, exclusion, scorer } = await comparisonData(dataset);
  const base = { dataset: dataset.name, time, seed, mode, metric: scorer.name, greaterIsBetter: scorer.greaterIsBetter };
  const started = nowSeconds();
  try {
    const model = await fit(train, {
      target: dataset.target,
      task: dataset.task,
      metric: scorer.name,
      timeBudget: time,
      seed,
      columnTypes: dataset.columnTypes,
      earlyStopping: mode,
      runDir: join(settings.runsDir, `${dataset.name}-t${time}-s${seed}-${mode}`),
      metadataExclude: [exclusion],
      logger: warningsOnStderr(dataset.name),
      ...(settings.workers === undefined ? {} : { workers: settings.workers }),
    });
    const fitSeconds = nowSeconds() - started;
    process.stderr.write(`  ${dataset.name}: ${leaveOutLine(exclusion, leftOutOf(model))}\n`);
    const summary = model.artifact.summary;
    const stopping = isJsonObject(summary['early_stopping']) ? summary['early_stopping'] : {};
    const trials = isJsonObject(summary['trials']) ? Number(summary['trials']['total']) : Number.NaN;
    return {
      ...base,
      trials,
      stopped: Number(stopping['stopped'] ?? 0),
      secondsSaved: Number(stopping['seconds_saved_estimate'] ?? 0),
      bestValidation: Number(summary['best_validation_score']),
      testScore: evaluateModel(model, test).metrics[scorer.name] ?? Number.NaN,
      fitSeconds,
    };
  } catch (error) {
    const nan = Number.NaN;
    return { ...base, trials: 0, stopped: 0, secondsSaved: 0, bestValidation: nan, testScore: nan, fitSeconds: nowSeconds() - started, error: errorMessage(error) };
  }
}


async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      datasets: { type: 'string' },
      time: { type: 'string', default: '30' },
      seeds: { type: 'string', default: '0,1,2' },
      modes: { type: 'string', default: 'median,off' },
      results: { type: 'string' },
      manifest: { type: 'string' },
      workers: { type: 'string' },
      'report-only': { type: 'boolean', default: false },
    },
  });
  const datasets = chosenDatasets(values.datasets, manifestPathOf(values.manifest), DEFAULT_DATASET_COUNT);
  const names = datasets.map((d) => d.name);
  const times = budgetList(values.time, '--time');
  const seeds = numberList(values.seeds, '--seeds');
  const modes = values.modes.split(',').map((s) => s.trim());
  const badMode = modes.find((m) => !isEarlyStoppingMode(m));
  if (badMode !== undefined) throw new AutoMLError('BAD_OPTION', `--modes must list ${EARLY_STOPPING_MODES.join(', ')}, got "${badMode}"`);
  const workers = workersOption(values.workers);
  const runsDir = join(ROOT, 'automl-runs', 'bench-early-stopping');
  const resultsPath = resolve(values.results ?? join(runsDir, 'results.jsonl'));
  mkdirSync(dirname(resultsPath), { recursive: true });
  const done = new Set(readRuns<EarlyStoppingRun>(resultsPath).map(runKey));
  if (!values['report-only']) {
    process.stderr.write(`bench:early-stopping: ${names.join(', ')}; --time ${times.join(', ')}; seeds ${seeds.join(', ')}; modes ${modes.join(', ')}; results ${resultsPath}\n${LEAVE_OUT_HEADER}\n`);
    // Modes innermost: both modes of a dataset and seed run back to back, under the same load.
    for (const time of times) {
      for (const name of names) {
        const dataset = datasets.find((d) => d.name === name)!;
        for (const seed of seeds) {
          for (const mode of modes as EarlyStoppingMode[]) {
            if (done.has(runKey({ dataset: name, time, seed, mode }))) continue;
            const run = await runOne(dataset, time, seed, mode, { workers, runsDir });
            appendFileSync(resultsPath, `${JSON.stringify(run)}\n`);
            process.stderr.write(
              run.error === undefined
                ? `  ${name} --time ${time} seed ${seed} ${mode}: ${run.trials} trials, ${run.stopped} stopped, ~${run.secondsSaved.toFixed(1)} s saved, test ${run.metric} ${run.testScore.toFixed(4)}, ${run.fitSeconds.toFixed(1)} s\n`
                : `  ${name} --time ${time} seed ${seed} ${mode}: FAILED ${run.error}\n`,
            );
          }
        }
      }
    }
  }
  const runs = readRuns<EarlyStoppingRun>(resultsPath).filter((r) => names.includes(r.dataset) && times.includes(r.time) && seeds.includes(r.seed));
  process.stdout.write(formatEarlyStoppingTable(runs));
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    process.stderr.write(`${errorMessage(error)}\n`);
    process.exitCode = 1;
  });
}
