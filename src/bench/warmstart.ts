/**
 * `npm run bench:warmstart -- [--corpus shipped|meta|all | --manifest a,b] [--datasets a,b]
 *  [--methods cold,knn,portfolio] [--base metadata] [--reference-base dir] [--trials 25]
 *  [--warm-start 25] [--budget 20] [--seed 0] [--results file.jsonl] [--report-only]`
 *
 * Leave-one-dataset-out evidence for the meta-learned warm start. For every dataset of the corpus
 * that the base holds, the warm start leaves that dataset out of the base (`metadataExclude`, by
 * the data fingerprint of its training rows; the portfolio is then rebuilt without its matrix
 * column and without the candidates only it contributed), so its own configurations cannot help
 * it. Runs with the same seed and trial limit are made on its training rows, one per method:
 * `cold` (no warm start), `knn` (nearest datasets), `portfolio` (greedy portfolio), and with
 * `--reference-base` also `knn-ref` (knn from another base, e.g. the 24-dataset one). After 5, 10
 * and `--trials` trials the best trial so far is refitted on all training rows and scored on the
 * fixed test rows; the emitted model (the ensemble) is scored at the end.
 *
 * Scores are normalised per dataset: 0 = the dummy predictor, 1 = the best peer method where peer
 * results exist (the shipped datasets), else 1 = the best test score any run reached on it.
 * Trials run one at a time in one worker; `--budget` caps each run's seconds. A run that reaches
 * the cap is time-bounded, not trial-bounded: the table marks it.
 *
 * Resumable and chunkable: each finished dataset is appended to `--results` (JSONL); a rerun with
 * the same file skips the datasets already there, and the table and target checks are computed
 * over every dataset in the file, so chunks run with `--datasets` add up to one report.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fit } from '../api/fit.ts';
import { evaluateModel, labelledRows, scoreAll } from '../api/evaluate.ts';
import { buildTrainingData } from '../data/build.ts';
import type { RawTable } from '../data/raw-table.ts';
import { componentContextFor, instantiatePipeline } from '../components/registry.ts';
import { sampleWeightsFor } from '../components/balancing-weights.ts';
import { dummyPrediction } from '../ensemble/dummy.ts';
import type { AutoMLModel } from '../export/model.ts';
import { defaultMetric, getScorer, taskFamily } from '../metrics/scorers.ts';
import { configurationKey } from '../space/index.ts';
import { readTrials } from '../search/run-log.ts';
import type { TrialRecord } from '../search/trial.ts';
import { isFinalCandidate } from '../search/fidelity/final-candidate.ts';
import { readSplit, trainingRowsExclusion } from '../metalearning/corpus.ts';
import { manifestPaths, readCorpus } from '../metalearning/corpora.ts';
import { leaveOut, type MetadataExclusion } from '../metalearning/leave-out.ts';
import { PACKAGE_ROOT } from '../metalearning/metadata-base.ts';
import { readBase } from '../metalearning/metadata-files.ts';
import { DEFAULT_WARM_START_METHOD, isWarmStartMethod, type WarmStartMethod } from '../metalearning/warm-start-method.ts';
import { nowSeconds } from '../util/clock.ts';
import { AutoMLError, errorMessage } from '../util/errors.ts';
import { silentLogger } from '../util/log.ts';
import { LEAVE_OUT_HEADER, leaveOutLine, leftOutOf, warningsOnStderr } from './leave-out-note.ts';
import type { ManifestDataset } from './manifest.ts';
import { readPeerResults, PEER_METHODS, type PeerResult } from './peer.ts';

const PEER_RESULTS = resolve(PACKAGE_ROOT, '../shared/bench/peer-results-public.jsonl');
const CHECKPOINTS = [5, 10] as const;
const METHODS = ['cold', 'knn', 'portfolio', 'knn-ref'] as const;
type Method = (typeof METHODS)[number];
/** The share of datasets (where they differ) on which the default must beat cold start at 10 trials. */
const TARGET_SHARE = 0.75;

interface RunScores {
  /** Test score of the best trial so far, by checkpoint label ("5", "10", "25"), and "end". */
  readonly test: Record<string, number>;
  readonly trials: number;
  readonly seconds: number;
  readonly warmStart: unknown;
  /** Metadata base entries the run's warm start left out. */
  readonly leftOut: readonly string[];
}

export interface DatasetResult {
  readonly dataset: string;
  readonly task: string;
  readonly metric: string;
  /** Data fingerprint of the training rows, by which the dataset was left out of the base. */
  readonly dataFingerprint: string;
  readonly runs: Partial<Record<Method, RunScores>>;
  /** Normalised scores by run and label (0 = dummy, 1 = best peer or best run). */
  readonly normalised: Partial<Record<Method, Record<string, number>>>;
  readonly normaliser: 'peer' | 'best-run';
}

interface Settings {
  readonly trials: number;
  readonly warmStart: number;
  readonly budget: number;
  readonly seed: number;
  readonly runsDir: string;
  readonly methods: readonly Method[];
  readonly base: string;
  readonly referenceBase: string | undefined;
}

async function benchDataset(dataset: ManifestDataset, settings: Settings, peers: Map<string, Map<string, PeerResult>>): Promise<DatasetResult | null> {
  const kind = taskFamily(dataset.task);
  const metric = defaultMetric(dataset.task);
  const base = readBase(settings.base, kind, metric);
  const { train, test } = await readSplit(dataset);
  // The dataset under test is left out of the base, as if it had never been built with it.
  const exclusion = trainingRowsExclusion(dataset, train);
  if (base === null || leaveOut(base.entries, [exclusion], silentLogger).leftOut.length === 0) return null;
  const runs: Partial<Record<Method, RunScores>> = {};
  let model: AutoMLModel | undefined;
  for (const method of settings.methods) {
    const warm = method === 'cold'
      ? { warmStart: 0, metadataDir: settings.base }
      : { warmStart: settings.warmStart, warmStartMethod: (method === 'knn-ref' ? 'knn' : method) as WarmStartMethod, metadataDir: method === 'knn-ref' ? settings.referenceBase! : settings.base, metadataExclude: [exclusion] };
    const run = await scoredRun(dataset, train, test, settings, warm, method);
    runs[method] = run.scores;
    model = run.model;
    if (method !== 'cold') process.stderr.write(`  ${dataset.name} (${method}): ${leaveOutLine(exclusion, run.scores.leftOut)}\n`);
  }
  const scorer = getScorer(metric, dataset.task);
  const peer = peers.get(dataset.name);
  const dummyPeer = peer?.get('dummy')?.metrics[metric];
  const peerValues = PEER_METHODS.map((m) => peer?.get(m)?.metrics[metric]).filter((v): v is number => v !== undefined);
  const better = (a: number, b: number) => (scorer.greaterIsBetter ? Math.max(a, b) : Math.min(a, b));
  let dummy: number;
  let best: number;
  let normaliser: DatasetResult['normaliser'];
  if (dummyPeer !== undefined && peerValues.length > 0) {
    dummy = dummyPeer;
    best = peerValues.reduce(better);
    normaliser = 'peer';
  } else {
    const { truth } = labelledRows(model!, test);
    dummy = scorer.score(truth, dummyPrediction(truth));
    best = Object.values(runs).flatMap((r) => Object.values(r.test)).reduce(better, dummy);
    normaliser = 'best-run';
  }
  const normalised: DatasetResult['normalised'] = {};
  if (best !== dummy) {
    for (const [method, run] of Object.entries(runs) as [Method, RunScores][]) {
      normalised[method] = Object.fromEntries(Object.entries(run.test).map(([k, v]) => [k, (v - dummy) / (best - dummy)]));
    }
  }
  return { dataset: dataset.name, task: dataset.task, metric, dataFingerprint: exclusion.fingerprint, runs, normalised, normaliser };
}

async function scoredRun(
  dataset: ManifestDataset,
  train: RawTable,
  test: RawTable,
  settings: Settings,
  warm: { warmStart: number; warmStartMethod?: WarmStartMethod; metadataDir: string; metadataExclude?: readonly MetadataExclusion[] },
  label: string,
): Promise<{ scores: RunScores; model: AutoMLModel }> {
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
  return { scores: { test: scores, trials: trials.length, seconds, warmStart: model.artifact.summary['warm_start'], leftOut: leftOutOf(model) }, model };
}

/** The lowest-cost successful full-fidelity trial among the first `count` (earliest on ties). */
function bestUpTo(trials: readonly TrialRecord[], count: number): TrialRecord | undefined {
  let best: TrialRecord | undefined;
  for (const trial of trials) {
    if (trial.id > count || !isFinalCandidate(trial)) continue;
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

/** Datasets on which `a` beats, ties and loses to `b` at `label` (normalised scores). */
export function headToHead(results: readonly DatasetResult[], a: Method, b: Method, label: string): { better: number; tie: number; worse: number } {
  let better = 0;
  let tie = 0;
  let worse = 0;
  for (const r of results) {
    const x = r.normalised[a]?.[label];
    const y = r.normalised[b]?.[label];
    if (x === undefined || y === undefined) continue;
    if (Math.abs(x - y) < 1e-9) tie++;
    else if (x > y) better++;
    else worse++;
  }
  return { better, tie, worse };
}

function medianOf(results: readonly DatasetResult[], method: Method, label: string): number {
  return median(results.map((r) => r.normalised[method]?.[label]).filter((v): v is number => v !== undefined));
}

export function formatWarmStartReport(results: readonly DatasetResult[], labels: readonly string[], settings: Pick<Settings, 'trials' | 'budget' | 'seed'>, defaultMethod: WarmStartMethod): string {
  const methods = METHODS.filter((m) => results.some((r) => r.runs[m] !== undefined));
  const lines = [
    `# Warm start (leave-one-dataset-out, ${results.length} datasets, ${settings.trials} trials, ≤ ${settings.budget} s per run, seed ${settings.seed})`,
    '',
    'Test score of the best trial so far (refitted on all training rows) after n trials, and of the emitted model at the end; normalised per dataset (0 = dummy, 1 = best peer; † = 1 is the best run, no peer results).',
    '',
    `| dataset | metric | ${labels.map((l) => methods.map((m) => `${m}@${l}`).join(' | ')).join(' | ')} | trials ${methods.join(' / ')} |`,
    `|---|---|${labels.map(() => methods.map(() => '---:').join('|')).join('|')}|---:|`,
  ];
  for (const r of results) {
    // A run stopped by the time cap before a checkpoint shows its best at the cap, marked.
    const cell = (m: Method, l: string) => `${fmt(r.normalised[m]?.[l])}${l !== 'end' && (r.runs[m]?.trials ?? Infinity) < Number(l) ? '*' : ''}`;
    lines.push(`| ${r.dataset}${r.normaliser === 'best-run' ? ' †' : ''} | ${r.metric} | ${labels.map((l) => methods.map((m) => cell(m, l)).join(' | ')).join(' | ')} | ${methods.map((m) => r.runs[m]?.trials ?? '–').join(' / ')} |`);
  }
  lines.push(`| **median** | | ${labels.map((l) => methods.map((m) => `**${fmt(medianOf(results, m, l))}**`).join(' | ')).join(' | ')} | |`);
  lines.push('', '\\* the run reached its time cap (--budget) before this many trials; its best at the cap is shown.', '');
  const pairs: [Method, Method][] = [['knn', 'cold'], ['portfolio', 'cold'], ['portfolio', 'knn'], ['knn', 'knn-ref'], ['portfolio', 'knn-ref']];
  for (const [a, b] of pairs.filter(([a, b]) => methods.includes(a) && methods.includes(b))) {
    lines.push(`${a} vs ${b}: ${labels.map((l) => { const h = headToHead(results, a, b, l); return `@${l} ${h.better}/${h.tie}/${h.worse}`; }).join(', ')} (better / tie / worse)`);
  }
  lines.push('', ...targetChecks(results, defaultMethod, methods, labels));
  return `${lines.join('\n')}\n`;
}

/** The two targets of the issue, for the default method. */
function targetChecks(results: readonly DatasetResult[], defaultMethod: WarmStartMethod, methods: readonly Method[], labels: readonly string[]): string[] {
  const out = [`target checks (default method: ${defaultMethod}):`];
  if (!labels.includes('10')) return [...out, '- not measured: they read the score after 10 trials (--trials ≥ 10)'];
  if (methods.includes(defaultMethod) && methods.includes('cold')) {
    const h = headToHead(results, defaultMethod, 'cold', '10');
    const differ = h.better + h.worse;
    const share = differ === 0 ? NaN : h.better / differ;
    out.push(`- beats cold start at 10 trials on ${h.better} of ${differ} datasets where they differ (${(share * 100).toFixed(0)} %; target ≥ ${TARGET_SHARE * 100} %): ${share >= TARGET_SHARE ? 'MET' : 'NOT MET'}`);
  } else out.push(`- vs cold start: not run (--methods needs cold and ${defaultMethod})`);
  if (methods.includes(defaultMethod) && methods.includes('knn-ref')) {
    for (const l of ['10', 'end']) {
      const own = medianOf(results, defaultMethod, l);
      const ref = medianOf(results, 'knn-ref', l);
      out.push(`- median @${l}: ${fmt(own)} vs ${fmt(ref)} for knn on the reference base: ${own > ref ? 'MET' : 'NOT MET'}`);
    }
  } else out.push('- vs the reference kNN base: not run (--reference-base <dir> adds it)');
  return out;
}

function readResults(path: string): DatasetResult[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as DatasetResult);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      base: { type: 'string', default: join(PACKAGE_ROOT, 'metadata') },
      'reference-base': { type: 'string' },
      datasets: { type: 'string' },
      methods: { type: 'string', default: 'cold,knn,portfolio' },
      'default-method': { type: 'string', default: DEFAULT_WARM_START_METHOD },
      trials: { type: 'string', default: '25' },
      'warm-start': { type: 'string', default: '25' },
      budget: { type: 'string', default: '20' },
      seed: { type: 'string', default: '0' },
      manifest: { type: 'string' },
      corpus: { type: 'string' },
      results: { type: 'string' },
      'report-only': { type: 'boolean', default: false },
    },
  });
  const methods = values.methods.split(',').map((s) => s.trim()).filter((s) => s !== '');
  const unknownMethod = methods.find((m) => !(METHODS as readonly string[]).includes(m));
  if (unknownMethod !== undefined) throw new AutoMLError('BAD_OPTION', `--methods: unknown method ${unknownMethod} (${METHODS.join(', ')})`);
  if (values['reference-base'] !== undefined && !methods.includes('knn-ref')) methods.push('knn-ref');
  if (methods.includes('knn-ref') && values['reference-base'] === undefined) throw new AutoMLError('BAD_OPTION', '--methods knn-ref needs --reference-base <dir>');
  const defaultMethod = values['default-method'];
  if (!isWarmStartMethod(defaultMethod)) throw new AutoMLError('BAD_OPTION', `--default-method must be knn or portfolio, got ${defaultMethod}`);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const settings: Settings = {
    trials: Number(values.trials),
    warmStart: Number(values['warm-start']),
    budget: Number(values.budget),
    seed: Number(values.seed),
    runsDir: join(PACKAGE_ROOT, 'automl-runs', `warmstart-${stamp}`),
    methods: methods as Method[],
    base: resolve(values.base),
    referenceBase: values['reference-base'] === undefined ? undefined : resolve(values['reference-base']),
  };
  if (!Number.isInteger(settings.trials) || settings.trials < 1) throw new AutoMLError('BAD_OPTION', `--trials must be a positive integer, got ${values.trials}`);
  if (!Number.isInteger(settings.warmStart) || settings.warmStart < 1) throw new AutoMLError('BAD_OPTION', `--warm-start must be a positive integer, got ${values['warm-start']}`);
  if (!(settings.budget > 0)) throw new AutoMLError('BAD_OPTION', `--budget must be a positive number of seconds, got ${values.budget}`);
  const datasets = readCorpus(manifestPaths(values.manifest, values.corpus), values.datasets);
  const resultsPath = resolve(values.results ?? join(settings.runsDir, 'results.jsonl'));
  const labels = [...CHECKPOINTS.filter((c) => c < settings.trials).map(String), String(settings.trials), 'end'];
  const done = readResults(resultsPath);
  if (!values['report-only']) {
    const peers = readPeerResults(PEER_RESULTS);
    const todo = datasets.filter((d) => !done.some((r) => r.dataset === d.name));
    process.stderr.write(`bench:warmstart: ${todo.length} datasets to run (${done.length} already in ${resultsPath}), methods ${methods.join(', ')}, base ${settings.base}, ${settings.trials} trials, ≤ ${settings.budget} s per run\n`);
    process.stderr.write(`${LEAVE_OUT_HEADER}\n`);
    mkdirSync(dirname(resultsPath), { recursive: true });
    const started = nowSeconds();
    for (const [i, dataset] of todo.entries()) {
      try {
        const result = await benchDataset(dataset, settings, peers);
        if (result === null) {
          process.stderr.write(`  ${dataset.name}: not in the base, skipped\n`);
          continue;
        }
        appendFileSync(resultsPath, `${JSON.stringify(result)}\n`);
        done.push(result);
        const elapsed = nowSeconds() - started;
        const show = (m: Method) => labels.map((l) => `${l}:${fmt(result.normalised[m]?.[l])}`).join(' ');
        process.stderr.write(`  [${i + 1}/${todo.length}] ${dataset.name}: ${methods.map((m) => `${m} ${show(m as Method)}`).join(' | ')} (${elapsed.toFixed(0)} s so far, ETA ${((elapsed / (i + 1)) * (todo.length - i - 1) / 60).toFixed(0)} min)\n`);
      } catch (error) {
        process.stderr.write(`  ${dataset.name}: FAILED ${errorMessage(error)}\n`);
      }
    }
  }
  const shown = done.filter((r) => datasets.some((d) => d.name === r.dataset));
  process.stdout.write(formatWarmStartReport(shown, labels, settings, defaultMethod));
  const summary: Record<string, Record<string, number>> = {};
  for (const l of labels) summary[l] = Object.fromEntries(METHODS.filter((m) => shown.some((r) => r.runs[m] !== undefined)).map((m) => [m, medianOf(shown, m, l)]));
  process.stdout.write(`\n\`\`\`json\n${JSON.stringify({ datasets: shown.map((r) => r.dataset), median_normalised: summary })}\n\`\`\`\n`);
  process.stderr.write(`results in ${resultsPath}\n`);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  main().catch((error: unknown) => {
    process.stderr.write(`bench:warmstart: ${errorMessage(error)}\n`);
    process.exitCode = 2;
  });
}
