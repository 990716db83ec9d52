/**
 * Raw strings → typed feature columns, shared by training (build.ts) and prediction
 * (apply-schema.ts) so that both read cells the same way.
 */

import { MISSING_CODE, UNKNOWN_CODE, type CategoricalColumn, type NumericColumn } from './dataset.ts';
import { categoryOf, isMissingCell, parseNumericCell } from './cell.ts';

export interface EncodedNumeric {
  readonly column: NumericColumn;
  /** Present cells that are not numbers, stored as NaN (missing). */
  readonly unparseable: number;
  readonly firstUnparseable?: string;
}

export function encodeNumeric(name: string, cells: readonly string[]): EncodedNumeric {
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
  cells: readonly string[],
  categories: readonly string[],
  ordered?: boolean,
): EncodedCategorical {
  const codeOf = new Map(categories.map((label, k) => [label, k]));
  const codes = new Int32Array(cells.length);
  let unseen = 0;
  let firstUnseen: string | undefined;
  for (let i = 0; i < cells.length; i++) {
    const label = categoryOf(cells[i]!);
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
