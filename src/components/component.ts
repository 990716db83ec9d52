/**
 * What a pipeline component declares: an id, the slot it fills, the tasks it serves, its own
 * hyperparameter space (a pure function of the dataset's properties) and a factory. Components are
 * listed explicitly in registry.ts; nothing is discovered by scanning directories.
 */
import type { Task } from '../data/dataset.ts';
import type { Configuration, ConfigurationSpace } from '../space/index.ts';
import type { TaskFamily } from '../metrics/scorers.ts';

/** Dataset properties a space or a factory may depend on (training rows only). */
export interface ComponentContext {
  readonly task: Task;
  readonly nRows: number;
  readonly nFeatures: number;
  readonly nNumeric: number;
  readonly nCategorical: number;
  /** Columns after one-hot encoding (numeric columns + one per category and a missing slot). */
  readonly nEncoded: number;
}

export interface ComponentSpec<T> {
  /** Choice value under the slot's `__choice__`, e.g. "random_forest". */
  readonly id: string;
  readonly families: readonly TaskFamily[];
  /** Whether the component can be used on this dataset at all (default: always). */
  readonly appliesTo?: (context: ComponentContext) => boolean;
  /** The component's hyperparameters, unprefixed; the registry nests them under `slot:id:`. */
  space(context: ComponentContext): ConfigurationSpace;
  /** A fresh, unfitted instance for the component's (unprefixed) hyperparameter values. */
  create(params: Configuration, seed: number, context: ComponentContext): T;
}

/** Reads a typed value from a component's parameters, failing loudly on a space/factory mismatch. */
export function numberParam(params: Configuration, name: string): number {
  const value = params[name];
  if (typeof value !== 'number') throw new TypeError(`hyperparameter "${name}" is missing or not a number`);
  return value;
}

export function stringParam(params: Configuration, name: string): string {
  const value = params[name];
  if (typeof value !== 'string') throw new TypeError(`hyperparameter "${name}" is missing or not a string`);
  return value;
}

export function booleanParam(params: Configuration, name: string): boolean {
  const value = params[name];
  if (typeof value === 'boolean') return value;
  if (value === 'True' || value === 'true') return true;
  if (value === 'False' || value === 'false') return false;
  throw new TypeError(`hyperparameter "${name}" is missing or not a boolean`);
}
