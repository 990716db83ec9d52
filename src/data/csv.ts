/**
 * CSV input: a file or byte stream (stdin) read in chunks of whole records, or text already in
 * memory. Each chunk is decoded (csv-decode.ts), cut at record ends (csv-chunks.ts) and parsed
 * by papaparse on its own, so reading stays linear in the input. Fields keep their text (a column
 * of numbers is held as numbers that give back each text, csv-collector.ts); types are inferred
 * later from whole columns, which papaparse's per-cell dynamic typing cannot do (it would turn
 * "007" into 7 and "NA" into a string in the same column).
 */

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import Papa from 'papaparse';
import { AutoMLError, errorMessage } from '../util/errors.ts';
import { recordAlignedChunks } from './csv-chunks.ts';
import { CsvRowCollector, type QuoteProblem } from './csv-collector.ts';
import { decodeCsvBytes, parseCsvEncoding } from './csv-decode.ts';
import { detectDelimiter } from './csv-delimiter.ts';
import type { RawTable } from './raw-table.ts';

export interface CsvOptions {
  /** Field delimiter; detected among ',', ';' and tab when absent. "tab" and "\t" mean a tab. */
  readonly delimiter?: string;
  /** Text encoding of a file or byte stream: utf-8 (the default, read strictly) or latin1. */
  readonly encoding?: string;
}

export interface CsvTextOptions extends CsvOptions {
  /** Name of the input in error messages, e.g. "stdin". */
  readonly source?: string;
}

/** A CSV file by path, or a byte stream (standard input) with the name errors should give it. */
export type CsvInput = string | { readonly bytes: AsyncIterable<Uint8Array>; readonly name: string };

/**
 * Read size per chunk. On a 100k × 20 numeric file, chunks of 64 KB to 256 KB took less CPU than
 * chunks of 1 MB and more.
 */
const READ_CHUNK_BYTES = 256 * 1024;

export async function readCsvFile(path: string, options: CsvOptions = {}): Promise<RawTable> {
  return readCsvInput(path, options);
}

/** The whole CSV of a file or byte stream as one table. */
export async function readCsvInput(input: CsvInput, options: CsvOptions = {}): Promise<RawTable> {
  let table: RawTable | undefined;
  for await (const batch of readCsvBatches(input, options, Number.POSITIVE_INFINITY)) table = batch;
  if (table === undefined) throw new AutoMLError('INTERNAL', 'the CSV reader ended without a table');
  return table;
}

/**
 * Reads a CSV in batches of at least `batchRows` rows (the last batch may be smaller), so a caller
 * that processes batch by batch holds only one batch of the input at a time. Every batch has the
 * full header. Input that is empty or has no data row fails as a whole-file read does.
 */
export async function* readCsvBatches(input: CsvInput, options: CsvOptions = {}, batchRows = 16_384): AsyncGenerator<RawTable> {
  const fixedDelimiter = normalizeDelimiter(options.delimiter);
  const encoding = parseCsvEncoding(options.encoding);
  const where = typeof input === 'string' ? input : input.name;
  if (typeof input === 'string') await checkReadableFile(input);
  const bytes = typeof input === 'string' ? createReadStream(input, { highWaterMark: READ_CHUNK_BYTES }) : input.bytes;
  let collector: CsvRowCollector | undefined;
  // Whether the text of the rows not yet handed over held a quote (so fields may hold line breaks).
  let quotedText = false;
  let newline: string | undefined;
  try {
    for await (const text of recordAlignedChunks(decodeCsvBytes(bytes, encoding, where))) {
      let chunk = text;
      if (collector === undefined) {
        chunk = stripBom(chunk);
        collector = new CsvRowCollector(where, fixedDelimiter ?? detectDelimiter(chunk));
      }
      newline = addChunk(collector, chunk, newline);
      quotedText ||= chunk.includes('"');
      if (collector.pendingRows >= batchRows) {
        yield collector.takeRows(quotedText);
        quotedText = false;
      }
    }
  } catch (error) {
    if (error instanceof AutoMLError) throw error;
    // V8 strings stop at 2^29 − 24 characters (about 512 MB): a record longer than that cannot be held.
    if (error instanceof RangeError) {
      throw new AutoMLError('BAD_INPUT', `${where}: a record is longer than the 512 MB of text a single record may hold`, {
        hint: 'check that every quoted field is closed; split or shorten very long fields',
        cause: error,
      });
    }
    throw readFailure(where, error);
  }
  yield (collector ?? new CsvRowCollector(where, ',')).finish();
}

/**
 * Parses a chunk of whole records (see csv-chunks.ts) into the collector. Returns the line break
 * papaparse found (guessed on the first chunk, then given for the rest, so that a chunk with a
 * stray '\r' is not read with other line ends than the file).
 */
function addChunk(collector: CsvRowCollector, chunk: string, newline: string | undefined): string {
  const results = Papa.parse<string[]>(chunk, { delimiter: collector.delimiter, newline: asLineBreak(newline) });
  const records = results.data;
  // A chunk ends with its last record's '\n', after which papaparse reports one more, empty record;
  // it is not a line of the file.
  const last = records[records.length - 1];
  if (chunk.endsWith('\n') && last !== undefined && last.length === 1 && last[0] === '') records.pop();
  const problem = firstQuoteProblem(results.errors);
  if (problem !== undefined) collector.throwQuoteProblem(records, problem);
  collector.add(records);
  return results.meta.linebreak;
}

export function parseCsvText(text: string, options: CsvTextOptions = {}): RawTable {
  const source = options.source ?? 'input';
  const content = stripBom(text);
  const delimiter = normalizeDelimiter(options.delimiter) ?? detectDelimiter(content);
  const collector = new CsvRowCollector(source, delimiter);
  const results = Papa.parse<string[]>(content, { delimiter });
  const problem = firstQuoteProblem(results.errors);
  if (problem !== undefined) collector.throwQuoteProblem(results.data, problem);
  collector.add(results.data);
  return collector.finish();
}

/** papaparse's own line-break type; undefined lets it guess. */
function asLineBreak(newline: string | undefined): '\r' | '\n' | '\r\n' | undefined {
  return newline === '\r' || newline === '\n' || newline === '\r\n' ? newline : undefined;
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function firstQuoteProblem(errors: readonly Papa.ParseError[]): QuoteProblem | undefined {
  for (const error of errors) {
    if (error.type === 'Quotes') return { code: error.code, row: error.row ?? 0 };
  }
  return undefined;
}

function normalizeDelimiter(delimiter: string | undefined): string | undefined {
  if (delimiter === undefined) return undefined;
  if (delimiter === 'tab' || delimiter === '\\t') return '\t';
  if (delimiter === '' || /["\r\n]/.test(delimiter)) {
    throw new AutoMLError('BAD_OPTION', `delimiter ${JSON.stringify(delimiter)} cannot separate CSV fields`, {
      hint: "use ',', ';', 'tab' or another character that is not a quote or line break",
    });
  }
  return delimiter;
}

/** Fails early, with a clear message, on paths that are missing, directories or empty. */
async function checkReadableFile(path: string): Promise<void> {
  let size: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) {
      throw new AutoMLError('FILE_NOT_FOUND', `${path} is a directory, not a CSV file`, {
        hint: 'pass the path of a CSV file inside it',
      });
    }
    size = info.size;
  } catch (error) {
    if (error instanceof AutoMLError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new AutoMLError('FILE_NOT_FOUND', `${path}: no such file`, {
        hint: 'check the path (relative paths start from the current directory)',
      });
    }
    throw readFailure(path, error);
  }
  if (size === 0) {
    throw new AutoMLError('EMPTY_FILE', `${path}: the file is empty`, {
      hint: 'provide a CSV file with a header row and at least one data row',
    });
  }
}

function readFailure(path: string, error: unknown): AutoMLError {
  return new AutoMLError('BAD_INPUT', `${path}: cannot be read (${errorMessage(error)})`, {
    hint: 'check that the file exists and that you have permission to read it',
    cause: error,
  });
}
