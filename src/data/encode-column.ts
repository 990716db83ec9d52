/**
 * Raw cells → typed feature columns, shared by training (build.ts) and prediction
 * (apply-schema.ts) so that both read cells the same way.
 */

import { MISSING_CODE, UNKNOWN_CODE, type CategoricalColumn, type NumericColumn } from './dataset.ts';
import { categoryOf, isMissingCell, parseNumericCell } from './cell.ts';
import { cellText, isNumericCells, rawColumnLength, type RawColumn } from './raw-column.ts';

export interface EncodedNumeric {
  readonly column: NumericColumn;
  /** Present cells that are not numbers, stored as NaN (missing). */
  readonly unparseable: number;
  readonly firstUnparseable?: string;
}

export function encodeNumeric(name: string, cells: RawColumn): EncodedNumeric {
  // A column kept as numbers is already parsed, and has no cell that is not a number.
  if (isNumericCells(cells)) return { column: { kind: 'numeric', name, values: cells.values }, unparseable: 0 };
  const values = new Float64Array(cells.length);
  let unparseable = 0;
  let firstUnparseable: string | undefined;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i]!;
    const value = parseNumericCell(cell);
    values[i] = value;
    if (Number.isNaN(value) && !isMissingCell(cell)) {
      unparseable++;
      firstUnparseable ??= cell;
    }
  }
  const column: NumericColumn = { kind: 'numeric', name, values };
  return firstUnparseable === undefined ? { column, unparseable } : { column, unparseable, firstUnparseable };
}

export interface EncodedCategorical {
  readonly column: CategoricalColumn;
  /** Present cells whose label is not among the categories, coded UNKNOWN_CODE. */
  readonly unseen: number;
  readonly firstUnseen?: string;
}

export function encodeCategorical(
  name: string,
  cells: RawColumn,
  categories: readonly string[],
  ordered?: boolean,
): EncodedCategorical {
  const codeOf = new Map(categories.map((label, k) => [label, k]));
  const codes = new Int32Array(rawColumnLength(cells));
  let unseen = 0;
  let firstUnseen: string | undefined;
  for (let i = 0; i < codes.length; i++) {
    // Labels are texts, also of numbers: "1.50" is not the category "1.5".
    const label = categoryOf(cellText(cells, i));
    if (label === '') {
      codes[i] = MISSING_CODE;
      continue;
    }
    const code = codeOf.get(label);
    if (code === undefined) {
      codes[i] = UNKNOWN_CODE;
      unseen++;
      firstUnseen ??= label;
    } else {
      codes[i] = code;
    }
  }
  const column: CategoricalColumn =
    ordered === undefined ? { kind: 'categorical', name, codes, categories } : { kind: 'categorical', name, codes, categories, ordered };
  return firstUnseen === undefined ? { column, unseen } : { column, unseen, firstUnseen };
}
