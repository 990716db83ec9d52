/**
 * Which learning task a target column calls for. Text labels mean classification; numbers mean
 * regression unless they look like class codes (few distinct integers, e.g. 0/1 or 1..5).
 */

import { AutoMLError } from '../util/errors.ts';
import type { Task } from './dataset.ts';
import { categoryOf, isMissingCell, parseNumericCell } from './cell.ts';
import { isNumericCells, type RawColumn } from './raw-column.ts';

/** Integer targets with at most this many distinct values are taken as class codes. */
export const MAX_INTEGER_CLASSES = 10;

export const TASKS: readonly Task[] = ['binary', 'multiclass', 'regression'];

/** Task for a raw target column; missing cells are ignored. `name` is for the error message. */
export function inferTask(column: RawColumn, name = 'target'): Task {
  let present = 0;
  let numeric = true;
  let integers = true;
  const distinctNumbers = new Set<number>();
  const count = (value: number): void => {
    present++;
    if (!Number.isInteger(value)) integers = false;
    if (distinctNumbers.size <= MAX_INTEGER_CLASSES) distinctNumbers.add(value);
  };
  // A column kept as numbers: every cell is a number, or missing (NaN).
  if (isNumericCells(column)) for (const value of column.values) if (!Number.isNaN(value)) count(value);
  const cells = isNumericCells(column) ? [] : column;
  for (const cell of cells) {
    if (isMissingCell(cell)) continue;
    const value = parseNumericCell(cell);
    if (Number.isNaN(value)) {
      present++;
      numeric = false;
      break;
    }
    count(value);
  }
  if (present === 0) {
    throw new AutoMLError('TARGET_ALL_MISSING', `target column '${name}' has no values (every cell is empty)`, {
      hint: 'fill in the target column, or choose another target',
    });
  }
  if (numeric) {
    if (!integers || distinctNumbers.size > MAX_INTEGER_CLASSES) return 'regression';
    return distinctNumbers.size <= 2 ? 'binary' : 'multiclass';
  }
  const labels = new Set<string>();
  for (const cell of cells) {
    const label = categoryOf(cell);
    if (label !== '') labels.add(label);
    if (labels.size > 2) return 'multiclass';
  }
  return 'binary';
}

/** Checks a task given from outside (JavaScript callers bypass the type). */
export function checkTask(task: string): Task {
  const found = TASKS.find((known) => known === task);
  if (found === undefined) {
    throw new AutoMLError('BAD_OPTION', `unknown task ${JSON.stringify(task)}`, {
      hint: 'the task is binary, multiclass or regression (or leave it out to infer it from the target)',
    });
  }
  return found;
}
