/**
 * Seeded mutation fuzzing of the two readers of untrusted files: the CSV reader and the model
 * loader. Each case mutates a real file, runs the reader (and, for a model that loads, a
 * prediction), and classifies the outcome. The contract under test: every case ends in a result
 * or a typed AutoMLError, promptly; never another exception, a hang or a non-finite output.
 * Used by the fuzz tests (a few thousand cases) and `npx tsx src/bench/fuzz.ts` (many more).
 */
import { readCsvBatches } from '../data/csv.ts';
import { parseCsvText } from '../data/csv.ts';
import type { RawTable } from '../data/raw-table.ts';
import { rawColumnLength } from '../data/raw-column.ts';
import { parseModel } from '../export/model.ts';
import { AutoMLError } from '../util/errors.ts';
import { Rng } from '../util/rng.ts';

export type FuzzOutcome = { readonly kind: 'result' } | { readonly kind: 'typed-error'; readonly code: string } | { readonly kind: 'failure'; readonly detail: string };

/** Bytes a CSV mutation inserts: structure characters, line ends, invalid UTF-8, NUL, BOMs. */
const CSV_INSERTS: readonly (readonly number[])[] = [
  [0x22], [0x2c], [0x3b], [0x09], [0x0a], [0x0d], [0x0d, 0x0a], [0x22, 0x22], [0x00],
  [0xe9], [0xc3], [0xff, 0xfe], [0xef, 0xbb, 0xbf], [0xf0, 0x9f, 0x98, 0x80], [0x20], [0x31, 0x65, 0x33, 0x30, 0x38],
];

function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng.next() * items.length)]!;
}

function randomInt(rng: Rng, below: number): number {
  return Math.floor(rng.next() * below);
}

/** One to four random edits of `source`: inserts, deletions, byte flips, truncation, duplicated spans. */
export function mutateBytes(source: Uint8Array, rng: Rng): Uint8Array {
  let bytes = Array.from(source);
  const edits = 1 + randomInt(rng, 4);
  for (let e = 0; e < edits; e++) {
    const at = randomInt(rng, bytes.length + 1);
    const kind = randomInt(rng, 6);
    if (kind === 0) bytes.splice(at, 0, ...pick(rng, CSV_INSERTS));
    else if (kind === 1) bytes.splice(at, 1 + randomInt(rng, 8));
    else if (kind === 2 && at < bytes.length) bytes[at] = randomInt(rng, 256);
    else if (kind === 3) bytes = bytes.slice(0, at);
    else if (kind === 4) bytes.splice(at, 0, ...bytes.slice(at, at + randomInt(rng, 64)));
    else bytes.splice(at, 0, ...Array.from({ length: randomInt(rng, 6) }, () => pick(rng, CSV_INSERTS)).flat());
  }
  return Uint8Array.from(bytes);
}

/** The bytes in chunks of random sizes, as a stream delivers them. */
async function* randomChunks(bytes: Uint8Array, rng: Rng): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; ) {
    const size = 1 + randomInt(rng, 512);
    yield bytes.subarray(at, at + size);
    at += size;
  }
}

function checkTable(table: RawTable): string | undefined {
  if (table.columns.length !== table.header.length) return `${table.columns.length} columns for ${table.header.length} names`;
  for (const column of table.columns) {
    const length = rawColumnLength(column);
    if (length !== table.nRows) return `a column of ${length} cells in ${table.nRows} rows`;
  }
  return undefined;
}

function classify(error: unknown): FuzzOutcome {
  if (error instanceof AutoMLError) return { kind: 'typed-error', code: error.code };
  return { kind: 'failure', detail: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
}

/** The start of a CSV file, up to `maxBytes`, ending at a line end so that its last row is whole. */
export function csvHead(bytes: Uint8Array, maxBytes: number): Uint8Array {
  if (bytes.length <= maxBytes) return bytes;
  const end = bytes.subarray(0, maxBytes).lastIndexOf(0x0a);
  return bytes.subarray(0, end + 1);
}

/** Reads mutated CSV bytes through the streaming reader, in batches of a few rows. */
export async function fuzzCsvCase(source: Uint8Array, seed: number): Promise<FuzzOutcome> {
  const rng = new Rng(seed);
  const bytes = mutateBytes(source, rng);
  try {
    let rows = 0;
    for await (const batch of readCsvBatches({ bytes: randomChunks(bytes, rng), name: 'fuzz.csv' }, {}, 1 + randomInt(rng, 50))) {
      const problem = checkTable(batch);
      if (problem !== undefined) return { kind: 'failure', detail: problem };
      rows += batch.nRows;
    }
    if (rows === 0) return { kind: 'failure', detail: 'a table without rows was returned' };
    return { kind: 'result' };
  } catch (error) {
    return classify(error);
  }
}

/** Values a model mutation writes into a fitted state. */
const MODEL_VALUES: readonly unknown[] = [
  1.79e308, -1.79e308, 1e150, -1e150, 1e-320, 0, -1, 2 ** 31, 1e9, 0.5, 'NaN', 'Infinity', '-Infinity', 'x', '', null, true, [], {}, [[[]]], [1, 2, 3],
];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every container in the document with the keys (or indices) it holds, for picking an edit site. */
function containers(value: Json, out: { holder: Json[] | { [key: string]: Json }; key: string | number }[]): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      out.push({ holder: value, key: i });
      containers(item, out);
    });
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      out.push({ holder: value, key });
      containers(item, out);
    }
  }
}

/** A structural edit of the parsed model (a value replaced, removed or an array cut), or a text edit. */
export function mutateModelText(text: string, rng: Rng): string {
  if (rng.next() < 0.2) return Buffer.from(mutateBytes(Buffer.from(text, 'utf8'), rng)).toString('utf8');
  const document = JSON.parse(text) as Json;
  const sites: { holder: Json[] | { [key: string]: Json }; key: string | number }[] = [];
  containers(document, sites);
  const edits = 1 + randomInt(rng, 3);
  for (let e = 0; e < edits; e++) {
    const site = pick(rng, sites);
    const kind = randomInt(rng, 4);
    if (Array.isArray(site.holder)) {
      const i = site.key as number;
      if (kind === 0) site.holder.splice(i, 1);
      else if (kind === 1) site.holder.push(structuredClone(site.holder[i] ?? null));
      else site.holder[i] = structuredClone(pick(rng, MODEL_VALUES)) as Json;
    } else {
      const key = site.key as string;
      if (kind === 0) delete site.holder[key];
      else site.holder[key] = structuredClone(pick(rng, MODEL_VALUES)) as Json;
    }
  }
  return JSON.stringify(document);
}

/** Loads a mutated model and, if it loads, predicts `rows`: outputs must be finite. */
export function fuzzModelCase(modelText: string, rows: RawTable, seed: number): FuzzOutcome {
  const rng = new Rng(seed);
  try {
    const model = parseModel(mutateModelText(modelText, rng), 'fuzz-model.json');
    const { dataset } = model.prepare(rows);
    const prediction = model.predictPrepared(dataset);
    const values = prediction.kind === 'classification' ? prediction.proba.data : prediction.values;
    if (!values.every(Number.isFinite)) return { kind: 'failure', detail: 'a non-finite output was returned' };
    return { kind: 'result' };
  } catch (error) {
    return classify(error);
  }
}

/** Rows to predict in model cases: typical values, a missing value, an unseen label, extremes. */
export function probeRows(header: readonly string[]): RawTable {
  const lines = [header.join(','), header.map(() => '1').join(','), header.map((_, j) => (j === 0 ? '' : '0.5')).join(','), header.map(() => 'unseen').join(','), header.map(() => '1e300').join(',')];
  return parseCsvText(`${lines.join('\n')}\n`);
}

export interface FuzzSummary {
  readonly cases: number;
  readonly results: number;
  readonly typedErrors: Readonly<Record<string, number>>;
  readonly failures: readonly string[];
  /** Longest single case, in milliseconds. */
  readonly slowestMs: number;
  /** Seed of that case, to rerun it alone. */
  readonly slowestSeed: number;
}

/** Runs `cases` seeded cases of `run`, timing each; `onCase` hears each seed before it runs. */
export async function runFuzz(
  cases: number,
  firstSeed: number,
  run: (seed: number) => FuzzOutcome | Promise<FuzzOutcome>,
  onCase?: (seed: number) => void,
): Promise<FuzzSummary> {
  let results = 0;
  let slowestMs = 0;
  let slowestSeed = firstSeed;
  const typedErrors: Record<string, number> = {};
  const failures: string[] = [];
  for (let seed = firstSeed; seed < firstSeed + cases; seed++) {
    onCase?.(seed);
    const start = performance.now();
    const outcome = await run(seed);
    const ms = performance.now() - start;
    if (ms > slowestMs) {
      slowestMs = ms;
      slowestSeed = seed;
    }
    if (outcome.kind === 'result') results++;
    else if (outcome.kind === 'typed-error') typedErrors[outcome.code] = (typedErrors[outcome.code] ?? 0) + 1;
    else failures.push(`seed ${seed}: ${outcome.detail}`);
  }
  return { cases, results, typedErrors, failures, slowestMs, slowestSeed };
}
