/**
 * Encodes the target column for a chosen task: class codes in a deterministic class order, or
 * numbers. Cells given here are all present (rows with a missing target were dropped before).
 */

import { AutoMLError } from '../util/errors.ts';
import type { Target, Task } from './dataset.ts';
import { categoryOf, parseNumericCell, sortLabels } from './cell.ts';
import { cellText, columnTexts, isNumericCells, rawColumnLength, type RawColumn } from './raw-column.ts';

export interface EncodedTarget {
  readonly target: Target;
  readonly warnings: string[];
}

/**
 * `rowNumber(i)` gives the 1-based data row of cell i in the user's input, for messages.
 */
export function encodeTarget(
  name: string,
  cells: RawColumn,
  task: Task,
  rowNumber: (i: number) => number,
): EncodedTarget {
  // Class labels are texts (a numeric target's spellings name its classes), so they are read as texts.
  return task === 'regression' ? encodeRegression(name, cells, rowNumber) : encodeClasses(name, columnTexts(cells), task);
}

function encodeRegression(name: string, cells: RawColumn, rowNumber: (i: number) => number): EncodedTarget {
  const values = new Float64Array(rawColumnLength(cells));
  const parsed = isNumericCells(cells) ? cells.values : undefined;
  for (let i = 0; i < values.length; i++) {
    const value = parsed === undefined ? parseNumericCell(cellText(cells, i)) : parsed[i]!;
    if (Number.isNaN(value)) {
      throw new AutoMLError(
        'NON_NUMERIC_TARGET',
        `regression needs a numeric target, but '${name}' holds ${JSON.stringify(cellText(cells, i))} in data row ${rowNumber(i)}`,
        { hint: 'choose a classification task (binary or multiclass) for a label target, or correct the value' },
      );
    }
    values[i] = value;
  }
  const warnings: string[] = [];
  if (values.every((value) => value === values[0])) warnings.push(`target '${name}' has the same value in every row; there is nothing to learn`);
  return { target: { kind: 'regression', name, values }, warnings };
}

function encodeClasses(name: string, cells: readonly string[], task: Task): EncodedTarget {
  const labels = classLabelsOf(cells);
  const classes = sortLabels(new Set(labels));
  if (classes.length < 2) {
    throw new AutoMLError(
      'SINGLE_CLASS',
      `target '${name}' has only one class (${JSON.stringify(classes[0] ?? '')}); classification needs at least two`,
      { hint: 'check that the right column is the target and that the data holds examples of every class' },
    );
  }
  if (task === 'binary' && classes.length > 2) {
    throw new AutoMLError(
      'BAD_OPTION',
      `task binary was requested but target '${name}' has ${classes.length} classes (${preview(classes)})`,
      { hint: 'use task multiclass, or leave the task out to infer it' },
    );
  }
  const codeOf = new Map(classes.map((label, k) => [label, k]));
  const codes = new Int32Array(labels.length);
  const counts = new Int32Array(classes.length);
  for (let i = 0; i < labels.length; i++) {
    const code = codeOf.get(labels[i]!)!;
    codes[i] = code;
    counts[code]!++;
  }
  const warnings: string[] = [];
  const singletons = classes.filter((_, k) => counts[k] === 1);
  if (singletons.length > 0) {
    warnings.push(`target '${name}': ${singletons.length} class${singletons.length === 1 ? ' has' : 'es have'} a single row (${preview(singletons)}); they cannot be both trained on and validated`);
  }
  return { target: { kind: 'classification', name, codes, classes }, warnings };
}

/**
 * Label of every cell. When every label is a number, labels are grouped by value so that "1" and
 * "1.0" are one class, named by the spelling seen first.
 */
function classLabelsOf(cells: readonly string[]): string[] {
  const labels = cells.map(categoryOf);
  const spellingOf = new Map<number, string>();
  for (const label of labels) {
    const value = parseNumericCell(label);
    if (Number.isNaN(value)) return labels;
    if (!spellingOf.has(value)) spellingOf.set(value, label);
  }
  return labels.map((label) => spellingOf.get(parseNumericCell(label))!);
}

function preview(labels: readonly string[], limit = 5): string {
  const shown = labels.slice(0, limit).map((label) => JSON.stringify(label)).join(', ');
  return labels.length > limit ? `${shown}, …` : shown;
}
