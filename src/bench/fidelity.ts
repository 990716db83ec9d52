/**
 * `npm run bench:fidelity -- [--datasets a,b] [--times 30,120] [--seeds 0,1,2] [--modes auto,off]
 *                            [--resource auto|rows|iterations] [--results file.jsonl] [--manifest path]
 *                            [--workers n] [--report-only]`
 *
 * Multi-fidelity search against full trials (issue #17): each dataset (by default the six largest
 * of the manifest by rows × features) is fitted on its fixed training rows at every budget, seed
 * and fidelity mode, and the deployed model scored on its fixed test rows. Each fit is one line of
 * the results file (resumable: a rerun skips the fits already there, so a killed run continues),
 * with the full-fidelity-equivalent trials (Σ of the trials' shares), the configurations
 * examined, the best full-fidelity validation score and the test score. Prints one markdown table
 * per budget and mode against `off` (fidelity-table.ts). One fit at a time, so that fits do not
 * share the cores; each leaves its own dataset out of the metadata base (by the data fingerprint
 * of its training rows), which was built from these very rows.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { fit } from '../api/fit.ts';
import { evaluateModel } from '../api/evaluate.ts';
import { FIDELITY_MODES, FIDELITY_RESOURCES, type FidelityMode } from '../search/fidelity/fidelity-mode.ts';
import type { FidelityResource } from '../search/fidelity/fidelity.ts';
import { nowSeconds } from '../util/clock.ts';
import { AutoMLError, errorMessage } from '../util/errors.ts';
import { isJsonObject } from '../util/json.ts';
import { formatFidelityTable, type FidelityRun } from './fidelity-table.ts';
import { LEAVE_OUT_HEADER, leaveOutLine, leftOutOf, warningsOnStderr } from './leave-out-note.ts';
import type { ManifestDataset } from './manifest.ts';
import { budgetList, chosenDatasets, comparisonData, readRuns, manifestPathOf, numberList, ROOT, workersOption } from './comparison-options.ts';

/** How many of the largest datasets run by default. */
const DEFAULT_DATASET_COUNT = 6;

interface Settings {
  readonly workers: number | undefined;
  readonly resource: FidelityResource;
  readonly runsDir: string;
}

/** The `count` datasets of the manifest with the most cells (rows × features, as the manifest records them). */

function runKey(run: Pick<FidelityRun, 'dataset' | 'time' | 'seed' | 'mode' | 'resource'>): string {
  // `off` runs every trial in full: the resource does not change it.
  return `${run.dataset}|${run.time}|${run.seed}|${run.mode}|${run.mode === 'off' ? '-' : (run.resource ?? 'auto')}`;
}


async function runOne(dataset: ManifestDataset, time: number, seed: number, mode: FidelityMode, settings: Settings): Promise<FidelityRun> {
  const { train, test, exclusion, scorer } = await comparisonData(dataset);
  const base = { dataset: dataset.name, time, seed, mode, resource: settings.resource, metric: scorer.name, greaterIsBetter: scorer.greaterIsBetter };
  const started = nowSeconds();
  try {
    const model = await fit(train, {
      target: dataset.target,
      task: dataset.task,
      metric: scorer.name,
      timeBudget: time,
      seed,
      columnTypes: dataset.columnTypes,
      fidelity: mode,
      fidelityResource: settings.resource,
      runDir: join(settings.runsDir, `${dataset.name}-t${time}-s${seed}-${mode}${settings.resource === 'auto' ? '' : `-${settings.resource}`}`),
      metadataExclude: [exclusion],
      logger: warningsOnStderr(dataset.name),
      ...(settings.workers === undefined ? {} : { workers: settings.workers }),
    });
    const fitSeconds = nowSeconds() - started;
    process.stderr.write(`  ${dataset.name}: ${leaveOutLine(exclusion, leftOutOf(model))}\n`);
    const summary = model.artifact.summary;
    const fidelity = isJsonObject(summary['fidelity']) ? summary['fidelity'] : {};
    const trials = isJsonObject(summary['trials']) ? Number(summary['trials']['total']) : Number.NaN;
    return {
      ...base,
      resolved: String(fidelity['mode'] ?? '?'),
      fullEquivalentTrials: Number(fidelity['full_equivalent_trials']),
      configurations: Number(fidelity['configurations']),
      trials,
      bestValidation: Number(summary['best_validation_score']),
      testScore: evaluateModel(model, test).metrics[scorer.name] ?? Number.NaN,
      fitSeconds,
    };
  } catch (error) {
    const nan = Number.NaN;
    return { ...base, resolved: '-', fullEquivalentTrials: nan, configurations: nan, trials: 0, bestValidation: nan, testScore: nan, fitSeconds: nowSeconds() - started, error: errorMessage(error) };
  }
}


async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      datasets: { type: 'string' },
      times: { type: 'string', default: '30,120' },
      seeds: { type: 'string', default: '0,1,2' },
      modes: { type: 'string', default: 'auto,off' },
      results: { type: 'string' },
      manifest: { type: 'string' },
      workers: { type: 'string' },
      resource: { type: 'string', default: 'auto' },
      'report-only': { type: 'boolean', default: false },
    },
  });
  const datasets = chosenDatasets(values.datasets, manifestPathOf(values.manifest), DEFAULT_DATASET_COUNT);
  const names = datasets.map((d) => d.name);
  const times = budgetList(values.times, '--times');
  const seeds = numberList(values.seeds, '--seeds');
  const modes = values.modes.split(',').map((s) => s.trim()) as FidelityMode[];
  const badMode = modes.find((m) => !FIDELITY_MODES.includes(m));
  if (badMode !== undefined) throw new AutoMLError('BAD_OPTION', `--modes must list ${FIDELITY_MODES.join(', ')}, got "${badMode}"`);
  const workers = workersOption(values.workers);
  const resource = values.resource as FidelityResource;
  if (!FIDELITY_RESOURCES.includes(resource)) throw new AutoMLError('BAD_OPTION', `--resource must be one of ${FIDELITY_RESOURCES.join(', ')}, got "${values.resource}"`);
  const runsDir = join(ROOT, 'automl-runs', 'bench-fidelity');
  const resultsPath = resolve(values.results ?? join(runsDir, 'results.jsonl'));
  mkdirSync(dirname(resultsPath), { recursive: true });
  const done = new Set(readRuns<FidelityRun>(resultsPath).map(runKey));
  if (!values['report-only']) {
    process.stderr.write(`bench:fidelity: ${names.join(', ')}; --time ${times.join(', ')}; seeds ${seeds.join(', ')}; modes ${modes.join(', ')}; results ${resultsPath}\n${LEAVE_OUT_HEADER}\n`);
    // Budgets outermost and modes innermost: the modes of a dataset and seed run back to back,
    // under the same load, and the short budget is complete before the long one starts.
    for (const time of times) {
      for (const name of names) {
        const dataset = datasets.find((d) => d.name === name)!;
        for (const seed of seeds) {
          for (const mode of modes) {
            if (done.has(runKey({ dataset: name, time, seed, mode, resource }))) continue;
            const run = await runOne(dataset, time, seed, mode, { workers, resource, runsDir });
            appendFileSync(resultsPath, `${JSON.stringify(run)}\n`);
            process.stderr.write(
              run.error === undefined
                ? `  ${name} --time ${time} seed ${seed} ${mode} (${run.resolved}): ${run.configurations} configurations, ${run.fullEquivalentTrials} full-trial equivalents, test ${run.metric} ${run.testScore.toFixed(4)}, ${run.fitSeconds.toFixed(1)} s\n`
                : `  ${name} --time ${time} seed ${seed} ${mode}: FAILED ${run.error}\n`,
            );
          }
        }
      }
    }
  }
  const runs = readRuns<FidelityRun>(resultsPath).filter((r) => names.includes(r.dataset) && times.includes(r.time) && seeds.includes(r.seed) && (r.mode === 'off' || (r.resource ?? 'auto') === resource));
  for (const mode of modes.filter((m) => m !== 'off')) process.stdout.write(formatFidelityTable(runs, mode, 'off'));
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    process.stderr.write(`${errorMessage(error)}\n`);
    process.exitCode = 1;
  });
}
