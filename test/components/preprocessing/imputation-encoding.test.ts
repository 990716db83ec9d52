/** Golden checks of the dataset-stage transformers and the encoders on small hand-made data. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MISSING_CODE, UNKNOWN_CODE, type CategoricalColumn, type Dataset } from '../../../src/data/dataset.ts';
import {
  CategoryCoalescer, Imputer, OneHotEncoder, OrdinalEncoder, MISSING_VALUE, UNKNOWN_VALUE,
} from '../../../src/components/preprocessing/index.ts';
import { loadSplit } from './load.ts';
import { assertThrowsCode, mean } from './helpers.ts';

const numeric = (name: string, values: number[]) => ({ kind: 'numeric' as const, name, values: Float64Array.from(values) });
const categorical = (name: string, categories: string[], codes: number[]): CategoricalColumn => ({
  kind: 'categorical',
  name,
  categories,
  codes: Int32Array.from(codes),
});
const dataset = (...columns: Dataset['columns'][number][]): Dataset => ({
  nRows: columns[0]!.kind === 'numeric' ? columns[0]!.values.length : columns[0]!.codes.length,
  columns,
});

describe('Imputer', () => {
  const data = dataset(
    numeric('x', [1, NaN, 2, 2, 10, NaN]),
    numeric('empty', [NaN, NaN, NaN, NaN, NaN, NaN]),
    categorical('c', ['a', 'b'], [0, MISSING_CODE, 1, 1, 0, MISSING_CODE]),
  );

  it('fills with the mean, median or most frequent value; an unobserved column with 0', () => {
    const expected = { mean: 3.75, median: 2, most_frequent: 2 } as const;
    for (const strategy of ['mean', 'median', 'most_frequent'] as const) {
      const imputer = new Imputer({ strategy });
      imputer.fit(data);
      const out = imputer.transform(data);
      const x = out.columns[0]!;
      assert.equal(x.kind, 'numeric');
      assert.deepEqual(Array.from(x.kind === 'numeric' ? x.values : []), [1, expected[strategy], 2, 2, 10, expected[strategy]]);
      const empty = out.columns[1]!;
      assert.deepEqual(Array.from(empty.kind === 'numeric' ? empty.values : []), [0, 0, 0, 0, 0, 0]);
      assert.equal(out.columns[2], data.columns[2], 'categorical column passes through untouched');
    }
  });

  it('breaks most-frequent ties toward the smaller value', () => {
    const imputer = new Imputer({ strategy: 'most_frequent' });
    imputer.fit(dataset(numeric('x', [5, 5, 3, 3, NaN])));
    assert.deepEqual(Array.from(imputer.fillValues), [3]);
  });

  it('fills pima_diabetes2 with training means only', () => {
    const { train, test } = loadSplit('pima_diabetes2');
    const imputer = new Imputer();
    imputer.fit(train);
    train.columns.forEach((column, j) => {
      if (column.kind !== 'numeric') return;
      const observed = column.values.filter((v) => !Number.isNaN(v));
      assert.ok(Math.abs(imputer.fillValues[j]! - mean(observed)) < 1e-9);
    });
    const filled = imputer.transform(test);
    for (const column of filled.columns) if (column.kind === 'numeric') assert.ok(column.values.every(Number.isFinite));
  });

  it('refuses a dataset with other columns than it was fitted on, and bad hyperparameters', () => {
    const imputer = new Imputer();
    imputer.fit(data);
    assertThrowsCode(() => imputer.transform(dataset(numeric('x', [1]))), 'BAD_INPUT');
    assertThrowsCode(() => imputer.transform({ nRows: 6, columns: [data.columns[1]!, data.columns[0]!, data.columns[2]!] }), 'BAD_INPUT');
    assertThrowsCode(() => new Imputer({ strategy: 'mode' as 'mean' }), 'ILLEGAL_VALUE');
    assertThrowsCode(() => new Imputer({ stratgy: 'mean' } as unknown as { strategy: 'mean' }), 'ILLEGAL_VALUE');
  });
});

describe('CategoryCoalescer', () => {
  // a: 10 rows, b: 8, c: 1, d: 0 (in the dictionary, never in training), plus one missing.
  const codes = [...Array<number>(10).fill(0), ...Array<number>(8).fill(1), 2, MISSING_CODE];
  const data = dataset(categorical('c', ['a', 'b', 'c', 'd'], codes), numeric('x', codes.map((_, i) => i)));

  it('merges categories rarer than minimum_fraction into one bucket, unseen ones too', () => {
    const coalescer = new CategoryCoalescer({ minimum_fraction: 0.1 });
    coalescer.fit(data);
    const probe = dataset(categorical('c', ['a', 'b', 'c', 'd'], [0, 1, 2, 3, MISSING_CODE, UNKNOWN_CODE, 17]), numeric('x', [0, 0, 0, 0, 0, 0, 0]));
    const column = coalescer.transform(probe).columns[0] as CategoricalColumn;
    assert.deepEqual(column.categories, ['a', 'b', '(other)']);
    assert.deepEqual(Array.from(column.codes), [0, 1, 2, 2, MISSING_CODE, 2, 2]);
    assert.equal(coalescer.transform(probe).columns[1], probe.columns[1], 'numeric column passes through');
  });

  it('keeps every category when none is rare, leaving unknown codes to the encoder', () => {
    const coalescer = new CategoryCoalescer({ minimum_fraction: 0.01 });
    const full = dataset(categorical('c', ['a', 'b'], [0, 1, 1, 0]));
    coalescer.fit(full);
    const column = coalescer.transform(dataset(categorical('c', ['a', 'b'], [1, UNKNOWN_CODE, MISSING_CODE]))).columns[0] as CategoricalColumn;
    assert.deepEqual(column.categories, ['a', 'b']);
    assert.deepEqual(Array.from(column.codes), [1, UNKNOWN_CODE, MISSING_CODE]);
  });

  it('names the bucket so it cannot collide with a real category', () => {
    const coalescer = new CategoryCoalescer({ minimum_fraction: 0.3 });
    coalescer.fit(dataset(categorical('c', ['(other)', 'z'], [0, 0, 0, 1])));
    const column = coalescer.transform(dataset(categorical('c', ['(other)', 'z'], [0, 1]))).columns[0] as CategoricalColumn;
    assert.deepEqual(column.categories, ['(other)', '((other))']);
  });
});

describe('OneHotEncoder', () => {
  const data = dataset(
    numeric('age', [30, 40, 50, 60]),
    categorical('colour', ['red', 'green', 'blue'], [0, 2, MISSING_CODE, 0]),
  );

  it('expands categoricals in place, with a missing slot, and zeros for the unseen', () => {
    const encoder = new OneHotEncoder();
    encoder.fit(data);
    assert.deepEqual(encoder.featureNames(), ['age', 'colour=red', 'colour=blue', 'colour=<missing>']);
    const probe = dataset(numeric('age', [1, 2, 3, 4, 5]), categorical('colour', ['red', 'green', 'blue'], [2, 1, MISSING_CODE, UNKNOWN_CODE, 9]));
    const out = encoder.transform(probe);
    assert.deepEqual(out.columns.map((c) => Array.from(c)), [
      [1, 2, 3, 4, 5],
      [0, 0, 0, 0, 0],
      [1, 0, 0, 0, 0],
      [0, 0, 1, 0, 0],
    ]);
  });

  it('adds an unknown slot only when the training rows hold unknown codes', () => {
    const encoder = new OneHotEncoder();
    encoder.fit(dataset(categorical('c', ['x'], [0, UNKNOWN_CODE])));
    assert.deepEqual(encoder.featureNames(), ['c=x', 'c=<unknown>']);
    const out = encoder.transform(dataset(categorical('c', ['x'], [UNKNOWN_CODE, 5, MISSING_CODE, 0])));
    assert.deepEqual(out.columns.map((c) => Array.from(c)), [[0, 0, 0, 1], [1, 1, 0, 0]]);
  });

  it('gives every row of house_votes84 exactly one hot slot per categorical column', () => {
    const { train, test } = loadSplit('house_votes84');
    const encoder = new OneHotEncoder();
    encoder.fit(train);
    const out = encoder.transform(test);
    assert.equal(out.columns.length, encoder.featureNames().length);
    for (let i = 0; i < test.nRows; i++) {
      const ones = out.columns.reduce((s, column) => s + column[i]!, 0);
      assert.equal(ones, test.columns.length);
    }
  });
});

describe('OrdinalEncoder', () => {
  it('keeps seen codes, marks missing and unseen with their own values, passes numerics', () => {
    const encoder = new OrdinalEncoder();
    const train = dataset(categorical('size', ['s', 'm', 'l'], [0, 2, 2, MISSING_CODE]), numeric('x', [1.5, 2, 3, 4]));
    encoder.fit(train);
    assert.deepEqual(encoder.featureNames(), ['size', 'x']);
    const out = encoder.transform(dataset(categorical('size', ['s', 'm', 'l'], [2, 1, MISSING_CODE, UNKNOWN_CODE, 8]), numeric('x', [7, 8, 9, 10, 11])));
    assert.deepEqual(Array.from(out.columns[0]!), [2, UNKNOWN_VALUE, MISSING_VALUE, UNKNOWN_VALUE, UNKNOWN_VALUE]);
    assert.deepEqual(Array.from(out.columns[1]!), [7, 8, 9, 10, 11]);
  });
});
