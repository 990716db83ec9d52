/**
 * `npm run bench:predict`: prediction throughput of a saved model. A random-forest model (100
 * trees) is fitted on synthetic 10 000 × 20 data and saved whole and cut to 50 trees; each file is
 * loaded through the predict-only runtime and timed on 100 000 rows, end to end: from typed
 * columns (preprocessing and forest), and from row objects (conversion included).
 *
 * Then `automl predict` itself runs, as a child process, on CSV files of 100 000 and 1 000 000
 * rows (`npm run bench:predict -- 100000,1000000,5000000` for other counts), reporting rows/s and
 * the child's peak RSS: with streamed prediction the RSS should stay flat as the rows grow.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fit } from '../api/fit.ts';
import { loadModel } from '../export/runtime.ts';
import type { Artifact } from '../export/artifact.ts';
import { writeFileAtomic } from '../util/atomic-write.ts';
import { buildSearchSpace } from '../components/registry.ts';
import { Rng } from '../util/rng.ts';

const FEATURES = 20;

function rows(n: number, seed: number): Record<string, number | string>[] {
  const rng = new Rng(seed);
  return Array.from({ length: n }, () => {
    const row: Record<string, number | string> = {};
    let signal = 0;
    for (let j = 0; j < FEATURES; j++) {
      const value = rng.normal();
      row[`x${j}`] = value;
      if (j < 5) signal += value;
    }
    row['y'] = signal + rng.normal() > 0 ? 'pos' : 'neg';
    return row;
  });
}

const space = buildSearchSpace(
  { task: 'binary', nRows: 10_000, nFeatures: FEATURES, nNumeric: FEATURES, nCategorical: 0, nEncoded: FEATURES },
  { classifier: ['random_forest'], rescaling: ['none'], feature_preprocessor: ['no_preprocessing'], balancing: ['none'] },
);
const model = await fit(rows(10_000, 1), { target: 'y', space, maxTrials: 1, ensembleSize: 1, workers: 0, timeBudget: 600 });

/**
 * The same artifact cut to its first `nTrees` trees: a forest's trees are grown independently, so
 * this is a genuine forest of that size (the forest's fixed size of 100 is not a search dimension).
 */
function withTrees(artifact: Artifact, nTrees: number): Artifact {
  const copy = JSON.parse(JSON.stringify(artifact)) as { members: { pipeline: { model: { state: { trees: unknown[]; params: { n_estimators: number } } } } }[] };
  const state = copy.members[0]!.pipeline.model.state;
  state.trees = state.trees.slice(0, nTrees);
  state.params.n_estimators = nTrees;
  return copy as unknown as Artifact;
}

function rate(rowsDone: number, seconds: number): string {
  return `${Math.round(rowsDone / seconds).toLocaleString('en')} rows/s`;
}

const CLI = fileURLToPath(new URL('../cli/bin.js', import.meta.url));
/** Preloaded into the child so that it reports its own peak RSS (in KB) on exit. */
const REPORT_PEAK_RSS = `data:text/javascript,process.on('exit',()=>process.stderr.write('peak-rss-kb '+process.resourceUsage().maxRSS+'\\n'))`;

/** A CSV of `n` rows in the model's input columns, written in blocks to keep the bench's own memory small. */
async function writeCsv(path: string, n: number, seed: number): Promise<void> {
  const out = createWriteStream(path);
  const rng = new Rng(seed);
  const header = Array.from({ length: FEATURES }, (_, j) => `x${j}`).join(',');
  let block = `${header}\n`;
  for (let i = 0; i < n; i++) {
    const cells: string[] = [];
    for (let j = 0; j < FEATURES; j++) cells.push(rng.normal().toFixed(5));
    block += `${cells.join(',')}\n`;
    if (block.length > 1 << 20 || i === n - 1) {
      if (!out.write(block)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      block = '';
    }
  }
  await new Promise<void>((resolve) => out.end(resolve));
}

/** `automl predict` in a child process: wall seconds and peak RSS in MB. */
function timeCliPredict(modelPath: string, csvPath: string, outPath: string): { seconds: number; peakMb: number } {
  const start = performance.now();
  const result = spawnSync(process.execPath, ['--import', REPORT_PEAK_RSS, CLI, 'predict', modelPath, csvPath, '--proba', '--out', outPath], { encoding: 'utf8' });
  const seconds = (performance.now() - start) / 1000;
  if (result.status !== 0) throw new Error(`automl predict failed (${result.status}): ${result.stderr}`);
  const peak = /peak-rss-kb (\d+)/.exec(result.stderr);
  return { seconds, peakMb: peak === null ? NaN : Math.round(Number(peak[1]) / 1024) };
}

const cliRowCounts = (process.argv[2] ?? '100000,1000000').split(',').map(Number);

const dir = mkdtempSync(join(tmpdir(), 'automl-predict-'));
try {
  const input = rows(100_000, 2);
  for (const nTrees of [50, 100]) {
    const path = join(dir, `model-${nTrees}.json`);
    writeFileAtomic(path, JSON.stringify(withTrees(model.toJSON(), nTrees)));
    const loaded = loadModel(path);
    const prepared = loaded.prepare(input).dataset;
    for (let run = 1; run <= 3; run++) {
      // Wall time, and this thread's CPU time (what a shared, loaded machine distorts least).
      let cpu = process.cpuUsage();
      let start = performance.now();
      loaded.predictPrepared(prepared);
      const typed = (performance.now() - start) / 1000;
      const typedCpu = process.cpuUsage(cpu).user / 1e6;
      cpu = process.cpuUsage();
      start = performance.now();
      loaded.predict(input);
      const objects = (performance.now() - start) / 1000;
      const objectsCpu = process.cpuUsage(cpu).user / 1e6;
      process.stdout.write(
        `run ${run}: ${nTrees}-tree forest, 100 000 rows × ${FEATURES}: typed columns ${rate(100_000, typed)} (cpu ${rate(100_000, typedCpu)}), ` +
          `row objects ${rate(100_000, objects)} (cpu ${rate(100_000, objectsCpu)})\n`,
      );
    }
  }
  const modelPath = join(dir, 'model-100.json');
  for (const n of cliRowCounts) {
    const csvPath = join(dir, `rows-${n}.csv`);
    await writeCsv(csvPath, n, 3);
    const { seconds, peakMb } = timeCliPredict(modelPath, csvPath, join(dir, 'predictions.csv'));
    process.stdout.write(`automl predict, 100-tree forest, ${n.toLocaleString('en')} rows from CSV: ${seconds.toFixed(1)} s, ${rate(n, seconds)}, peak RSS ${peakMb} MB\n`);
    rmSync(csvPath);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
