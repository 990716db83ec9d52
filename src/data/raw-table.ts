/**
 * The untyped table every input source (CSV file, stdin, row objects, data frames) is turned into
 * before type inference. Keeping one raw form means inference, training and prediction see the
 * same strings whatever the source was.
 */

import { AutoMLError } from '../util/errors.ts';
import { columnTexts, type RawColumn } from './raw-column.ts';

export type { NumericCells, RawColumn } from './raw-column.ts';

export interface RawTable {
  readonly header: readonly string[];
  /**
   * Column-major raw cells: texts, where '' (or whitespace only) means missing, or a CSV column
   * of numbers in numeric form (raw-column.ts), which gives back the same texts.
   */
  readonly columns: readonly RawColumn[];
  readonly nRows: number;
}

/**
 * Rejects headers the later stages cannot address by name: empty names and duplicates.
 * `source` names the input (a file path, "stdin", "rows") for the message.
 */
export function checkHeader(header: readonly string[], source: string): void {
  const firstPosition = new Map<string, number>();
  for (let j = 0; j < header.length; j++) {
    const name = header[j]!;
    if (name === '') {
      throw new AutoMLError('BAD_INPUT', `${source}: column ${j + 1} of the header has no name`, {
        hint: 'give every column a name in the header row (a leading unnamed column is often an exported row index; remove it)',
      });
    }
    const earlier = firstPosition.get(name);
    if (earlier !== undefined) {
      throw new AutoMLError(
        'DUPLICATE_COLUMN',
        `${source}: column name '${name}' appears twice in the header (columns ${earlier + 1} and ${j + 1})`,
        { hint: 'rename one of the two columns so every column name is unique' },
      );
    }
    firstPosition.set(name, j);
  }
}

/** Position of a column by name, or -1. */
export function columnIndex(raw: RawTable, name: string): number {
  return raw.header.indexOf(name);
}

/** A few column names for error messages, e.g. "'a', 'b', 'c' and 12 more". */
export function listSomeColumns(names: readonly string[], limit = 8): string {
  const shown = names.slice(0, limit).map((name) => `'${name}'`).join(', ');
  return names.length > limit ? `${shown} and ${names.length - limit} more` : shown;
}

/**
 * The same table with every column as cell texts: plain JSON data (a numeric column's
 * Float64Array does not survive JSON.stringify), e.g. to send rows to another process.
 */
export function textTable(raw: RawTable): RawTable {
  return { header: raw.header, columns: raw.columns.map((column) => columnTexts(column)), nRows: raw.nRows };
}
