/**
 * Training data from a raw table: pick the target, drop rows without one, decide the task and the
 * column types, and encode everything into the typed dataset the search works on. The schema it
 * records is what prediction-time input is later held to (apply-schema.ts).
 */

import { AutoMLError } from '../util/errors.ts';
import type { Column, ColumnSchema, InputSchema, LabelledDataset, Task } from './dataset.ts';
import { isMissingCell } from './cell.ts';
import { encodeCategorical, encodeNumeric } from './encode-column.ts';
import { checkColumnTypeOverrides, inferColumnType, MAX_CATEGORY_CHARS, overrideFor, type ColumnTypeOverrides } from './infer-types.ts';
import { isNumericCells, selectCells, type RawColumn } from './raw-column.ts';
import { listSomeColumns, type RawTable } from './raw-table.ts';
import { encodeTarget } from './target.ts';
import { checkTask, inferTask } from './task.ts';

export interface BuildOptions {
  /** Name of the target column. */
  readonly target: string;
  /** Inferred from the target column when absent. */
  readonly task?: Task;
  readonly columnTypes?: ColumnTypeOverrides;
}

export function buildTrainingData(raw: RawTable, options: BuildOptions): LabelledDataset {
  const targetIndex = findTarget(raw, options.target);
  const name = raw.header[targetIndex]!;
  const warnings: string[] = [];

  const kept = rowsWithTarget(raw.columns[targetIndex]!);
  if (kept.length === 0) {
    throw new AutoMLError('TARGET_ALL_MISSING', `target column '${name}' has no values (every cell is empty)`, {
      hint: 'fill in the target column, or choose another target',
    });
  }
  const dropped = raw.nRows - kept.length;
  const table = dropped === 0 ? raw : selectRows(raw, kept);
  if (dropped > 0) warnings.push(`${dropped} of ${raw.nRows} rows have no value for target '${name}' and were left out`);

  const targetCells = table.columns[targetIndex]!;
  const task = options.task === undefined ? inferTask(targetCells, name) : checkTask(options.task);
  const encoded = encodeTarget(name, targetCells, task, (i) => kept[i]! + 1);
  warnings.push(...encoded.warnings);

  const overrides = options.columnTypes ?? {};
  checkColumnTypeOverrides(table, overrides, [name]);
  const schemaColumns: ColumnSchema[] = [];
  const columns: Column[] = [];
  table.header.forEach((columnName, j) => {
    if (j === targetIndex) return;
    const cells = table.columns[j]!;
    const inferred = inferColumnType(columnName, cells, overrideFor(overrides, columnName));
    const column = inferred.schema;
    schemaColumns.push(column);
    if (inferred.note !== undefined) warnings.push(inferred.note);
    if (column.type === 'dropped') warnings.push(describeDropped(column));
    else if (column.type === 'categorical') columns.push(encodeCategorical(columnName, cells, column.categories, column.ordered).column);
    else if (inferred.numbers !== undefined) columns.push({ kind: 'numeric', name: columnName, values: inferred.numbers });
    else columns.push(encodeNumeric(columnName, cells).column);
  });
  const schema: InputSchema = { columns: schemaColumns };
  if (columns.length === 0) {
    throw new AutoMLError('NO_FEATURES', `no usable feature columns besides target '${name}'${schema.columns.length === 0 ? '' : ': every other column was dropped'}`, {
      hint: schema.columns.length === 0
        ? 'the data needs at least one column besides the target'
        : 'see the warnings for why each column was dropped; declare a column numeric or categorical to keep it',
    });
  }

  return { features: { nRows: table.nRows, columns }, target: encoded.target, task, schema, warnings };
}

function findTarget(raw: RawTable, target: string): number {
  const index = raw.header.indexOf(target);
  if (index >= 0) return index;
  const lower = target.toLowerCase();
  const similar = raw.header.find((name) => name.toLowerCase() === lower);
  throw new AutoMLError('UNKNOWN_TARGET', `target column '${target}' is not in the data`, {
    hint:
      similar === undefined
        ? `available columns: ${listSomeColumns(raw.header)}`
        : `did you mean '${similar}'? (column names are case-sensitive)`,
  });
}

function rowsWithTarget(column: RawColumn): Int32Array {
  const rows: number[] = [];
  if (isNumericCells(column)) {
    // Kept as numbers, a cell is missing exactly when its value is NaN.
    for (let i = 0; i < column.values.length; i++) if (!Number.isNaN(column.values[i]!)) rows.push(i);
  } else {
    for (let i = 0; i < column.length; i++) if (!isMissingCell(column[i]!)) rows.push(i);
  }
  return Int32Array.from(rows);
}

function selectRows(raw: RawTable, rows: Int32Array): RawTable {
  return { header: raw.header, columns: raw.columns.map((column) => selectCells(column, rows)), nRows: rows.length };
}

function describeDropped(column: ColumnSchema & { type: 'dropped' }): string {
  const why = {
    constant: 'it has at most one distinct value',
    'all-missing': 'every value is missing',
    identifier: 'every row has a different text value, like a name or an ID',
    'long-text': `it holds text longer than ${MAX_CATEGORY_CHARS} characters, which is not a category`,
    user: 'its column type was set to drop',
  }[column.reason];
  return `column '${column.name}' is not used: ${why}`;
}
