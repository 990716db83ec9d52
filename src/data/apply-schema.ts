/**
 * Prediction-time input → the dataset a fitted model expects. The schema recorded at training
 * decides everything: which columns are read (by name, in schema order; other columns are
 * ignored), how they are typed, and the category codes. Values the model has not seen become
 * missing numbers or UNKNOWN_CODE rather than errors, and are counted in the warnings.
 */

import { AutoMLError } from '../util/errors.ts';
import type { Column, ColumnSchema, Dataset, InputSchema } from './dataset.ts';
import { encodeCategorical, encodeNumeric } from './encode-column.ts';
import { listSomeColumns, type RawTable } from './raw-table.ts';

export interface AppliedSchema {
  readonly dataset: Dataset;
  readonly warnings: string[];
  /** The same findings counted, so that callers reading in batches can add them up. */
  readonly problems: CellProblem[];
}

/** Values of one column the model cannot use as they are. */
export interface CellProblem {
  readonly column: string;
  /** 'not-a-number' values become missing numbers; 'unseen' categories become unknown. */
  readonly kind: 'not-a-number' | 'unseen';
  readonly count: number;
  readonly example: string;
}

/** Examples are cut to this many characters: the offending value may be a whole document. */
const EXAMPLE_CHARS = 60;

export function describeCellProblem(problem: CellProblem): string {
  const one = problem.count === 1;
  const example = JSON.stringify(problem.example.length > EXAMPLE_CHARS ? `${problem.example.slice(0, EXAMPLE_CHARS)}…` : problem.example);
  return problem.kind === 'not-a-number'
    ? `column '${problem.column}': ${problem.count} value${one ? ' is' : 's are'} not a number (e.g. ${example}) and ${one ? 'is' : 'are'} treated as missing`
    : `column '${problem.column}': ${problem.count} value${one ? ' was' : 's were'} not seen in training (e.g. ${example}) and ${one ? 'is' : 'are'} treated as unknown`;
}

/** Adds the problems of one batch of rows into a running total (first example kept). */
export function addCellProblems(total: Map<string, CellProblem>, problems: readonly CellProblem[]): void {
  for (const problem of problems) {
    const key = `${problem.kind}\u0000${problem.column}`;
    const earlier = total.get(key);
    total.set(key, earlier === undefined ? problem : { ...earlier, count: earlier.count + problem.count });
  }
}

type UsedColumn = Exclude<ColumnSchema, { type: 'dropped' }>;

export function applySchema(raw: RawTable, schema: InputSchema): AppliedSchema {
  const used = schema.columns.filter((column): column is UsedColumn => column.type !== 'dropped');
  const positions = new Map(raw.header.map((name, j) => [name, j]));
  const absent = used.filter((column) => !positions.has(column.name)).map((column) => column.name);
  if (absent.length > 0) {
    throw new AutoMLError(
      'MISSING_COLUMN',
      `the input lacks ${absent.length === 1 ? 'a column' : `${absent.length} columns`} the model needs: ${absent.map((name) => `'${name}'`).join(', ')}`,
      { hint: `provide every column the model was trained on (columns present: ${listSomeColumns(raw.header)}); a column of empty values marks it missing` },
    );
  }

  const problems: CellProblem[] = [];
  const columns: Column[] = used.map((column) => {
    const cells = raw.columns[positions.get(column.name)!]!;
    if (column.type === 'numeric') {
      const encoded = encodeNumeric(column.name, cells);
      if (encoded.unparseable > 0) {
        problems.push({ column: column.name, kind: 'not-a-number', count: encoded.unparseable, example: encoded.firstUnparseable ?? '' });
      }
      return encoded.column;
    }
    const encoded = encodeCategorical(column.name, cells, column.categories, column.ordered);
    if (encoded.unseen > 0) problems.push({ column: column.name, kind: 'unseen', count: encoded.unseen, example: encoded.firstUnseen ?? '' });
    return encoded.column;
  });
  return { dataset: { nRows: raw.nRows, columns }, warnings: problems.map(describeCellProblem), problems };
}
