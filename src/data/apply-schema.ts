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

  const warnings: string[] = [];
  const columns: Column[] = used.map((column) => {
    const cells = raw.columns[positions.get(column.name)!]!;
    if (column.type === 'numeric') {
      const encoded = encodeNumeric(column.name, cells);
      if (encoded.unparseable > 0) {
        warnings.push(
          `column '${column.name}': ${encoded.unparseable} value${encoded.unparseable === 1 ? ' is' : 's are'} not a number (e.g. ${JSON.stringify(encoded.firstUnparseable)}) and ${encoded.unparseable === 1 ? 'is' : 'are'} treated as missing`,
        );
      }
      return encoded.column;
    }
    const encoded = encodeCategorical(column.name, cells, column.categories, column.ordered);
    if (encoded.unseen > 0) {
      warnings.push(
        `column '${column.name}': ${encoded.unseen} value${encoded.unseen === 1 ? ' was' : 's were'} not seen in training (e.g. ${JSON.stringify(encoded.firstUnseen)}) and ${encoded.unseen === 1 ? 'is' : 'are'} treated as unknown`,
      );
    }
    return encoded.column;
  });
  return { dataset: { nRows: raw.nRows, columns }, warnings };
}
