/**
 * `npx tsx src/bench/optimizer.ts [--part synthetic,overhead,datasets,timed] [--trials n] [--seeds n]
 *   [--datasets a,b] [--dataset-trials n] [--dataset-seeds n] [--trial-timeout s] [--workers n] [--smac json]
 *   [--optimizers random,smac] [--trace file.jsonl] [--timed-budget s]`
 *
 * Compares the SMAC optimiser with random search:
 * - synthetic: the conditional problem of src/search/smac/synthetic-problem.ts (known optimum 0);
 * - overhead:  milliseconds per ask() with 100, 500 and 2000 observations on the classification
 *              CASH space of the component registry;
 * - datasets:  real validation costs on small public datasets (training rows only, holdout);
 *              trials run in a worker thread that is stopped after --trial-timeout seconds
 *              (the trial then counts as a TIMEOUT), so one pathological pipeline cannot
 *              stall the comparison.
 * - timed:     the same real trials, but each run stops once the fit times of its trials add up
 *              to --timed-budget seconds (a TIMEOUT counts its limit), and the optimiser is told
 *              what is left at every ask: best cost reached within a time budget, the measure
 *              that counts for a cost-aware acquisition (smac_ei, smac_eips, smac_fading are
 *              SMAC with each cost_acquisition). Fit times are measured, so the numbers move
 *              with the machine's load; all optimisers share it.
 * Prints markdown tables on stdout and progress on stderr; --trace also writes every trial (which
 * optimiser, seed, how it was proposed, algorithm, status, cost) as JSON lines, for analysis.
 */
import { appendFileSync, writeFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { AskContext, Optimizer } from '../search/optimizer.ts';
import { RandomSearch } from '../search/random-search.ts';
import type { TrialRecord } from '../search/trial.ts';
import { SmacOptimizer, type SmacSettings } from '../search/smac/index.ts';
import { syntheticCost, syntheticSpace, SYNTHETIC_OPTIMUM } from '../search/smac/synthetic-problem.ts';
import type { Configuration, ConfigurationSpace } from '../space/index.ts';
import { algorithmOf, buildSearchSpace, componentContextFor } from '../components/registry.ts';
import { readCsvFile } from '../data/csv.ts';
import { buildTrainingData } from '../data/build.ts';
import { complementRows, selectRawRows } from '../data/raw-rows.ts';
import { buildResampling } from '../search/resampling.ts';
import { evaluateTrial, type EvaluationData } from '../search/evaluate-trial.ts';
import { defaultMetric, getScorer } from '../metrics/scorers.ts';
import { mixSeed, Rng } from '../util/rng.ts';
import { readManifest, readTestRows } from './manifest.ts';
import { rankSum } from './rank-sum.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const DEFAULT_DATASETS = ['breast_cancer', 'glass', 'pima_diabetes2', 'diabetes', 'vowel', 'house_votes84', 'soybean', 'ozone'];

type Factory = (space: ConfigurationSpace, seed: number) => Optimizer;
/** SMAC settings overridden from the command line (--smac '{"random_probability": 0.3}'). */
let smacOptions: Partial<SmacSettings> = {};
const OPTIMIZERS: Record<string, Factory> = {
  random: (space, seed) => new RandomSearch(space, seed),
  smac: (space, seed) => new SmacOptimizer(space, seed, smacOptions),
  smac_ei: (space, seed) => new SmacOptimizer(space, seed, { ...smacOptions, cost_acquisition: 'none' }),
  smac_eips: (space, seed) => new SmacOptimizer(space, seed, { ...smacOptions, cost_acquisition: 'eips' }),
  smac_fading: (space, seed) => new SmacOptimizer(space, seed, { ...smacOptions, cost_acquisition: 'fading' }),
};
/** Optimisers of the comparisons unless --optimizers says otherwise. */
const DEFAULT_COMPARED = ['random', 'smac'];
const DEFAULT_TIMED = ['random', 'smac_ei', 'smac_eips', 'smac_fading'];

interface Outcome {
  readonly cost: number;
  readonly status: TrialRecord['status'];
  /** Seconds the trial's fits took (the limit for a TIMEOUT); 0 where time is not measured. */
  readonly fitSeconds?: number;
}

/** Cost of one trial (Infinity for a failure) with its status. */
type Objective = (config: Configuration, trialSeed: number) => Outcome | Promise<Outcome>;

const log = (message: string): void => void process.stderr.write(`${message}\n`);

function record(id: number, config: Configuration, outcome: Outcome, seed: number): TrialRecord {
  const algorithm = String(config['branch'] ?? algorithmOf(config));
  return { id, config, algorithm, status: outcome.status, cost: outcome.cost, score: null, fitSeconds: outcome.fitSeconds ?? 0, finishedAt: 0, seed };
}

/** The optimisers run (--optimizers); the reach line needs random and smac. */
let compared: string[] = DEFAULT_COMPARED;

/** Where --trace writes one JSON line per trial; null without the option. */
let traceFile: string | null = null;

function trace(problem: string, optimizer: Optimizer, seed: number, trial: TrialRecord, best: number): void {
  if (traceFile === null) return;
  const kind = optimizer instanceof SmacOptimizer ? optimizer.lastProposalKind : 'random';
  const line = { problem, optimizer: optimizer.name, seed, trial: trial.id, kind, algorithm: trial.algorithm, status: trial.status, cost: trial.cost, best, config: trial.config };
  appendFileSync(traceFile, `${JSON.stringify(line)}\n`);
}

/** Best cost so far after each trial of one run. */
async function bestCurve(problem: string, optimizer: Optimizer, objective: Objective, trials: number, seed: number): Promise<number[]> {
  const curve: number[] = [];
  let best = Infinity;
  for (let id = 1; id <= trials; id++) {
    const config = optimizer.ask();
    if (config === null) break;
    const trialSeed = mixSeed(seed, id);
    const outcome = await objective(config, trialSeed);
    const trial = record(id, config, outcome, trialSeed);
    optimizer.tell(trial);
    if (outcome.status === 'SUCCESS' && outcome.cost < best) best = outcome.cost;
    trace(problem, optimizer, seed, trial, best);
    curve.push(best);
  }
  return curve;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Median over seeds of the best cost after each trial. */
function medianCurve(curves: readonly number[][]): number[] {
  const length = Math.min(...curves.map((c) => c.length));
  return Array.from({ length }, (_, t) => median(curves.map((c) => c[t]!)));
}

interface Comparison {
  readonly title: string;
  readonly checkpoints: readonly number[];
  readonly curves: Record<string, number[]>;
  /** Best cost after the last trial, per optimiser and seed. */
  readonly finals: Record<string, number[]>;
}

/**
 * Runs every optimiser with every seed. `objectives` holds one objective per concurrent run
 * (a trial worker each for datasets), so that runs proceed in parallel while each one stays
 * strictly sequential: the curves do not depend on the concurrency, except through trials
 * that finish close to the trial timeout (a wall-clock limit, so load-dependent).
 */
async function compare(title: string, space: ConfigurationSpace, objectives: readonly Objective[], trials: number, seeds: number): Promise<Comparison> {
  const jobs = compared.flatMap((name) => Array.from({ length: seeds }, (_, seed) => ({ name, seed })));
  const runs = new Map<string, number[][]>(compared.map((name) => [name, new Array<number[]>(seeds)]));
  const start = performance.now();
  let next = 0;
  await Promise.all(
    objectives.map(async (objective) => {
      while (next < jobs.length) {
        const { name, seed } = jobs[next++]!;
        runs.get(name)![seed] = await bestCurve(title, OPTIMIZERS[name]!(space, seed), objective, trials, seed);
        log(`  ${title} / ${name} seed ${seed}: done at ${((performance.now() - start) / 1000).toFixed(1)} s`);
      }
    }),
  );
  const curves: Record<string, number[]> = {};
  const finals: Record<string, number[]> = {};
  for (const [name, curvesOfName] of runs) {
    curves[name] = medianCurve(curvesOfName);
    finals[name] = curvesOfName.map((curve) => curve[curve.length - 1] ?? Infinity);
  }
  const checkpoints = [10, 25, 50, 100].filter((t) => t < trials).concat(trials);
  return { title, checkpoints: [...new Set(checkpoints)], curves, finals };
}

function formatComparison(c: Comparison): string {
  const randomCurve = c.curves['random'];
  const smacCurve = c.curves['smac'];
  const lines = [
    `### ${c.title}`,
    '',
    `| optimizer | ${c.checkpoints.map((t) => `best @${t}`).join(' | ')} |`,
    `|---|${c.checkpoints.map(() => '---:').join('|')}|`,
    ...Object.entries(c.curves).map(([name, curve]) => `| ${name} | ${c.checkpoints.map((t) => (curve[t - 1] ?? NaN).toFixed(4)).join(' | ')} |`),
    '',
  ];
  if (randomCurve !== undefined && smacCurve !== undefined) {
    const target = randomCurve[randomCurve.length - 1]!;
    const reach = smacCurve.findIndex((v) => v <= target) + 1;
    const test = rankSum(c.finals['smac']!, c.finals['random']!);
    lines.push(
      `SMAC reaches random search's final median (${target.toFixed(4)}) after ${reach > 0 ? `${reach} of ${randomCurve.length}` : `more than ${smacCurve.length}`} trials.`,
      `Final best costs, seed against seed: SMAC's is the lower in ${(100 * test.probabilityLower).toFixed(0)} % of pairs; rank-sum p = ${test.pValue.toFixed(2)}.`,
      '',
    );
  }
  return lines.join('\n');
}

async function syntheticPart(trials: number, seeds: number): Promise<string> {
  log(`synthetic conditional problem (optimum ${SYNTHETIC_OPTIMUM})`);
  const objective: Objective = (config) => ({ cost: syntheticCost(config), status: 'SUCCESS' });
  const c = await compare(`Synthetic conditional problem: median best cost over ${seeds} seeds (optimum ${SYNTHETIC_OPTIMUM})`, syntheticSpace(), [objective], trials, seeds);
  return formatComparison(c);
}

interface DatasetProblem {
  readonly data: EvaluationData;
  readonly task: string;
  readonly metric: string;
  readonly rows: number;
}

/** The training rows of a manifest dataset, split once into a fixed holdout. */
async function loadProblem(name: string): Promise<DatasetProblem> {
  const entry = readManifest(join(ROOT, 'datasets/manifest.json')).find((d) => d.name === name);
  if (entry === undefined) throw new Error(`unknown dataset ${name}`);
  const raw = await readCsvFile(entry.csvPath);
  const train = selectRawRows(raw, complementRows(raw.nRows, readTestRows(entry.splitPath)));
  const labelled = buildTrainingData(train, { target: entry.target, task: entry.task, columnTypes: entry.columnTypes });
  const scorer = getScorer(defaultMetric(labelled.task), labelled.task);
  // Holdout keeps a trial to one fit, so that the whole comparison fits in a few minutes.
  const resampling = buildResampling(labelled.features, labelled.target, { strategy: 'holdout', folds: 5, holdoutFraction: 0.33, seed: 1 });
  const data = { resampling, scorer, context: componentContextFor(resampling.folds[0]!.train.features, labelled.task) };
  const metric = scorer.greaterIsBetter ? `1 − ${scorer.name}` : scorer.name;
  return { data, task: labelled.task, metric, rows: labelled.features.nRows };
}

/**
 * A worker does not inherit the TypeScript loader registered in this thread, so its entry point
 * registers the loader first and then imports this file, which runs serveTrials() there.
 */
const WORKER_BOOTSTRAP = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
  .then((tsx) => tsx.register())
  .then(() => import(${JSON.stringify(import.meta.url)}));`;

/** Evaluates trials of one dataset in a worker thread, replaced whenever a trial overruns. */
class TrialWorker {
  private worker: Worker | null = null;
  /** Settles once the current worker has loaded its dataset, which does not count as trial time. */
  private ready: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly dataset: string,
    private readonly timeoutMs: number,
  ) {}

  async evaluate(config: Configuration, seed: number): Promise<Outcome> {
    const worker = this.worker ?? this.start();
    await this.ready;
    // Only this call's own listeners are removed afterwards: removeAllListeners() would also
    // drop the ones the Worker class relies on to deliver messages.
    let onMessage: ((outcome: Outcome) => void) | undefined;
    let onError: ((error: Error) => void) | undefined;
    let timer: NodeJS.Timeout | undefined;
    const outcome = await new Promise<Outcome>((done, fail) => {
      onMessage = done;
      onError = fail;
      worker.on('message', onMessage);
      worker.on('error', onError);
      timer = setTimeout(() => done({ cost: Infinity, status: 'TIMEOUT', fitSeconds: this.timeoutMs / 1000 }), this.timeoutMs);
      worker.postMessage({ config, seed });
    }).finally(() => {
      clearTimeout(timer);
      worker.off('message', onMessage!);
      worker.off('error', onError!);
    });
    if (outcome.status === 'TIMEOUT') await this.close();
    return outcome;
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker !== null) await worker.terminate();
  }

  private start(): Worker {
    const worker = new Worker(WORKER_BOOTSTRAP, { eval: true, workerData: { dataset: this.dataset } });
    this.ready = new Promise((done, fail) => {
      worker.once('message', done);
      worker.once('error', fail);
    });
    this.worker = worker;
    return worker;
  }
}

/** Worker side of TrialWorker: loads the dataset once, then evaluates what it is sent. */
async function serveTrials(): Promise<void> {
  const problem = await loadProblem((workerData as { dataset: string }).dataset);
  parentPort!.postMessage('ready');
  parentPort!.on('message', ({ config, seed }: { config: Configuration; seed: number }) => {
    const outcome = evaluateTrial(config, problem.data, seed);
    parentPort!.postMessage({ cost: outcome.cost, status: outcome.status, fitSeconds: outcome.fitSeconds });
  });
}

async function datasetPart(names: readonly string[], trials: number, seeds: number, timeoutSeconds: number, workers: number): Promise<string> {
  const out: string[] = [];
  for (const name of names) {
    const problem = await loadProblem(name);
    log(`dataset ${name}: ${problem.rows} training rows, cost ${problem.metric}`);
    const pool = Array.from({ length: workers }, () => new TrialWorker(name, timeoutSeconds * 1000));
    const objectives = pool.map((worker): Objective => (config, seed) => worker.evaluate(config, seed));
    const title = `${name} (${problem.task}, cost = ${problem.metric}, median of ${seeds} seeds)`;
    try {
      out.push(formatComparison(await compare(title, buildSearchSpace(problem.data.context), objectives, trials, seeds)));
    } finally {
      await Promise.all(pool.map((worker) => worker.close()));
    }
  }
  return out.join('\n');
}

/**
 * Best cost after each trial of one run that stops once its trials' fit times add up to
 * `budgetSeconds`, with the time each best was reached; the optimiser is told what is left.
 */
async function timedRun(optimizer: Optimizer, objective: Objective, budgetSeconds: number, trialTimeout: number, seed: number): Promise<{ at: number[]; best: number[] }> {
  const at: number[] = [];
  const best: number[] = [];
  let spent = 0;
  let bestCost = Infinity;
  for (let id = 1; spent < budgetSeconds; id++) {
    const remaining = budgetSeconds - spent;
    const context: AskContext = { budgetSeconds, remainingSeconds: remaining, trialSeconds: Math.min(trialTimeout, remaining) };
    const config = optimizer.ask(context);
    if (config === null) break;
    const trialSeed = mixSeed(seed, id);
    const outcome = await objective(config, trialSeed);
    const trial = record(id, config, outcome, trialSeed);
    optimizer.tell(trial);
    spent += Math.min(trial.fitSeconds, remaining);
    if (outcome.status === 'SUCCESS' && outcome.cost < bestCost) bestCost = outcome.cost;
    at.push(spent);
    best.push(bestCost);
  }
  return { at, best };
}

/** Best cost reached by `seconds` into a timed run. */
function bestBy(run: { at: number[]; best: number[] }, seconds: number): number {
  let value = Infinity;
  for (let i = 0; i < run.at.length && run.at[i]! <= seconds; i++) value = run.best[i]!;
  return value;
}

async function timedPart(names: readonly string[], budgetSeconds: number, seeds: number, timeoutSeconds: number, workers: number): Promise<string> {
  const fractions = [1 / 3, 2 / 3, 1];
  const header = `| dataset | optimizer | ${fractions.map((f) => `best @${(f * budgetSeconds).toFixed(0)} s`).join(' | ')} | trials | mean rank at the end |`;
  const lines = [`### Best cost within ${budgetSeconds} s of measured fit time (median of ${seeds} seeds)`, '', header, `|---|---|${fractions.map(() => '---:').join('|')}|---:|---:|`];
  const rankTotals = new Map<string, number>(compared.map((name) => [name, 0]));
  let rankCount = 0;
  for (const name of names) {
    const problem = await loadProblem(name);
    log(`timed ${name}: ${problem.rows} training rows, cost ${problem.metric}`);
    const pool = Array.from({ length: workers }, () => new TrialWorker(name, timeoutSeconds * 1000));
    const space = buildSearchSpace(problem.data.context);
    const runs = new Map<string, { at: number[]; best: number[] }[]>(compared.map((o) => [o, []]));
    const jobs = compared.flatMap((o) => Array.from({ length: seeds }, (_, seed) => ({ o, seed })));
    let next = 0;
    try {
      await Promise.all(
        pool.map(async (worker) => {
          while (next < jobs.length) {
            const { o, seed } = jobs[next++]!;
            runs.get(o)![seed] = await timedRun(OPTIMIZERS[o]!(space, seed), (config, s) => worker.evaluate(config, s), budgetSeconds, timeoutSeconds, seed);
            log(`  ${name} / ${o} seed ${seed}: ${runs.get(o)![seed]!.at.length} trials`);
          }
        }),
      );
    } finally {
      await Promise.all(pool.map((worker) => worker.close()));
    }
    for (const o of compared) {
      const of = runs.get(o)!;
      const cells = fractions.map((f) => median(of.map((run) => bestBy(run, f * budgetSeconds))).toFixed(4));
      lines.push(`| ${name} | ${o} | ${cells.join(' | ')} | ${median(of.map((run) => run.at.length))} | |`);
    }
    // Rank of each optimiser's final best cost within each seed (ties share the mean rank).
    for (let seed = 0; seed < seeds; seed++) {
      const finals = compared.map((o) => bestBy(runs.get(o)![seed]!, budgetSeconds));
      compared.forEach((o, i) => {
        const below = finals.filter((v) => v < finals[i]!).length;
        const equal = finals.filter((v) => v === finals[i]!).length;
        rankTotals.set(o, rankTotals.get(o)! + below + (equal + 1) / 2);
      });
      rankCount++;
    }
  }
  lines.push(...compared.map((o) => `| all | ${o} | ${fractions.map(() => '').join(' | ')} | | ${(rankTotals.get(o)! / Math.max(1, rankCount)).toFixed(2)} |`), '');
  return lines.join('\n');
}

/**
 * Milliseconds per ask() after `count` observations of a made-up cost on the registry's CASH
 * space; each timed ask follows a tell, so it includes the surrogate refit a real search pays.
 */
function overheadPart(counts: readonly number[], asksPerCount: number): string {
  const space = buildSearchSpace({ task: 'multiclass', nRows: 1000, nFeatures: 20, nNumeric: 15, nCategorical: 5, nEncoded: 30 });
  const rng = new Rng(7);
  const cost = (config: Configuration): number => {
    const values = Object.values(config).map((v) => (typeof v === 'number' ? Math.log1p(Math.abs(v)) : String(v).length / 10));
    return rng.next() < 0.05 ? Infinity : values.reduce((a, b) => a + Math.sin(b), 0) ** 2 / values.length;
  };
  const lines = [`### ask() overhead (${space.size}-dimension CASH space, median of ${asksPerCount} asks)`, '', '| observations | wall ms/ask | CPU ms/ask | of which surrogate fit | of which EI maximisation |', '|---:|---:|---:|---:|---:|'];
  for (const count of counts) {
    // No random challengers and no initial design: every timed ask is a model proposal.
    const smac = new SmacOptimizer(space, 1, { random_probability: 0, n_initial_random: 0 });
    const tell = (id: number, config: Configuration): void => {
      const c = cost(config);
      smac.tell(record(id, config, { cost: c, status: Number.isFinite(c) ? 'SUCCESS' : 'CRASHED' }, id));
    };
    space.sample(rng, count).forEach((config, i) => tell(i + 1, config));
    const wall: number[] = [];
    const cpu: number[] = [];
    const fit: number[] = [];
    const acquisition: number[] = [];
    for (let i = 0; i < asksPerCount; i++) {
      const startCpu = process.cpuUsage();
      const start = performance.now();
      const config = smac.ask();
      wall.push(performance.now() - start);
      const used = process.cpuUsage(startCpu);
      cpu.push((used.user + used.system) / 1000);
      if (config === null) throw new Error('optimizer exhausted');
      fit.push(smac.lastModelTiming.fitMs);
      acquisition.push(smac.lastModelTiming.acquisitionMs);
      tell(count + i + 1, config);
    }
    lines.push(`| ${count} | ${median(wall).toFixed(1)} | ${median(cpu).toFixed(1)} | ${median(fit).toFixed(1)} | ${median(acquisition).toFixed(1)} |`);
    log(`  overhead at ${count} observations: ${median(wall).toFixed(1)} ms wall, ${median(cpu).toFixed(1)} ms CPU`);
  }
  return `${lines.join('\n')}\n`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      part: { type: 'string', default: 'synthetic,overhead,datasets' },
      trials: { type: 'string', default: '100' },
      seeds: { type: 'string', default: '10' },
      datasets: { type: 'string', default: DEFAULT_DATASETS.join(',') },
      'dataset-trials': { type: 'string', default: '30' },
      'dataset-seeds': { type: 'string', default: '10' },
      'trial-timeout': { type: 'string', default: '5' },
      workers: { type: 'string', default: '2' },
      smac: { type: 'string', default: '{}' },
      trace: { type: 'string' },
      optimizers: { type: 'string' },
      'timed-budget': { type: 'string', default: '20' },
    },
  });
  compared = values.optimizers?.split(',') ?? (values.part === 'timed' ? DEFAULT_TIMED : DEFAULT_COMPARED);
  const unknown = compared.filter((name) => OPTIMIZERS[name] === undefined);
  if (unknown.length > 0) throw new Error(`unknown optimizer ${unknown.join(', ')}: expected ${Object.keys(OPTIMIZERS).join(', ')}`);
  if (values.trace !== undefined) {
    traceFile = resolve(values.trace);
    writeFileSync(traceFile, '');
  }
  smacOptions = JSON.parse(values.smac) as Partial<SmacSettings>;
  const parts = new Set(values.part.split(','));
  const sections: string[] = [];
  if (parts.has('synthetic')) sections.push(await syntheticPart(Number(values.trials), Number(values.seeds)));
  if (parts.has('overhead')) sections.push(overheadPart([100, 500, 2000], 15));
  if (parts.has('datasets')) {
    const [trials, seeds, timeout, workers] = [values['dataset-trials'], values['dataset-seeds'], values['trial-timeout'], values.workers].map(Number) as [number, number, number, number];
    sections.push(await datasetPart(values.datasets.split(','), trials, seeds, timeout, workers));
  }
  if (parts.has('timed')) {
    const [budget, seeds, timeout, workers] = [values['timed-budget'], values['dataset-seeds'], values['trial-timeout'], values.workers].map(Number) as [number, number, number, number];
    sections.push(await timedPart(values.datasets.split(','), budget, seeds, timeout, workers));
  }
  process.stdout.write(`${sections.join('\n')}\n`);
}

if (isMainThread) await main();
else await serveTrials();
