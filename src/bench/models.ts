/**
 * `npm run bench:models -- [--datasets a,b] [--models x,y] [--manifest path] [--no-synthetic]
 *  [--synthetic-only] [--seed n]`
 *
 * A benchmark, not a test. Every model of the registry with its default hyperparameters, behind
 * the default preprocessing (imputation, one-hot encoding, standard scaling; min-max scaling for
 * multinomial naive Bayes, which needs non-negative inputs), is fitted on each dataset's fixed
 * training rows and scored on its fixed test rows. The markdown table gives fit and predict
 * seconds and the test score (balanced accuracy, or R² for regression) beside the
 * scikit-learn peer's random forest and histogram gradient boosting on the same rows.
 * Then synthetic timings: random forest with 100 trees on 10 000 × 20, XGBoost 100 rounds on the
 * same data with each engine, and our own histogram gradient boosting with 100 iterations.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readCsvFile } from '../data/csv.ts';
import { complementRows, selectRawRows } from '../data/raw-rows.ts';
import { buildTrainingData } from '../data/build.ts';
import { applySchema } from '../data/apply-schema.ts';
import { categoryOf, parseNumericCell } from '../data/cell.ts';
import type { RawTable } from '../data/raw-table.ts';
import { columnTexts } from '../data/raw-column.ts';
import { takeRows, type Task } from '../data/dataset.ts';
import type { Truth } from '../metrics/prediction.ts';
import { scoreAll } from '../api/evaluate.ts';
import { buildSearchSpace, componentContextFor, instantiatePipeline } from '../components/registry.ts';
import { selectBackend } from '../components/backend/index.ts';
import { prepareXgboost, xgboostEngineStatus, XgboostClassifier } from '../components/models/xgboost/index.ts';
import { RandomForestClassifier } from '../components/models/tree/index.ts';
import { HistGradientBoostingClassifier } from '../components/models/boosting/index.ts';
import type { FeatureMatrix } from '../components/matrix.ts';
import { CategoricalHyperparameter } from '../space/index.ts';
import { errorMessage } from '../util/errors.ts';
import { Rng } from '../util/rng.ts';
import { readManifest, readTestRows, type ManifestDataset } from './manifest.ts';
import { readPeerResults } from './peer.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SHARED_MANIFEST = resolve(ROOT, '../shared/datasets/manifest.json');
const LOCAL_MANIFEST = join(ROOT, 'datasets/manifest.json');
const PEER_RESULTS = resolve(ROOT, '../shared/bench/peer-results-public.jsonl');
/** Two binary, two multiclass, two regression datasets (one with categorical columns each). */
const DEFAULT_DATASETS = ['breast_cancer', 'german_credit', 'vowel', 'digits', 'diabetes', 'sacramento'];

interface ModelResult {
  readonly dataset: string;
  readonly model: string;
  readonly fitSeconds: number;
  readonly predictSeconds: number;
  /** Balanced accuracy or R² on the test rows; null when the fit failed. */
  readonly score: number | null;
  readonly error?: string;
}

function seconds(start: number): number {
  return (performance.now() - start) / 1000;
}

function truthOf(raw: RawTable, target: string, task: Task, classes: readonly string[] | null): { truth: Truth; rows: number[] } {
  const cells = columnTexts(raw.columns[raw.header.indexOf(target)]!);
  const rows: number[] = [];
  if (task === 'regression' || classes === null) {
    const values: number[] = [];
    cells.forEach((cell, i) => {
      const v = parseNumericCell(cell);
      if (!Number.isNaN(v)) {
        rows.push(i);
        values.push(v);
      }
    });
    return { truth: { kind: 'regression', values: Float64Array.from(values) }, rows };
  }
  const index = new Map(classes.map((c, k) => [c, k]));
  const codes: number[] = [];
  cells.forEach((cell, i) => {
    const code = index.get(categoryOf(cell));
    if (code !== undefined) {
      rows.push(i);
      codes.push(code);
    }
  });
  return { truth: { kind: 'classification', codes: Int32Array.from(codes), nClasses: classes.length }, rows };
}

async function benchDataset(dataset: ManifestDataset, models: readonly string[] | undefined, seed: number): Promise<ModelResult[]> {
  const raw = await readCsvFile(dataset.csvPath);
  const testRows = readTestRows(dataset.splitPath);
  const trainRaw = selectRawRows(raw, complementRows(raw.nRows, testRows));
  const testRaw = selectRawRows(raw, testRows);
  const labelled = buildTrainingData(trainRaw, { target: dataset.target, task: dataset.task, columnTypes: dataset.columnTypes });
  const classes = labelled.target.kind === 'classification' ? labelled.target.classes : null;
  const { truth, rows } = truthOf(testRaw, dataset.target, labelled.task, classes);
  const testData = takeRows(applySchema(testRaw, labelled.schema).dataset, rows);
  const context = componentContextFor(labelled.features, labelled.task);
  const slot = labelled.task === 'regression' ? 'regressor' : 'classifier';
  const choice = buildSearchSpace(context).get(`${slot}:__choice__`);
  const available = choice instanceof CategoricalHyperparameter ? choice.choices.map(String) : [];
  const results: ModelResult[] = [];
  for (const model of available.filter((m) => models === undefined || models.includes(m))) {
    const restriction = { [slot]: [model], feature_preprocessor: ['no_preprocessing'], rescaling: [model === 'multinomial_nb' ? 'minmax' : 'standard'], balancing: ['none'] };
    try {
      const config = buildSearchSpace(context, restriction).defaultConfiguration();
      const { pipeline } = instantiatePipeline(config, context, seed);
      let start = performance.now();
      pipeline.fit(labelled.features, labelled.target);
      const fitSeconds = seconds(start);
      start = performance.now();
      const prediction = pipeline.predict(testData);
      const predictSeconds = seconds(start);
      const metrics = scoreAll(labelled.task, truth, prediction);
      const score = labelled.task === 'regression' ? metrics['r2']! : metrics['balanced_accuracy']!;
      results.push({ dataset: dataset.name, model, fitSeconds, predictSeconds, score });
      process.stderr.write(`  ${dataset.name} ${model}: ${score.toFixed(4)} (fit ${fitSeconds.toFixed(2)} s)\n`);
    } catch (error) {
      results.push({ dataset: dataset.name, model, fitSeconds: 0, predictSeconds: 0, score: null, error: errorMessage(error) });
      process.stderr.write(`  ${dataset.name} ${model}: FAILED ${errorMessage(error)}\n`);
    }
  }
  return results;
}

function formatTable(datasets: readonly ManifestDataset[], results: readonly ModelResult[]): string {
  const peers = readPeerResults(PEER_RESULTS);
  const lines: string[] = [];
  for (const dataset of datasets) {
    const metric = dataset.task === 'regression' ? 'r2' : 'balanced_accuracy';
    const peer = peers.get(dataset.name);
    const peerScore = (method: string) => {
      const value = peer?.get(method)?.metrics[metric];
      return value === undefined ? 'n/a' : value.toFixed(4);
    };
    const peerFit = (method: string) => {
      const line = peer?.get(method) as { fit_seconds?: number } | undefined;
      return line?.fit_seconds === undefined ? '' : ` (${line.fit_seconds.toFixed(2)} s)`;
    };
    lines.push(`### ${dataset.name} (${dataset.task}, test ${metric === 'r2' ? 'R²' : 'balanced accuracy'}; peer rf ${peerScore('rf')}${peerFit('rf')}, peer hgb ${peerScore('hgb')}${peerFit('hgb')})`, '');
    lines.push('| model | fit s | predict s | test score | vs peer rf | vs peer hgb |', '|---|---:|---:|---:|---:|---:|');
    const rf = peer?.get('rf')?.metrics[metric];
    const hgb = peer?.get('hgb')?.metrics[metric];
    const delta = (ours: number | null, theirs: number | undefined) => (ours === null || theirs === undefined ? '' : `${ours - theirs >= 0 ? '+' : ''}${(ours - theirs).toFixed(4)}`);
    for (const r of results.filter((x) => x.dataset === dataset.name).sort((a, b) => (b.score ?? -Infinity) - (a.score ?? -Infinity))) {
      const score = r.score === null ? `failed: ${r.error ?? ''}` : r.score.toFixed(4);
      lines.push(`| ${r.model} | ${r.fitSeconds.toFixed(3)} | ${r.predictSeconds.toFixed(3)} | ${score} | ${delta(r.score, rf)} | ${delta(r.score, hgb)} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

/** 10 000 × 20 Gaussian features, a binary label from a noisy non-linear rule. */
function syntheticData(): { x: FeatureMatrix; y: Int32Array } {
  const rng = new Rng(20);
  const n = 10_000;
  const columns = Array.from({ length: 20 }, () => Float64Array.from({ length: n }, () => rng.normal()));
  const y = Int32Array.from({ length: n }, (_, i) => (columns[0]![i]! + columns[1]![i]! * columns[2]![i]! - 0.5 * columns[3]![i]! ** 2 + 0.5 * rng.normal() > -0.5 ? 1 : 0));
  return { x: { nRows: n, columns }, y };
}

async function syntheticTimings(): Promise<string> {
  const { x, y } = syntheticData();
  const rows: string[] = ['| model (10 000 × 20, binary) | fit s | training accuracy |', '|---|---:|---:|'];
  const accuracy = (proba: { nRows: number; data: Float64Array }) => {
    let hit = 0;
    for (let i = 0; i < proba.nRows; i++) if ((proba.data[2 * i + 1]! > 0.5 ? 1 : 0) === y[i]) hit++;
    return (hit / proba.nRows).toFixed(4);
  };
  /** `fit` trains and returns the predictor; only the training is timed. */
  const time = (name: string, fit: () => () => { nRows: number; data: Float64Array }) => {
    try {
      const start = performance.now();
      const predict = fit();
      const fitSeconds = seconds(start);
      rows.push(`| ${name} | ${fitSeconds.toFixed(2)} | ${accuracy(predict())} |`);
    } catch (error) {
      rows.push(`| ${name} | failed: ${errorMessage(error)} | |`);
    }
    process.stderr.write(`  synthetic ${rows.at(-1)}\n`);
  };
  time('random forest, 100 trees (own CART)', () => {
    const m = new RandomForestClassifier({ n_estimators: 100, seed: 1 });
    m.fit(x, y, 2);
    return () => m.predictProba(x);
  });
  const status = await xgboostEngineStatus();
  for (const engine of status.engines) {
    if (!engine.available) {
      rows.push(`| XGBoost ${engine.name}, 100 rounds, depth 6 | unavailable: ${engine.detail} | |`);
      continue;
    }
    await prepareXgboost(engine.name);
    time(`XGBoost ${engine.name} (${engine.detail}), 100 rounds, depth 6`, () => {
      const m = new XgboostClassifier({ engine: engine.name, n_estimators: 100, max_depth: 6, seed: 1 });
      m.fit(x, y, 2);
      return () => m.predictProba(x);
    });
  }
  time('own histogram gradient boosting, 100 iterations, 31 leaves, no early stopping', () => {
    const m = new HistGradientBoostingClassifier({ max_iter: 100, early_stopping: false, seed: 1 });
    m.fit(x, y, 2);
    return () => m.predictProba(x);
  });
  return rows.join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      datasets: { type: 'string' },
      models: { type: 'string' },
      manifest: { type: 'string' },
      seed: { type: 'string', default: '0' },
      'no-synthetic': { type: 'boolean', default: false },
      'synthetic-only': { type: 'boolean', default: false },
    },
  });
  const manifestPath = values.manifest ?? (existsSync(SHARED_MANIFEST) ? SHARED_MANIFEST : LOCAL_MANIFEST);
  const all = readManifest(manifestPath);
  const wanted = (values.datasets?.split(',') ?? DEFAULT_DATASETS).map((s) => s.trim());
  const unknown = wanted.filter((name) => !all.some((d) => d.name === name));
  if (unknown.length > 0) throw new Error(`unknown datasets: ${unknown.join(', ')} (known: ${all.map((d) => d.name).join(', ')})`);
  const datasets = all.filter((d) => wanted.includes(d.name));
  const models = values.models?.split(',').map((s) => s.trim());
  // Networks train on the fastest backend present, as in a search.
  const backend = await selectBackend('auto');
  const xgboost = await xgboostEngineStatus();
  await prepareXgboost();
  const header = [
    `# Model benchmark (${new Date().toISOString()})`,
    '',
    `Default hyperparameters, seed ${values.seed}; fixed test rows from ${manifestPath}. Tensor backend: ${backend.name}; XGBoost engine: ${xgboost.auto}.`,
    '',
  ];
  process.stdout.write(`${header.join('\n')}\n`);
  if (!values['synthetic-only']) {
    const results: ModelResult[] = [];
    for (const dataset of datasets) {
      process.stderr.write(`${dataset.name}\n`);
      results.push(...(await benchDataset(dataset, models, Number(values.seed))));
    }
    process.stdout.write(`${formatTable(datasets, results)}\n`);
  }
  if (!values['no-synthetic']) {
    process.stdout.write(`## Synthetic timings (single thread)\n\n${await syntheticTimings()}\n`);
  }
}

await main();
