/**
 * The column-major in-memory dataset every stage after parsing works on.
 *
 * Numeric columns are Float64Array with NaN for missing; categorical columns are Int32Array codes
 * into a dictionary, with -1 for missing. The target is kept apart from the features.
 */

export type Task = 'binary' | 'multiclass' | 'regression';

export const MISSING_CODE = -1;
/** Code of a category seen at prediction time but not in training. Encoders map it to their unknown bucket. */
export const UNKNOWN_CODE = -2;

export interface NumericColumn {
  readonly kind: 'numeric';
  readonly name: string;
  readonly values: Float64Array;
}

export interface CategoricalColumn {
  readonly kind: 'categorical';
  readonly name: string;
  /** Index into `categories`, MISSING_CODE, or UNKNOWN_CODE (unseen at prediction time). */
  readonly codes: Int32Array;
  readonly categories: readonly string[];
  /** Levels in their natural order when the column is ordered (e.g. small < medium < large). */
  readonly ordered?: boolean;
}

export type Column = NumericColumn | CategoricalColumn;

/** Features only, column-major. */
export interface Dataset {
  readonly nRows: number;
  readonly columns: readonly Column[];
}

export interface ClassificationTarget {
  readonly kind: 'classification';
  readonly name: string;
  /** Class index per row, 0..classes.length-1 (never missing: rows with a missing target are dropped). */
  readonly codes: Int32Array;
  readonly classes: readonly string[];
}

export interface RegressionTarget {
  readonly kind: 'regression';
  readonly name: string;
  readonly values: Float64Array;
}

export type Target = ClassificationTarget | RegressionTarget;

/** Why a column of the input does not reach the models. */
export type DropReason = 'constant' | 'identifier' | 'long-text' | 'all-missing' | 'user';

/** Declared or inferred type of one input column, as the model artifact records it. */
export type ColumnSchema =
  | { readonly name: string; readonly type: 'numeric'; readonly lowCardinalityInteger?: boolean }
  | { readonly name: string; readonly type: 'categorical'; readonly categories: readonly string[]; readonly ordered?: boolean }
  | { readonly name: string; readonly type: 'dropped'; readonly reason: DropReason };

/** The input contract of a fitted model: which columns it reads and how. */
export interface InputSchema {
  readonly columns: readonly ColumnSchema[];
}

/** A dataset with its target and the schema it was built with. */
export interface LabelledDataset {
  readonly features: Dataset;
  readonly target: Target;
  readonly task: Task;
  readonly schema: InputSchema;
  /** Human-readable notes produced while building it (dropped columns, dropped rows...). */
  readonly warnings: readonly string[];
}

/** Selects rows (in the given order) of every feature column. */
export function takeRows(dataset: Dataset, rows: ArrayLike<number>): Dataset {
  const n = rows.length;
  const columns = dataset.columns.map((column): Column => {
    if (column.kind === 'numeric') {
      const values = new Float64Array(n);
      for (let i = 0; i < n; i++) values[i] = column.values[rows[i]!]!;
      return { kind: 'numeric', name: column.name, values };
    }
    const codes = new Int32Array(n);
    for (let i = 0; i < n; i++) codes[i] = column.codes[rows[i]!]!;
    return { ...column, codes };
  });
  return { nRows: n, columns };
}

/** Selects rows of the target. */
export function takeTargetRows(target: Target, rows: ArrayLike<number>): Target {
  const n = rows.length;
  if (target.kind === 'classification') {
    const codes = new Int32Array(n);
    for (let i = 0; i < n; i++) codes[i] = target.codes[rows[i]!]!;
    return { ...target, codes };
  }
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = target.values[rows[i]!]!;
  return { ...target, values };
}

export function targetLength(target: Target): number {
  return target.kind === 'classification' ? target.codes.length : target.values.length;
}
