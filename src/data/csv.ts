/**
 * CSV input: a file streamed through papaparse, or text already in memory (stdin). Fields stay
 * strings; types are inferred later from whole columns, which papaparse's per-cell dynamic typing
 * cannot do (it would turn "007" into 7 and "NA" into a string in the same column).
 */

import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import Papa from 'papaparse';
import { AutoMLError, errorMessage } from '../util/errors.ts';
import { lineAlignedStream } from './csv-chunks.ts';
import { CsvRowCollector, type QuoteProblem } from './csv-collector.ts';
import { detectDelimiter } from './csv-delimiter.ts';
import type { RawTable } from './raw-table.ts';

export interface CsvOptions {
  /** Field delimiter; detected among ',', ';' and tab when absent. "tab" and "\t" mean a tab. */
  readonly delimiter?: string;
}

export interface CsvTextOptions extends CsvOptions {
  /** Name of the input in error messages, e.g. "stdin". */
  readonly source?: string;
}

/**
 * Read size per chunk. On a 100k × 20 numeric file, chunks of 64 KB to 256 KB took less CPU than
 * chunks of 1 MB and more; 256 KB also keeps cheap the re-parsing papaparse does while a record
 * (a long quoted field) spans several chunks.
 */
const READ_CHUNK_BYTES = 256 * 1024;

export async function readCsvFile(path: string, options: CsvOptions = {}): Promise<RawTable> {
  const fixedDelimiter = normalizeDelimiter(options.delimiter);
  await checkReadableFile(path);
  return new Promise<RawTable>((resolve, reject) => {
    let delimiter = fixedDelimiter ?? ',';
    let collector: CsvRowCollector | undefined;
    let failed = false;
    // A quote problem in the record a chunk ends in: that record is parsed again, whole, with the
    // next chunk, which reports the problem with the record's fields.
    let unfinishedProblem: QuoteProblem | undefined;
    const file = createReadStream(path, { encoding: 'utf8', highWaterMark: READ_CHUNK_BYTES });
    const stream = lineAlignedStream(file);
    const fail = (error: unknown): void => {
      if (failed) return;
      failed = true;
      stream.destroy();
      file.destroy();
      reject(error instanceof AutoMLError ? error : readFailure(path, error));
    };
    Papa.parse<string[], typeof stream>(stream, {
      // Called by papaparse with the first chunk, after beforeFirstChunk.
      delimiter: (firstChunk: string) => {
        delimiter = fixedDelimiter ?? detectDelimiter(firstChunk);
        return delimiter;
      },
      beforeFirstChunk: stripBom,
      chunk: (results, parser) => {
        if (failed) return;
        try {
          collector ??= new CsvRowCollector(path, delimiter);
          const problem = firstQuoteProblem(results.errors);
          if (problem !== undefined && problem.row < results.data.length) collector.throwQuoteProblem(results.data, problem);
          unfinishedProblem = problem;
          collector.add(results.data);
        } catch (error) {
          // fail() first: abort() calls `complete` synchronously, which must see the failure.
          fail(error);
          parser.abort();
        }
      },
      complete: () => {
        if (failed) return;
        try {
          collector ??= new CsvRowCollector(path, delimiter);
          if (unfinishedProblem !== undefined) collector.throwQuoteProblem([], unfinishedProblem);
          resolve(collector.finish());
        } catch (error) {
          fail(error);
        }
      },
      error: (error: Error) => fail(error),
    });
  });
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

/** Fails early, with a clear message, on paths that are missing, directories, empty or UTF-16. */
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
  await rejectUtf16(path);
}

/** UTF-16 files decode as UTF-8 into garbage with NUL bytes; say so instead. */
async function rejectUtf16(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    const { bytesRead, buffer } = await handle.read(Buffer.alloc(2), 0, 2, 0);
    const bom = bytesRead === 2 ? (buffer[0]! << 8) | buffer[1]! : 0;
    if (bom === 0xfffe || bom === 0xfeff) {
      throw new AutoMLError('BAD_INPUT', `${path} is encoded as UTF-16; only UTF-8 is read`, {
        hint: 'save the file as UTF-8 CSV',
      });
    }
  } finally {
    await handle.close();
  }
}

function readFailure(path: string, error: unknown): AutoMLError {
  return new AutoMLError('BAD_INPUT', `${path}: cannot be read (${errorMessage(error)})`, {
    hint: 'check that the file exists and that you have permission to read it',
    cause: error,
  });
}
