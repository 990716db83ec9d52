/**
 * Shape checks shared by the preprocessing components. A fitted transformer remembers the shape
 * of what it was fitted on and refuses anything else with a typed error, instead of silently
 * reading past the end of a column or mixing up features.
 */
import type { Dataset } from '../../data/dataset.ts';
import type { FeatureMatrix } from '../matrix.ts';
import type { JsonObject } from '../../util/json.ts';
import { AutoMLError } from '../../util/errors.ts';
import type { FieldReader } from './fields.ts';

export type ColumnKind = 'numeric' | 'categorical';

/** Names and kinds of the feature columns a dataset-stage transformer was fitted on. */
export interface ColumnLayout {
  readonly names: readonly string[];
  readonly kinds: readonly ColumnKind[];
}

export function layoutOf(data: Dataset): ColumnLayout {
  return { names: data.columns.map((c) => c.name), kinds: data.columns.map((c) => c.kind) };
}

export function layoutToJSON(layout: ColumnLayout): JsonObject {
  return { names: [...layout.names], kinds: [...layout.kinds] };
}

export function readLayout(reader: FieldReader): ColumnLayout {
  const names = reader.strings('names');
  const kindNames = reader.strings('kinds', names.length);
  const kinds = kindNames.map((kind): ColumnKind => {
    if (kind !== 'numeric' && kind !== 'categorical') reader.fail(`unknown column kind "${kind}"`);
    return kind;
  });
  return { names, kinds };
}

/** Throws unless `data` has the fitted columns, in the fitted order, with consistent lengths. */
export function checkLayout(type: string, layout: ColumnLayout, data: Dataset): void {
  const columns = data.columns;
  if (columns.length !== layout.names.length) {
    throw new AutoMLError('BAD_INPUT', `${type}: fitted on ${layout.names.length} columns, got ${columns.length}`);
  }
  for (let j = 0; j < columns.length; j++) {
    const column = columns[j]!;
    if (column.name !== layout.names[j] || column.kind !== layout.kinds[j]) {
      throw new AutoMLError(
        'BAD_INPUT',
        `${type}: column ${j} is ${column.kind} "${column.name}", fitted as ${layout.kinds[j]} "${layout.names[j]}"`,
      );
    }
    const length = column.kind === 'numeric' ? column.values.length : column.codes.length;
    if (length !== data.nRows) {
      throw new AutoMLError('BAD_INPUT', `${type}: column "${column.name}" has ${length} rows, dataset says ${data.nRows}`);
    }
  }
}

/** Throws unless every column of `x` has nRows values and (when given) there are `width` columns. */
export function checkMatrix(type: string, x: FeatureMatrix, width?: number): void {
  if (width !== undefined && x.columns.length !== width) {
    throw new AutoMLError('BAD_INPUT', `${type}: fitted on ${width} features, got ${x.columns.length}`);
  }
  for (let j = 0; j < x.columns.length; j++) {
    if (x.columns[j]!.length !== x.nRows) {
      throw new AutoMLError('BAD_INPUT', `${type}: feature ${j} has ${x.columns[j]!.length} rows, matrix says ${x.nRows}`);
    }
  }
}

/** Fitting needs at least one row: every statistic below is undefined on an empty sample. */
export function checkNotEmpty(type: string, nRows: number): void {
  if (nRows < 1) throw new AutoMLError('DEGENERATE_INPUT', `${type}: cannot fit on zero rows`);
}

export function notFitted(type: string): never {
  throw new AutoMLError('NOT_FITTED', `${type}: used before fit()`);
}
