/**
 * A benchmark corpus manifest: datasets with their task, target, column types and the file of
 * fixed test-row indices. Users can point the benchmark at their own corpus in the same format.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Task } from '../data/dataset.ts';
import { AutoMLError } from '../util/errors.ts';
import { isJsonObject } from '../util/json.ts';

export interface ManifestDataset {
  readonly name: string;
  readonly task: Task;
  readonly target: string;
  readonly csvPath: string;
  readonly splitPath: string;
  readonly columnTypes: Record<string, 'numeric' | 'categorical'>;
}

function field(entry: Record<string, unknown>, key: string, where: string): string {
  const value = entry[key];
  if (typeof value !== 'string' || value === '') throw new AutoMLError('BAD_INPUT', `${where}: field "${key}" is missing`);
  return value;
}

export function readManifest(path: string): ManifestDataset[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new AutoMLError('BAD_INPUT', `cannot read manifest ${path}: ${(error as Error).message}`);
  }
  if (!isJsonObject(parsed) || !Array.isArray(parsed['datasets'])) throw new AutoMLError('BAD_INPUT', `${path}: no "datasets" array`);
  const base = dirname(path);
  return parsed['datasets'].map((value, i) => {
    const where = `${path} datasets[${i}]`;
    if (!isJsonObject(value)) throw new AutoMLError('BAD_INPUT', `${where}: not an object`);
    const task = field(value, 'task', where);
    if (task !== 'binary' && task !== 'multiclass' && task !== 'regression') throw new AutoMLError('BAD_INPUT', `${where}: unknown task "${task}"`);
    const columnTypes: Record<string, 'numeric' | 'categorical'> = {};
    for (const column of Array.isArray(value['columns']) ? value['columns'] : []) {
      if (isJsonObject(column) && typeof column['name'] === 'string' && (column['type'] === 'numeric' || column['type'] === 'categorical')) {
        columnTypes[column['name']] = column['type'];
      }
    }
    return {
      name: field(value, 'name', where),
      task,
      target: field(value, 'target', where),
      csvPath: resolve(base, field(value, 'file', where)),
      splitPath: resolve(base, field(value, 'split_file', where)),
      columnTypes,
    };
  });
}

export function readTestRows(path: string): number[] {
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (!isJsonObject(parsed) || !Array.isArray(parsed['test']) || !parsed['test'].every((i) => Number.isInteger(i))) {
    throw new AutoMLError('BAD_INPUT', `${path}: expected {"test": [row indices]}`);
  }
  return parsed['test'] as number[];
}
