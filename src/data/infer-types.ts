/**
 * Decides, from a column's raw strings, how the models will see it: numeric, categorical, or
 * dropped (and why). Decisions use whole columns, so one stray label makes a column categorical
 * rather than silently turning that label into a missing number.
 */

import { AutoMLError } from '../util/errors.ts';
import type { ColumnSchema, InputSchema } from './dataset.ts';
import { categoryOf, isMissingCell, parseNumericCell, sortLabels } from './cell.ts';
import { columnTexts, isNumericCells, type NumericCells, type RawColumn } from './raw-column.ts';
import { listSomeColumns, type RawTable } from './raw-table.ts';

/** What a user may force a column to be. */
export type ColumnTypeOverride = 'numeric' | 'categorical' | 'drop';

export type ColumnTypeOverrides = Readonly<Record<string, ColumnTypeOverride>>;

/** Integer columns with at most this many distinct values are flagged as low-cardinality. */
export const LOW_CARDINALITY_MAX_LEVELS = 10;
/** Below this many rows, all-distinct strings may be a genuine small categorical. */
export const IDENTIFIER_MIN_ROWS = 20;
/**
 * Longest text kept as a category. Categories are stored in the model file and compared whole at
 * every prediction; a longer value is free text (a description, a document), not a level shared
 * by rows, and a column holding one is dropped rather than copied into the model.
 */
export const MAX_CATEGORY_CHARS = 256;

export interface InferredColumn {
  readonly schema: ColumnSchema;
  /** Something the user may want to know about the decision (e.g. a suspected decimal comma). */
  readonly note?: string;
  /**
   * The parsed values (NaN = missing) of a column typed numeric, so encoding need not parse again;
   * for a column kept as numbers, its own array (datasets are read, never written to).
   */
  readonly numbers?: Float64Array;
}

/**
 * Type of one column. With an override the user's choice of type stands, but a column with no
 * information (all missing, or one value) is still dropped whatever its type; a 'numeric'
 * override on a column with non-numeric values is an error, since those values would be lost.
 */
export function inferColumnType(name: string, column: RawColumn, override?: ColumnTypeOverride): InferredColumn {
  if (override === 'drop') return { schema: { name, type: 'dropped', reason: 'user' } };
  if (isNumericCells(column)) return inferNumericCells(name, column, override);
  const cells = column;

  // Pass 1: is every present value a number? Stops at the first one that is not.
  let present = 0;
  let allIntegers = true;
  let firstNonNumeric = -1;
  const distinctNumbers = new Set<number>();
  const numbers = new Float64Array(cells.length);
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i]!;
    const value = parseNumericCell(cell);
    numbers[i] = value;
    if (Number.isNaN(value)) {
      if (isMissingCell(cell)) continue;
      firstNonNumeric = i;
      break;
    }
    present++;
    if (allIntegers && !Number.isInteger(value)) allIntegers = false;
    // Only small sets matter (constant or low-cardinality), so stop growing past that.
    if (distinctNumbers.size <= LOW_CARDINALITY_MAX_LEVELS) distinctNumbers.add(value);
  }

  if (firstNonNumeric < 0) return numbersOnly(name, cells, numbers, { present, allIntegers, distinct: distinctNumbers.size }, override);

  if (override === 'numeric') {
    const example = cells[firstNonNumeric]!;
    throw new AutoMLError(
      'BAD_INPUT',
      `column '${name}' was declared numeric but data row ${firstNonNumeric + 1} holds ${JSON.stringify(example)}, which is not a number`,
      { hint: `fix that value, leave it empty to mark it missing, or declare '${name}' categorical` },
    );
  }

  // Pass 2: a text column; collect its labels.
  const labels = new Set<string>();
  let missing = 0;
  for (const cell of cells) {
    const label = categoryOf(cell);
    if (label === '') missing++;
    else if (label.length > MAX_CATEGORY_CHARS) return longText(name, override);
    else labels.add(label);
  }
  if (labels.size <= 1) return { schema: { name, type: 'dropped', reason: 'constant' } };
  const everyRowDistinct = missing === 0 && labels.size === cells.length;
  if (override === undefined && everyRowDistinct && cells.length >= IDENTIFIER_MIN_ROWS) {
    return { schema: { name, type: 'dropped', reason: 'identifier' } };
  }
  const schema: ColumnSchema = { name, type: 'categorical', categories: sortLabels(labels) };
  if (override === undefined && looksLikeDecimalCommaNumbers(labels)) {
    return {
      schema,
      note: `column '${name}' holds numbers written with a comma (e.g. '${firstWithComma(labels)}'); it is read as categorical — write numbers with a decimal point and no thousands separator to use them as numbers`,
    };
  }
  return { schema };
}

/**
 * The same decisions as for texts, from a column kept as numbers: every cell is a number or
 * missing, and parseNumericCell of its text is its value.
 */
function inferNumericCells(name: string, column: NumericCells, override: ColumnTypeOverride | undefined): InferredColumn {
  const values = column.values;
  let present = 0;
  let allIntegers = true;
  const distinctNumbers = new Set<number>();
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    if (Number.isNaN(value)) continue;
    present++;
    if (allIntegers && !Number.isInteger(value)) allIntegers = false;
    if (distinctNumbers.size <= LOW_CARDINALITY_MAX_LEVELS) distinctNumbers.add(value);
  }
  return numbersOnly(name, column, values, { present, allIntegers, distinct: distinctNumbers.size }, override);
}

interface NumberCounts {
  readonly present: number;
  readonly allIntegers: boolean;
  /** Distinct values, counted up to LOW_CARDINALITY_MAX_LEVELS + 1. */
  readonly distinct: number;
}

/** Type of a column whose every present cell is a number. */
function numbersOnly(name: string, column: RawColumn, numbers: Float64Array, counts: NumberCounts, override: ColumnTypeOverride | undefined): InferredColumn {
  if (counts.present === 0) return { schema: { name, type: 'dropped', reason: 'all-missing' } };
  if (counts.distinct <= 1) return { schema: { name, type: 'dropped', reason: 'constant' } };
  // Declared categorical, the labels are the cells' texts: "1.50" and "1.5" stay two labels.
  if (override === 'categorical') return { schema: categorical(name, columnTexts(column)) };
  const lowCardinality = counts.allIntegers && counts.distinct <= LOW_CARDINALITY_MAX_LEVELS;
  return {
    schema: lowCardinality ? { name, type: 'numeric', lowCardinalityInteger: true } : { name, type: 'numeric' },
    numbers,
  };
}

export interface InferSchemaOptions {
  /** Columns left out of the schema entirely (the target). */
  readonly exclude?: readonly string[];
  readonly columnTypes?: ColumnTypeOverrides;
}

/** Schema of every column of the table except the excluded ones, in header order. */
export function inferSchema(raw: RawTable, options: InferSchemaOptions = {}): { schema: InputSchema; notes: string[] } {
  const overrides = options.columnTypes ?? {};
  checkColumnTypeOverrides(raw, overrides, options.exclude ?? []);
  const excluded = new Set(options.exclude ?? []);
  const columns: ColumnSchema[] = [];
  const notes: string[] = [];
  raw.header.forEach((name, j) => {
    if (excluded.has(name)) return;
    const inferred = inferColumnType(name, raw.columns[j]!, overrideFor(overrides, name));
    columns.push(inferred.schema);
    if (inferred.note !== undefined) notes.push(inferred.note);
  });
  return { schema: { columns }, notes };
}

const OVERRIDE_TYPES: ReadonlySet<string> = new Set(['numeric', 'categorical', 'drop']);

/** The override for a column; own keys only, so a column named e.g. "constructor" is safe. */
export function overrideFor(overrides: ColumnTypeOverrides, name: string): ColumnTypeOverride | undefined {
  return Object.hasOwn(overrides, name) ? overrides[name] : undefined;
}

/** Overrides must name feature columns and valid types; a typo would otherwise be ignored silently. */
export function checkColumnTypeOverrides(raw: RawTable, overrides: ColumnTypeOverrides, excluded: readonly string[]): void {
  const unknown: string[] = [];
  for (const [name, type] of Object.entries(overrides)) {
    if (!OVERRIDE_TYPES.has(type)) {
      throw new AutoMLError('BAD_OPTION', `column type for '${name}' is ${JSON.stringify(type)}`, {
        hint: 'column types are numeric, categorical or drop',
      });
    }
    if (excluded.includes(name)) {
      throw new AutoMLError('BAD_OPTION', `a column type is given for '${name}', which is the target`, {
        hint: 'the target is typed by the task option (binary, multiclass or regression)',
      });
    }
    if (!raw.header.includes(name)) unknown.push(name);
  }
  if (unknown.length > 0) {
    throw new AutoMLError('BAD_OPTION', `column types are given for columns not in the data: ${listSomeColumns(unknown)}`, {
      hint: `the data has the columns ${listSomeColumns(raw.header)}`,
    });
  }
}

const DECIMAL_COMMA = /^[+-]?\d*,\d+$/;

/** True when every label reads as a number once a decimal comma becomes a point. */
function looksLikeDecimalCommaNumbers(labels: ReadonlySet<string>): boolean {
  let withComma = 0;
  for (const label of labels) {
    if (DECIMAL_COMMA.test(label)) withComma++;
    else if (Number.isNaN(parseNumericCell(label))) return false;
  }
  return withComma > 0;
}

function firstWithComma(labels: ReadonlySet<string>): string {
  for (const label of labels) if (label.includes(',')) return label;
  return '';
}

/** A column holding a value too long to be a category: dropped, or an error if declared categorical. */
function longText(name: string, override: ColumnTypeOverride | undefined): InferredColumn {
  if (override === 'categorical') throw longCategoryError(name);
  return { schema: { name, type: 'dropped', reason: 'long-text' } };
}

function longCategoryError(name: string): AutoMLError {
  return new AutoMLError('BAD_INPUT', `column '${name}' was declared categorical but holds a value longer than ${MAX_CATEGORY_CHARS} characters`, {
    hint: `categories are at most ${MAX_CATEGORY_CHARS} characters: shorten the values or drop the column`,
  });
}

function categorical(name: string, cells: readonly string[]): ColumnSchema {
  const labels = new Set<string>();
  for (const cell of cells) {
    const label = categoryOf(cell);
    if (label.length > MAX_CATEGORY_CHARS) throw longCategoryError(name);
    if (label !== '') labels.add(label);
  }
  return { name, type: 'categorical', categories: sortLabels(labels) };
}
