/**
 * `npm run bench:warmstart -- [--base metadata] [--datasets a,b] [--trials 25] [--warm-start 25]
 *  [--budget 20] [--seed 0] [--manifest path] [--out results.json]`
 *
 * Leave-one-dataset-out evidence for the meta-learned warm start. For every dataset of the corpus
 * that the base holds, the warm start leaves that dataset out of the base (`metadataExclude`, by
 * the data fingerprint of its training rows, so its own configurations cannot help it), then two runs with the same seed and trial limit are made on its training rows: one
 * warm-started from the rest of the base, one cold. After 5, 10 and `--trials` trials the best trial so
 * far is refitted on all training rows and scored on the fixed test rows; the emitted model (the
 * ensemble) is scored at the end. Scores are normalised per dataset as in the main benchmark:
 * 0 = the peer's dummy predictor, 1 = the best peer method. Trials run one at a time in one worker
 * (deterministic order, per-trial limits); `--budget` caps each run's seconds so the whole
 * corpus stays within about twenty minutes. A run that reaches the cap is time-bounded, not
 * trial-bounded (and so not exactly reproducible): the table marks it, and a larger `--budget`
 * avoids it.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fit } from '../api/fit.ts';
import { evaluateModel, labelledRows, scoreAll } from '../api/evaluate.ts';
import { buildTrainingData } from '../data/build.ts';
import type { RawTable } from '../data/raw-table.ts';
import { componentContextFor, instantiatePipeline } from '../components/registry.ts';
import { sampleWeightsFor } from '../components/balancing-weights.ts';
import type { AutoMLModel } from '../export/model.ts';
import { defaultMetric, getScorer, taskFamily } from '../metrics/scorers.ts';
import { configurationKey } from '../space/index.ts';
import { readTrials } from '../search/run-log.ts';
import type { TrialRecord } from '../search/trial.ts';
import { readSplit, trainingRowsExclusion } from '../metalearning/corpus.ts';
import { leaveOut, type MetadataExclusion } from '../metalearning/leave-out.ts';
import { PACKAGE_ROOT } from '../metalearning/metadata-base.ts';
import { readBase } from '../metalearning/metadata-files.ts';
import { writeFileAtomic } from '../util/atomic-write.ts';
import { nowSeconds } from '../util/clock.ts';
import { errorMessage } from '../util/errors.ts';
import { silentLogger } from '../util/log.ts';
import { LEAVE_OUT_HEADER, leaveOutLine, leftOutOf, warningsOnStderr } from './leave-out-note.ts';
import { readManifest, type ManifestDataset } from './manifest.ts';
import { readPeerResults, PEER_METHODS, type PeerResult } from './peer.ts';

const PEER_RESULTS = resolve(PACKAGE_ROOT, '../shared/bench/peer-results-public.jsonl');
const CHECKPOINTS = [5, 10] as const;

interface RunScores {
  /** Test score of the best trial so far, by checkpoint label ("5", "10", "25"), and "end". */
  readonly test: Record<string, number>;
  readonly trials: number;
  readonly seconds: number;
  readonly warmStart: unknown;
  /** Metadata base entries the run's warm start left out. */
  readonly leftOut: readonly string[];
}

interface DatasetResult {
  readonly dataset: string;
  readonly task: string;
  readonly metric: string;
  /** Data fingerprint of the training rows, by which the dataset was left out of the base. */
  readonly dataFingerprint: string;
  readonly warm: RunScores;
  readonly cold: RunScores;
  /** Normalised scores (0 = dummy, 1 = best peer) by run and label; absent without peer results. */
  readonly normalised: { warm: Record<string, number>; cold: Record<string, number> } | null;
}

interface Settings {
  readonly trials: number;
  readonly warmStart: number;
  readonly budget: number;
  readonly seed: number;
  readonly runsDir: string;
}

async function benchDataset(dataset: ManifestDataset, baseRoot: string, settings: Settings, peers: Map<string, Map<string, PeerResult>>): Promise<DatasetResult | null> {
  const kind = taskFamily(dataset.task);
  const metric = defaultMetric(dataset.task);
  const base = readBase(baseRoot, kind, metric);
  const { train, test } = await readSplit(dataset);
  // The dataset under test is left out of the base, as if it had never been built with it.
  const exclusion = trainingRowsExclusion(dataset, train);
  if (base === null || leaveOut(base.entries, [exclusion], silentLogger).leftOut.length === 0) return null;
  const warm = await scoredRun(dataset, train, test, settings, { warmStart: settings.warmStart, metadataDir: baseRoot, metadataExclude: [exclusion] }, 'warm');
  process.stderr.write(`  ${dataset.name}: ${leaveOutLine(exclusion, warm.leftOut)}\n`);
  const cold = await scoredRun(dataset, train, test, settings, { warmStart: 0, metadataDir: baseRoot }, 'cold');
  const scorer = getScorer(metric, dataset.task);
  const peer = peers.get(dataset.name);
  const dummy = peer?.get('dummy')?.metrics[metric];
  const peerValues = PEER_METHODS.map((m) => peer?.get(m)?.metrics[metric]).filter((v): v is number => v !== undefined);
  let normalised: DatasetResult['normalised'] = null;
  if (dummy !== undefined && peerValues.length > 0) {
    const best = scorer.greaterIsBetter ? Math.max(...peerValues) : Math.min(...peerValues);
    if (best !== dummy) {
      const scale = (scores: Record<string, number>) => Object.fromEntries(Object.entries(scores).map(([k, v]) => [k, (v - dummy) / (best - dummy)]));
      normalised = { warm: scale(warm.test), cold: scale(cold.test) };
    }
  }
  return { dataset: dataset.name, task: dataset.task, metric, dataFingerprint: exclusion.fingerprint, warm, cold, normalised };
}

async function scoredRun(
  dataset: ManifestDataset,
  train: RawTable,
  test: RawTable,
  settings: Settings,
  warm: { warmStart: number; metadataDir: string; metadataExclude?: readonly MetadataExclusion[] },
  label: string,
): Promise<RunScores> {
  const runDir = join(settings.runsDir, `${dataset.name}-${label}`);
  const start = nowSeconds();
  const model = await fit(train, {
    target: dataset.target,
    task: dataset.task,
    columnTypes: dataset.columnTypes,
    seed: settings.seed,
    maxTrials: settings.trials,
    timeBudget: settings.budget,
    workers: 1,
    runDir,
    logger: warningsOnStderr(dataset.name),
    ...warm,
  });
  const seconds = nowSeconds() - start;
  const metric = model.artifact.metric;
  const trials = readTrials(runDir);
  const scores: Record<string, number> = {};
  const cache = new Map<string, number>();
  for (const checkpoint of [...CHECKPOINTS.filter((c) => c < settings.trials), settings.trials]) {
    const best = bestUpTo(trials, checkpoint);
    if (best === undefined) continue;
    const key = configurationKey(best.config);
    if (!cache.has(key)) cache.set(key, refitTestScore(model, best, dataset, train, test, metric));
    scores[String(checkpoint)] = cache.get(key)!;
  }
  scores['end'] = evaluateModel(model, test).metrics[metric]!;
  return { test: scores, trials: trials.length, seconds, warmStart: model.artifact.summary['warm_start'], leftOut: leftOutOf(model) };
}

/** The lowest-cost successful trial among the first `count` (earliest on ties). */
function bestUpTo(trials: readonly TrialRecord[], count: number): TrialRecord | undefined {
  let best: TrialRecord | undefined;
  for (const trial of trials) {
    if (trial.id > count || trial.status !== 'SUCCESS') continue;
    if (best === undefined || trial.cost < best.cost || (trial.cost === best.cost && trial.id < best.id)) best = trial;
  }
  return best;
}

function refitTestScore(model: AutoMLModel, trial: TrialRecord, dataset: ManifestDataset, train: RawTable, test: RawTable, metric: string): number {
  const labelled = buildTrainingData(train, { target: dataset.target, task: dataset.task, columnTypes: dataset.columnTypes });
  const { pipeline, balancing } = instantiatePipeline(trial.config, componentContextFor(labelled.features, labelled.task), trial.seed);
  pipeline.fit(labelled.features, labelled.target, sampleWeightsFor(labelled.target, balancing));
  const { dataset: rows, truth } = labelledRows(model, test);
  return scoreAll(model.task, truth, pipeline.predict(rows))[metric]!;
}

function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function fmt(value: number | undefined): string {
  return value === undefined || Number.isNaN(value) ? '–' : Math.abs(value) >= 100 ? value.toFixed(1) : value.toFixed(3);
}

export function formatWarmStartReport(results: readonly DatasetResult[], labels: readonly string[], settings: Settings): string {
  const lines = [
    `# Warm start vs cold start (leave-one-dataset-out, ${settings.trials} trials, ≤ ${settings.budget} s per run, seed ${settings.seed})`,
    '',
    'Test score of the best trial so far (refitted on all training rows) after n trials, and of the emitted model at the end; normalised per dataset (0 = dummy, 1 = best peer).',
    '',
    `| dataset | metric | ${labels.map((l) => `cold@${l} | warm@${l}`).join(' | ')} | trials cold / warm | nearest (warm) |`,
    `|---|---|${labels.map(() => '---:|---:').join('|')}|---:|---|`,
  ];
  for (const r of results) {
    const pick = (run: 'warm' | 'cold', label: string) => (r.normalised === null ? undefined : r.normalised[run][label]);
    // A run stopped by the time cap before a checkpoint shows its best at the cap, marked.
    const cell = (run: 'warm' | 'cold', label: string) => `${fmt(pick(run, label))}${label !== 'end' && r[run].trials < Number(label) ? '*' : ''}`;
    const nearest = ((r.warm.warmStart as { nearest?: { dataset: string }[] } | undefined)?.nearest ?? []).slice(0, 3).map((n) => n.dataset).join(', ');
    lines.push(`| ${r.dataset} | ${r.metric} | ${labels.map((l) => `${cell('cold', l)} | ${cell('warm', l)}`).join(' | ')} | ${r.cold.trials} / ${r.warm.trials} | ${nearest} |`);
  }
  const normalisedRuns = results.filter((r) => r.normalised !== null);
  const medians = labels.map((l) => ({
    cold: median(normalisedRuns.map((r) => r.normalised!.cold[l]).filter((v): v is number => v !== undefined)),
    warm: median(normalisedRuns.map((r) => r.normalised!.warm[l]).filter((v): v is number => v !== undefined)),
  }));
  lines.push(`| **median** | | ${medians.map((m) => `**${fmt(m.cold)}** | **${fmt(m.warm)}**`).join(' | ')} | | |`);
  lines.push('');
  lines.push('\\* the run reached its time cap (--budget) before this many trials; its best at the cap is shown.');
  lines.push('');
  for (const l of labels) {
    let better = 0;
    let tie = 0;
    let worse = 0;
    for (const r of normalisedRuns) {
      const w = r.normalised!.warm[l];
      const c = r.normalised!.cold[l];
      if (w === undefined || c === undefined) continue;
      if (Math.abs(w - c) < 1e-9) tie++;
      else if (w > c) better++;
      else worse++;
    }
    lines.push(`after ${l === 'end' ? 'the end (emitted model)' : `${l} trials`}: warm better / tie / worse on ${better} / ${tie} / ${worse} datasets`);
  }
  return `${lines.join('\n')}\n`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      base: { type: 'string', default: join(PACKAGE_ROOT, 'metadata') },
      datasets: { type: 'string' },
      trials: { type: 'string', default: '25' },
      'warm-start': { type: 'string', default: '25' },
      budget: { type: 'string', default: '20' },
      seed: { type: 'string', default: '0' },
      manifest: { type: 'string', default: join(PACKAGE_ROOT, 'datasets/manifest.json') },
      out: { type: 'string' },
    },
  });
  const settings: Settings = {
    trials: Number(values.trials),
    warmStart: Number(values['warm-start']),
    budget: Number(values.budget),
    seed: Number(values.seed),
    runsDir: join(PACKAGE_ROOT, 'automl-runs', `warmstart-${new Date().toISOString().replace(/[:.]/g, '-')}`),
  };
  if (!Number.isInteger(settings.trials) || settings.trials < 1) throw new Error(`--trials must be a positive integer, got ${values.trials}`);
  if (!Number.isInteger(settings.warmStart) || settings.warmStart < 1) throw new Error(`--warm-start must be a positive integer, got ${values['warm-start']}`);
  if (!(settings.budget > 0)) throw new Error(`--budget must be a positive number of seconds, got ${values.budget}`);
  let datasets = readManifest(resolve(values.manifest));
  if (values.datasets !== undefined) {
    const wanted = values.datasets.split(',').map((s) => s.trim());
    const unknown = wanted.filter((name) => !datasets.some((d) => d.name === name));
    if (unknown.length > 0) throw new Error(`unknown datasets: ${unknown.join(', ')}`);
    datasets = datasets.filter((d) => wanted.includes(d.name));
  }
  const baseRoot = resolve(values.base);
  const peers = readPeerResults(PEER_RESULTS);
  const labels = [...CHECKPOINTS.filter((c) => c < settings.trials).map(String), String(settings.trials), 'end'];
  process.stderr.write(`bench:warmstart: ${datasets.length} datasets, base ${baseRoot}, ${settings.trials} trials, ≤ ${settings.budget} s per run\n`);
  process.stderr.write(`${LEAVE_OUT_HEADER}\n`);
  const started = nowSeconds();
  const results: DatasetResult[] = [];
  for (const dataset of datasets) {
    try {
      const result = await benchDataset(dataset, baseRoot, settings, peers);
      if (result === null) {
        process.stderr.write(`  ${dataset.name}: not in the base, skipped\n`);
        continue;
      }
      results.push(result);
      const show = (s: Record<string, number>) => labels.map((l) => `${l}:${fmt(s[l])}`).join(' ');
      process.stderr.write(`  ${dataset.name}: cold ${show(result.cold.test)} | warm ${show(result.warm.test)} (${(nowSeconds() - started).toFixed(0)} s so far)\n`);
    } catch (error) {
      process.stderr.write(`  ${dataset.name}: FAILED ${errorMessage(error)}\n`);
    }
  }
  process.stdout.write(formatWarmStartReport(results, labels, settings));
  const out = values.out ?? join(settings.runsDir, 'results.json');
  mkdirSync(dirname(out), { recursive: true });
  const json = JSON.stringify({ settings: { ...settings, base: baseRoot }, seconds: Math.round(nowSeconds() - started), results }, null, 2);
  writeFileAtomic(out, `${json}\n`);
  process.stdout.write(`\n\`\`\`json\n${JSON.stringify(summaryJson(results, labels))}\n\`\`\`\n`);
  process.stderr.write(`results written to ${out} (${(nowSeconds() - started).toFixed(0)} s)\n`);
}

/** The medians the table shows, machine-readable. */
function summaryJson(results: readonly DatasetResult[], labels: readonly string[]): Record<string, unknown> {
  const normalisedRuns = results.filter((r) => r.normalised !== null);
  const median_normalised: Record<string, { cold: number; warm: number }> = {};
  for (const l of labels) {
    median_normalised[l] = {
      cold: median(normalisedRuns.map((r) => r.normalised!.cold[l]).filter((v): v is number => v !== undefined)),
      warm: median(normalisedRuns.map((r) => r.normalised!.warm[l]).filter((v): v is number => v !== undefined)),
    };
  }
  return { datasets: results.map((r) => r.dataset), median_normalised };
}

await main();
