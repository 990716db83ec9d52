/**
 * `npm run bench -- [--budget s] [--datasets a,b] [--manifest path] [--max-trials n] [--seed n]
 *                   [--final-models refit|cv-average] [--calibration auto|temperature|platt|isotonic|none]`
 *
 * Fits every dataset of a manifest on its fixed training rows, scores the fixed test rows, and
 * prints a markdown table beside the scikit-learn peer's results on the same rows, then how each
 * fit used its budget (budget-table.ts). Results are also written as JSON. Each fit leaves its own dataset out of the metadata base (by the data
 * fingerprint of its training rows), which was built from these very rows.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { fit } from '../api/fit.ts';
import { CALIBRATION_OPTIONS, FIT_DEFAULTS, type CalibrationOption } from '../api/options.ts';
import { evaluateModel } from '../api/evaluate.ts';
import { AutoMLModel } from '../export/model.ts';
import { readCsvFile } from '../data/csv.ts';
import { complementRows, selectRawRows } from '../data/raw-rows.ts';
import { writeFileAtomic } from '../util/atomic-write.ts';
import { nowSeconds } from '../util/clock.ts';
import { errorMessage } from '../util/errors.ts';
import { trainingRowsExclusion } from '../metalearning/corpus.ts';
import { LEAVE_OUT_HEADER, leaveOutLine, leftOutOf, warningsOnStderr } from './leave-out-note.ts';
import { readManifest, readTestRows, type ManifestDataset } from './manifest.ts';
import { readPeerResults } from './peer.ts';
import { formatReport, type BenchResult } from './report.ts';
import { singleBestTestMetrics } from './single-best.ts';
import { formatBudgetTable, TrialTimes, type BudgetUse } from './budget-table.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SHARED_MANIFEST = resolve(ROOT, '../shared/datasets/manifest.json');
const LOCAL_MANIFEST = join(ROOT, 'datasets/manifest.json');
const PEER_RESULTS = resolve(ROOT, '../shared/bench/peer-results-public.jsonl');

async function benchDataset(
  dataset: ManifestDataset,
  budget: number,
  maxTrials: number | undefined,
  seed: number,
  runsDir: string,
  finalModels: 'refit' | 'cv-average',
  budgetUses: BudgetUse[],
  calibration: CalibrationOption,
): Promise<BenchResult> {
  const raw = await readCsvFile(dataset.csvPath);
  const testRows = readTestRows(dataset.splitPath);
  const train = selectRawRows(raw, complementRows(raw.nRows, testRows));
  const test = selectRawRows(raw, testRows);
  const exclusion = trainingRowsExclusion(dataset, train);
  const start = nowSeconds();
  const runDir = join(runsDir, dataset.name);
  const trialTimes = new TrialTimes();
  const model = await fit(train, {
    onTrial: trialTimes.onTrial,
    target: dataset.target,
    task: dataset.task,
    timeBudget: budget,
    seed,
    columnTypes: dataset.columnTypes,
    runDir,
    finalModels,
    calibration,
    metadataExclude: [exclusion],
    logger: warningsOnStderr(dataset.name),
    ...(maxTrials === undefined ? {} : { maxTrials }),
  });
  const metadataLeftOut = leftOutOf(model);
  process.stderr.write(`  ${dataset.name}: ${leaveOutLine(exclusion, metadataLeftOut)}\n`);
  const fitSeconds = nowSeconds() - start;
  budgetUses.push(trialTimes.use(dataset.name, fitSeconds, budget, String((model.artifact.summary['deployment'] as { kind?: string } | undefined)?.kind ?? 'refit')));
  const predictStart = nowSeconds();
  const evaluation = evaluateModel(model, test);
  const predictSeconds = nowSeconds() - predictStart;
  const summary = model.artifact.summary;
  const single = singleBestTestMetrics(model, runDir, train, test, { target: dataset.target, task: dataset.task, columnTypes: dataset.columnTypes });
  process.stderr.write(`  ${dataset.name}: calibration ${JSON.stringify(summary['calibration'] ?? null)}\n`);
  const { temperature, calibrator, ...uncalibrated } = model.artifact;
  return {
    dataset: dataset.name,
    task: dataset.task,
    metrics: evaluation.metrics,
    singleMetrics: single,
    temperature: temperature ?? 1,
    // The same members without the probability temperature: what calibration changed on the test rows.
    uncalibratedMetrics: temperature === undefined && calibrator === undefined ? evaluation.metrics : evaluateModel(new AutoMLModel(uncalibrated), test).metrics,
    ensembleSize: Number(summary['ensemble_size']),
    fitSeconds,
    predictSeconds,
    trials: (summary['trials'] as { total: number }).total,
    algorithm: String(summary['best_algorithm']),
    dataFingerprint: exclusion.fingerprint,
    metadataLeftOut,
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      budget: { type: 'string', default: '30' },
      datasets: { type: 'string' },
      manifest: { type: 'string' },
      'max-trials': { type: 'string' },
      seed: { type: 'string', default: '0' },
      out: { type: 'string' },
      'final-models': { type: 'string', default: 'refit' },
      calibration: { type: 'string', default: FIT_DEFAULTS.calibration },
    },
  });
  const budget = Number(values.budget);
  if (!(budget > 0)) throw new Error(`--budget must be a positive number of seconds, got ${values.budget}`);
  const maxTrials = values['max-trials'] === undefined ? undefined : Number(values['max-trials']);
  const finalModels = values['final-models'];
  if (finalModels !== 'refit' && finalModels !== 'cv-average') throw new Error(`--final-models must be refit or cv-average, got ${finalModels}`);
  const calibration = values.calibration as CalibrationOption;
  if (!(CALIBRATION_OPTIONS as readonly string[]).includes(calibration)) throw new Error(`--calibration must be one of ${CALIBRATION_OPTIONS.join(', ')}, got ${calibration}`);
  const manifestPath = values.manifest ?? (existsSync(SHARED_MANIFEST) ? SHARED_MANIFEST : LOCAL_MANIFEST);
  let datasets = readManifest(manifestPath);
  if (values.datasets !== undefined) {
    const wanted = new Set(values.datasets.split(',').map((s) => s.trim()));
    const unknown = [...wanted].filter((name) => !datasets.some((d) => d.name === name));
    if (unknown.length > 0) throw new Error(`unknown datasets: ${unknown.join(', ')}`);
    datasets = datasets.filter((d) => wanted.has(d.name));
  }
  process.stderr.write(`benchmark: ${datasets.length} datasets from ${manifestPath}, ${budget} s each, final models: ${finalModels}\n`);
  process.stderr.write(`${LEAVE_OUT_HEADER}\n`);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const runsDir = join(ROOT, 'automl-runs', `bench-${stamp}`);
  const results: BenchResult[] = [];
  const budgetUses: BudgetUse[] = [];
  for (const dataset of datasets) {
    try {
      const result = await benchDataset(dataset, budget, maxTrials, Number(values.seed), runsDir, finalModels, budgetUses, calibration);
      results.push(result);
      process.stderr.write(`  ${dataset.name}: ${JSON.stringify(result.metrics)} (${result.trials} trials, best ${result.algorithm}, ${result.fitSeconds.toFixed(1)} s)\n`);
    } catch (error) {
      process.stderr.write(`  ${dataset.name}: FAILED ${errorMessage(error)}\n`);
      budgetUses.push({ dataset: dataset.name, wallSeconds: NaN, budgetSeconds: budget, trials: 0, timeoutSeconds: 0, deployment: 'failed' });
      results.push({ dataset: dataset.name, task: dataset.task, metrics: {}, singleMetrics: {}, temperature: 1, uncalibratedMetrics: {}, ensembleSize: 0, fitSeconds: 0, predictSeconds: 0, trials: 0, algorithm: 'failed', dataFingerprint: null, metadataLeftOut: [] });
    }
  }
  const peers = readPeerResults(PEER_RESULTS);
  process.stdout.write(formatReport(results, peers, budget));
  process.stdout.write(`\nWhole-fit time against the ${budget} s budget:\n\n${formatBudgetTable(budgetUses)}`);
  const out = values.out ?? join(runsDir, 'results.json');
  mkdirSync(dirname(out), { recursive: true });
  writeFileAtomic(out, `${JSON.stringify({ budget, manifest: manifestPath, finalModels, warmStart: LEAVE_OUT_HEADER, results, budgetUses }, null, 2)}\n`);
  process.stderr.write(`results written to ${out}\n`);
}

await main();
