/**
 * Turns parsed CSV records (arrays of field strings, in file order, possibly delivered in chunks)
 * into a RawTable, checking the shape on the way: header names, equal field counts, at least one
 * data row. Records are pushed straight into per-column stores so that the per-row cost stays a
 * length check and one push per field. A column is kept as numbers (numeric-column-builder.ts)
 * while its cells are numbers, and as texts from its first cell that is not.
 */

import { AutoMLError } from '../util/errors.ts';
import { NumericColumnBuilder } from './numeric-column-builder.ts';
import type { RawColumn } from './raw-column.ts';
import { checkHeader, type RawTable } from './raw-table.ts';
import { ValueInterner } from './value-interner.ts';

/** The part of a papaparse error the collector reports. */
export interface QuoteProblem {
  /** 'MissingQuotes' (never closed) or 'InvalidQuotes' (stray quote after a closing one). */
  readonly code: string;
  /** Index, within the records handed over with it, of the record it occurred in. */
  readonly row: number;
}

export class CsvRowCollector {
  private readonly source: string;
  readonly delimiter: string;
  private header: string[] | undefined;
  /** Per column, its cells while they are numbers; undefined once it is a text column. */
  private numbers: (NumericColumnBuilder | undefined)[] = [];
  /** Per column, its cells once it is a text column (empty before). */
  private texts: string[][] = [];
  /** One per column: repeated values share one string (value-interner.ts). */
  private interners: ValueInterner[] = [];
  private nRows = 0;
  /** Records consumed so far, counting the header and blank lines, for line numbers. */
  private recordsSeen = 0;
  /**
   * Blank lines seen in a single-column file and not yet known to be data: a blank line there is
   * a missing value, except at the end of the file where it is only a line terminator.
   */
  private pendingBlankRows = 0;
  /** Line breaks inside the fields of rows already handed over by takeRows. */
  private lineBreaksTaken = 0;

  constructor(source: string, delimiter: string) {
    this.source = source;
    this.delimiter = delimiter;
  }

  /** Consumes records[0..end). */
  add(records: readonly (readonly string[])[], end = records.length): void {
    let r = 0;
    if (this.header === undefined) r = this.takeHeader(records, end);
    const header = this.header;
    if (header === undefined) return;
    const width = header.length;
    const numbers = this.numbers;
    for (; r < end; r++) {
      const record = records[r]!;
      if (record.length === width && (width > 1 || this.acceptSingleField(record[0]!))) {
        for (let j = 0; j < width; j++) {
          const field = record[j]!;
          if (!numbers[j]?.push(field)) this.pushText(j, field);
        }
        this.nRows++;
      } else if (!isBlankRecord(record)) {
        this.throwRagged(record.length, width);
      }
      this.recordsSeen++;
    }
  }

  /** Raises the CSV_PARSE error for a quoting problem in records[problem.row]. */
  throwQuoteProblem(records: readonly (readonly string[])[], problem: QuoteProblem): never {
    this.add(records, problem.row);
    const record = records[problem.row];
    let where = `line ${this.currentLine()}`;
    if (record !== undefined) {
      // The bad field is the first one still holding a quote character, else the last one read.
      let field = record.findIndex((value) => value.includes('"'));
      if (field < 0) field = Math.max(0, record.length - 1);
      const columnName = this.header?.[field];
      where += `, column ${field + 1}${columnName === undefined ? '' : ` ('${columnName}')`}`;
    }
    const what =
      problem.code === 'MissingQuotes'
        ? 'a quoted field is opened but never closed'
        : 'a quote character inside a quoted field is not doubled';
    throw new AutoMLError('CSV_PARSE', `${this.source}: ${where}: ${what}`, {
      hint: 'close every quoted field with a quote, and write a quote inside a quoted field as two quotes ("")',
    });
  }

  finish(): RawTable {
    if (this.header === undefined) {
      throw new AutoMLError('EMPTY_FILE', `${this.source}: the input is empty`, {
        hint: 'provide a CSV file with a header row and at least one data row',
      });
    }
    if (this.nRows === 0) {
      throw new AutoMLError('NO_DATA_ROWS', `${this.source}: there is a header row but no data rows`, {
        hint: 'add at least one data row below the header',
      });
    }
    // After takeRows, only the rows not yet taken.
    const nRows = this.pendingRows;
    return { header: this.header, columns: this.takeColumns(), nRows };
  }

  /** Data rows collected and not yet taken. */
  get pendingRows(): number {
    return this.numbers[0]?.length ?? this.texts[0]?.length ?? 0;
  }

  /**
   * Hands over the rows collected so far and forgets them, for reading in batches. Line numbers in
   * later errors count the line breaks inside the fields handed over, which are looked for only
   * when `fieldsMayBreakLines` (the text they came from held a quote: unquoted fields hold none).
   */
  takeRows(fieldsMayBreakLines: boolean): RawTable {
    if (this.header === undefined) throw new AutoMLError('INTERNAL', 'rows taken before the header was read');
    if (fieldsMayBreakLines) this.lineBreaksTaken += this.lineBreaksInFields();
    const nRows = this.pendingRows;
    return { header: this.header, columns: this.takeColumns(), nRows };
  }

  /**
   * The columns collected so far, each in its form; the collector starts afresh, every column
   * numeric again (a batch of a mostly numeric column may well be all numbers).
   */
  private takeColumns(): RawColumn[] {
    const columns = this.texts.map((texts, j): RawColumn => this.numbers[j]?.finish() ?? texts);
    this.texts = columns.map(() => []);
    this.numbers = columns.map(() => new NumericColumnBuilder());
    return columns;
  }

  /**
   * Appends a cell as text. The first text cell of a numeric column turns the column into a text
   * column: the cells so far become texts again, exactly as they were read.
   */
  private pushText(j: number, field: string): void {
    const interner = this.interners[j]!;
    const numbers = this.numbers[j];
    if (numbers !== undefined) {
      this.texts[j] = numbers.texts().map((text) => interner.intern(text));
      this.numbers[j] = undefined;
    }
    this.texts[j]!.push(interner.intern(field));
  }

  /** Returns the index of the first record after the header, or `end` if none was found. */
  private takeHeader(records: readonly (readonly string[])[], end: number): number {
    for (let r = 0; r < end; r++) {
      const record = records[r]!;
      this.recordsSeen++;
      // Blank lines before the header carry nothing.
      if (isBlankRecord(record)) continue;
      // Names are trimmed: "a, b, c" headers are common and nobody means a column called " b".
      const header = record.map((name) => name.trim());
      checkHeader(header, this.source);
      this.header = header;
      this.texts = header.map(() => []);
      this.numbers = header.map(() => new NumericColumnBuilder());
      this.interners = header.map(() => new ValueInterner());
      return r + 1;
    }
    return end;
  }

  /** Single-column files: decides whether a lone field is a value now, deferring blank lines. */
  private acceptSingleField(field: string): boolean {
    if (field.trim() === '') {
      this.pendingBlankRows++;
      return false;
    }
    for (; this.pendingBlankRows > 0; this.pendingBlankRows--) {
      if (!this.numbers[0]?.push('')) this.pushText(0, '');
      this.nRows++;
    }
    return true;
  }

  private throwRagged(fields: number, width: number): never {
    const dataRow = this.nRows + 1;
    throw new AutoMLError(
      'RAGGED_ROWS',
      `${this.source}: line ${this.currentLine()} (data row ${dataRow}) has ${fields} field${fields === 1 ? '' : 's'} but the header has ${width} (delimiter ${describeDelimiter(this.delimiter)})`,
      {
        hint: 'every row needs one field per header column: quote values that contain the delimiter, add or remove the missing or extra fields, or set the delimiter explicitly if it was detected wrongly',
      },
    );
  }

  /**
   * File line of the record about to be consumed. Records and lines differ only where a quoted
   * field spans lines, so count the line breaks inside the fields read so far; this runs only
   * when reporting an error.
   */
  private currentLine(): number {
    let embedded = this.lineBreaksTaken;
    for (const name of this.header ?? []) embedded += countLineBreaks(name);
    return this.recordsSeen + 1 + embedded + this.lineBreaksInFields();
  }

  private lineBreaksInFields(): number {
    let count = 0;
    for (const column of this.texts) for (const value of column) count += countLineBreaks(value);
    // In a numeric column only the texts kept beside the numbers can hold a line break.
    for (const numbers of this.numbers) for (const value of numbers?.keptTexts() ?? []) count += countLineBreaks(value);
    return count;
  }
}

function isBlankRecord(record: readonly string[]): boolean {
  return record.length === 1 && record[0]!.trim() === '';
}

/** "\r\n", "\n" and a lone "\r" each end one line. */
function countLineBreaks(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
  for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) if (text[i + 1] !== '\n') count++;
  return count;
}

export function describeDelimiter(delimiter: string): string {
  return delimiter === '\t' ? 'tab' : `'${delimiter}'`;
}
