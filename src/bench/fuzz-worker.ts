/**
 * The cases of `npm run bench:fuzz`, run in a worker thread so that the main thread can watch
 * them: before each case the worker writes its reader and seed into a shared heartbeat, and a
 * case that never returns (an endless loop is synchronous, so no timer in this thread could end
 * it) is found and stopped from outside (fuzz.ts).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import { readCsvFile } from '../data/csv.ts';
import { fit } from '../api/fit.ts';
import { buildSearchSpace } from '../components/registry.ts';
import { readManifest } from './manifest.ts';
import { csvHead, fuzzCsvCase, fuzzModelCase, probeRows, runFuzz, type FuzzSummary } from './fuzz-cases.ts';

/** Readers in the order they run; the heartbeat names one by its index. */
export const FUZZ_READERS = ['CSV reader', 'model loader, logistic_regression', 'model loader, random_forest'] as const;

/** Heartbeat slots (Int32Array over a SharedArrayBuffer). */
export const BEAT_READER = 0;
export const BEAT_SEED = 1;
/** 0 while a reader is being prepared (models fitted), 1 while its cases run. */
export const BEAT_RUNNING = 2;
export const BEAT_SLOTS = 3;

export interface FuzzWorkerData {
  readonly cases: number;
  readonly heartbeat: SharedArrayBuffer;
}

export type FuzzWorkerMessage = { readonly kind: 'summary'; readonly reader: string; readonly seconds: number; readonly summary: FuzzSummary } | { readonly kind: 'done' };

async function runAll(data: FuzzWorkerData): Promise<void> {
  const port = parentPort!;
  const beat = new Int32Array(data.heartbeat);
  const phase = (reader: number, running: boolean): void => {
    Atomics.store(beat, BEAT_READER, reader);
    Atomics.store(beat, BEAT_RUNNING, running ? 1 : 0);
  };
  const onCase = (seed: number): void => {
    Atomics.store(beat, BEAT_SEED, seed);
  };
  const report = async (reader: number, run: (seed: number) => ReturnType<typeof fuzzCsvCase> | ReturnType<typeof fuzzModelCase>): Promise<void> => {
    phase(reader, true);
    const start = performance.now();
    const summary = await runFuzz(data.cases, 1, run, onCase);
    const message: FuzzWorkerMessage = { kind: 'summary', reader: FUZZ_READERS[reader]!, seconds: (performance.now() - start) / 1000, summary };
    port.postMessage(message);
  };

  phase(0, false);
  const datasets = readManifest(fileURLToPath(new URL('../../datasets/manifest.json', import.meta.url)));
  const sources = datasets.map((entry) => csvHead(readFileSync(entry.csvPath), 4096));
  await report(0, (seed) => fuzzCsvCase(sources[seed % sources.length]!, seed));

  const iris = await readCsvFile(datasets.find((entry) => entry.name === 'iris')!.csvPath);
  const rows = probeRows(iris.header.filter((name) => name !== 'class'));
  for (const [i, classifier] of (['logistic_regression', 'random_forest'] as const).entries()) {
    phase(i + 1, false);
    const space = buildSearchSpace(
      { task: 'multiclass', nRows: iris.nRows, nFeatures: 4, nNumeric: 4, nCategorical: 0, nEncoded: 4 },
      { classifier: [classifier], feature_preprocessor: ['no_preprocessing'], balancing: ['none'] },
    );
    const model = await fit(iris, { target: 'class', space, maxTrials: 1, ensembleSize: 1, workers: 0, timeBudget: 60 });
    const text = JSON.stringify(model.toJSON());
    await report(i + 1, (seed) => fuzzModelCase(text, rows, seed));
  }
  const done: FuzzWorkerMessage = { kind: 'done' };
  port.postMessage(done);
}

if (parentPort !== null && (workerData as Partial<FuzzWorkerData> | null)?.heartbeat !== undefined) await runAll(workerData as FuzzWorkerData);
