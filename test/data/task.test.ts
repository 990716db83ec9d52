import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { inferTask } from '../../src/data/task.ts';
import { readCsvFile } from '../../src/data/csv.ts';
import type { RawColumn } from '../../src/data/raw-column.ts';
import { DATASETS } from './temp-files.ts';

async function targetCells(file: string, target: string): Promise<RawColumn> {
  const raw = await readCsvFile(join(DATASETS, file));
  return raw.columns[raw.header.indexOf(target)]!;
}

test('real datasets: iris multiclass, breast_cancer binary, diabetes regression', async () => {
  assert.equal(inferTask(await targetCells('iris.csv', 'class')), 'multiclass');
  assert.equal(inferTask(await targetCells('breast_cancer.csv', 'class')), 'binary');
  assert.equal(inferTask(await targetCells('diabetes.csv', 'target')), 'regression');
});

test('text targets: two labels binary, more multiclass; missing cells ignored', () => {
  assert.equal(inferTask(['yes', 'no', '', 'yes']), 'binary');
  assert.equal(inferTask(['a', 'b', 'c']), 'multiclass');
  assert.equal(inferTask(['NA', 'None', 'nan']), 'multiclass');
});

test('numeric targets: few distinct integers are classes, anything else regression', () => {
  assert.equal(inferTask(['0', '1', '1', '0']), 'binary');
  assert.equal(inferTask(['1', '2', '3', '2.0']), 'multiclass');
  assert.equal(inferTask(Array.from({ length: 11 }, (_, i) => String(i))), 'regression');
  assert.equal(inferTask(['0.5', '1.5']), 'regression');
});

test('an all-missing target is TARGET_ALL_MISSING', () => {
  assert.throws(() => inferTask(['', ' '], 'y'), { code: 'TARGET_ALL_MISSING', message: /'y'/ });
});
