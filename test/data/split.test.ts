import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { holdoutSplit, kFoldSplits, type Split } from '../../src/data/split.ts';
import { buildTrainingData } from '../../src/data/build.ts';
import { readCsvFile } from '../../src/data/csv.ts';
import type { ClassificationTarget, RegressionTarget } from '../../src/data/dataset.ts';
import { DATASETS } from './temp-files.ts';

function classes(codes: number[], nClasses: number): ClassificationTarget {
  return { kind: 'classification', name: 'y', codes: Int32Array.from(codes), classes: Array.from({ length: nClasses }, (_, k) => `c${k}`) };
}

function regression(n: number): RegressionTarget {
  return { kind: 'regression', name: 'y', values: Float64Array.from({ length: n }, (_, i) => i * 0.5) };
}

function classCounts(target: ClassificationTarget, rows: Int32Array): number[] {
  const counts = new Array<number>(target.classes.length).fill(0);
  for (const row of rows) counts[target.codes[row]!]!++;
  return counts;
}

function assertPartition(split: Split, n: number): void {
  const all = [...split.train, ...split.test].sort((a, b) => a - b);
  assert.deepEqual(all, Array.from({ length: n }, (_, i) => i), 'train and test partition the rows');
  for (const part of [split.train, split.test]) {
    for (let i = 1; i < part.length; i++) assert.ok(part[i - 1]! < part[i]!, 'indices are sorted');
  }
}

test('stratified holdout keeps class proportions (imbalanced 90/10)', () => {
  const codes = Array.from({ length: 1000 }, (_, i) => (i % 10 === 0 ? 1 : 0));
  const target = classes(codes, 2);
  const split = holdoutSplit(target, { testFraction: 0.25, seed: 7 });
  assertPartition(split, 1000);
  assert.equal(split.test.length, 250);
  assert.deepEqual(classCounts(target, split.test), [225, 25]);
  assert.deepEqual(classCounts(target, split.train), [675, 75]);
});

test('holdout is identical for the same seed and different for another', () => {
  const target = classes(Array.from({ length: 300 }, (_, i) => i % 3), 3);
  const a = holdoutSplit(target, { testFraction: 0.3, seed: 1 });
  const b = holdoutSplit(target, { testFraction: 0.3, seed: 1 });
  const c = holdoutSplit(target, { testFraction: 0.3, seed: 2 });
  assert.deepEqual(a, b);
  assert.notDeepEqual(a.test, c.test);
});

test('every class with two or more rows lands on both sides; a lone row stays in train', () => {
  // Classes of 2, 2, 2 and 1 rows among 40; a 10% test part is 4 rows.
  const codes = [...new Array<number>(33).fill(0), 1, 1, 2, 2, 3, 3, 4];
  const target = classes(codes, 5);
  for (let seed = 0; seed < 20; seed++) {
    const split = holdoutSplit(target, { testFraction: 0.1, seed });
    assertPartition(split, codes.length);
    const test = classCounts(target, split.test);
    const train = classCounts(target, split.train);
    assert.deepEqual(test.slice(1), [1, 1, 1, 0], `seed ${seed}`);
    assert.deepEqual(train.slice(1), [1, 1, 1, 1], `seed ${seed}`);
    assert.equal(split.test.length, 4);
  }
});

test('regression holdout is a seeded shuffle', () => {
  const target = regression(101);
  const split = holdoutSplit(target, { testFraction: 0.2, seed: 3 });
  assertPartition(split, 101);
  assert.equal(split.test.length, 20);
  assert.deepEqual(holdoutSplit(target, { testFraction: 0.2, seed: 3 }), split);
  assert.notDeepEqual(holdoutSplit(target, { testFraction: 0.2, seed: 4 }).test, split.test);
});

test('iris holdout: 25% with 12 or 13 rows of each class in test', async () => {
  const data = buildTrainingData(await readCsvFile(join(DATASETS, 'iris.csv')), { target: 'class' });
  assert.ok(data.target.kind === 'classification');
  const split = holdoutSplit(data.target, { testFraction: 0.25, seed: 0 });
  assert.equal(split.test.length, 38);
  for (const count of classCounts(data.target, split.test)) assert.ok(count === 12 || count === 13, String(count));
});

test('stratified k-fold: every row tested once, folds balanced in size and classes', () => {
  const codes = Array.from({ length: 103 }, (_, i) => (i % 4 === 0 ? 1 : i % 7 === 0 ? 2 : 0));
  const target = classes(codes, 3);
  const folds = kFoldSplits(target, 5, 11);
  assert.equal(folds.length, 5);
  const tested = new Array<number>(103).fill(0);
  const overall = classCounts(target, Int32Array.from(codes.keys()));
  for (const fold of folds) {
    assertPartition(fold, 103);
    for (const row of fold.test) tested[row]!++;
    assert.ok(fold.test.length === 20 || fold.test.length === 21, String(fold.test.length));
    classCounts(target, fold.test).forEach((count, k) => {
      assert.ok(Math.abs(count - overall[k]! / 5) <= 1, `class ${k}: ${count} vs ${overall[k]! / 5}`);
    });
  }
  assert.ok(tested.every((times) => times === 1));
  assert.deepEqual(kFoldSplits(target, 5, 11), folds);
  assert.notDeepEqual(kFoldSplits(target, 5, 12), folds);
});

test('regression k-fold', () => {
  const folds = kFoldSplits(regression(10), 3, 5);
  assert.deepEqual(folds.map((fold) => fold.test.length).sort(), [3, 3, 4]);
  for (const fold of folds) assertPartition(fold, 10);
});

test('impossible requests are BAD_OPTION', () => {
  const target = classes([0, 1, 0, 1], 2);
  assert.throws(() => kFoldSplits(target, 5, 0), { code: 'BAD_OPTION', message: /5 folds need at least 5 rows/ });
  assert.throws(() => kFoldSplits(target, 1, 0), { code: 'BAD_OPTION' });
  assert.throws(() => kFoldSplits(target, 2.5, 0), { code: 'BAD_OPTION' });
  assert.throws(() => holdoutSplit(target, { testFraction: 0, seed: 0 }), { code: 'BAD_OPTION' });
  assert.throws(() => holdoutSplit(target, { testFraction: 1, seed: 0 }), { code: 'BAD_OPTION' });
  assert.throws(() => holdoutSplit(classes([0], 1), { testFraction: 0.5, seed: 0 }), { code: 'BAD_OPTION' });
});
