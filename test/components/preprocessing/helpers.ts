/** Shared helpers of the preprocessing tests: running chains of steps and comparing matrices. */
import assert from 'node:assert/strict';
import { MISSING_CODE, UNKNOWN_CODE, type Column, type Dataset } from '../../../src/data/dataset.ts';
import type { FeatureMatrix } from '../../../src/components/matrix.ts';
import type { FitTarget } from '../../../src/components/transformer.ts';
import { loadTransformer, type Transformer } from '../../../src/components/preprocessing/index.ts';
import { AutoMLError, type ErrorCode } from '../../../src/util/errors.ts';

/** Fits the steps in order on the training rows, each on the previous step's training output. */
export function fitChain(steps: readonly Transformer[], train: Dataset, target: FitTarget): FeatureMatrix {
  let dataset: Dataset | undefined = train;
  let matrix: FeatureMatrix | undefined;
  for (const step of steps) {
    if (step.stage === 'matrix') {
      if (matrix === undefined) throw new Error('matrix step before the encoder');
      step.fit(matrix, target);
      matrix = step.transform(matrix);
    } else {
      if (dataset === undefined) throw new Error('dataset step after the encoder');
      step.fit(dataset, target);
      if (step.stage === 'encode') {
        matrix = step.transform(dataset);
        dataset = undefined;
      } else {
        dataset = step.transform(dataset);
      }
    }
  }
  if (matrix === undefined) throw new Error('chain has no encoder');
  return matrix;
}

/** Applies fitted steps in order. */
export function applyChain(steps: readonly Transformer[], data: Dataset): FeatureMatrix {
  let dataset: Dataset | undefined = data;
  let matrix: FeatureMatrix | undefined;
  for (const step of steps) {
    if (step.stage === 'matrix') matrix = step.transform(matrix!);
    else if (step.stage === 'encode') matrix = step.transform(dataset!);
    else dataset = step.transform(dataset!);
  }
  return matrix!;
}

/** Each step rebuilt from its JSON text, as a saved model file would give it back. */
export function reloadChain(steps: readonly Transformer[]): Transformer[] {
  return steps.map((step) => loadTransformer(JSON.parse(JSON.stringify(step.toJSON()))));
}

/** Bit-for-bit equality of two matrices (Object.is, so NaN equals NaN and 0 differs from −0). */
export function assertSameMatrix(actual: FeatureMatrix, expected: FeatureMatrix, what = 'matrix'): void {
  assert.equal(actual.nRows, expected.nRows, `${what}: row count`);
  assert.equal(actual.columns.length, expected.columns.length, `${what}: column count`);
  for (let j = 0; j < expected.columns.length; j++) {
    const a = actual.columns[j]!;
    const e = expected.columns[j]!;
    assert.equal(a.length, e.length, `${what}: length of column ${j}`);
    for (let i = 0; i < e.length; i++) {
      if (!Object.is(a[i], e[i])) assert.fail(`${what}: [${i}, ${j}] is ${a[i]}, expected ${e[i]}`);
    }
  }
}

/** Rows `rows` of a matrix, as a matrix. */
export function matrixRows(x: FeatureMatrix, rows: readonly number[]): FeatureMatrix {
  return { nRows: rows.length, columns: x.columns.map((column) => Float64Array.from(rows, (i) => column[i]!)) };
}

export function assertAllFinite(x: FeatureMatrix, what = 'matrix'): void {
  x.columns.forEach((column, j) => {
    assert.equal(column.length, x.nRows, `${what}: length of column ${j}`);
    const bad = column.findIndex((v) => !Number.isFinite(v));
    if (bad >= 0) assert.fail(`${what}: [${bad}, ${j}] is ${column[bad]}`);
  });
}

/**
 * A copy of `data` with surprises in it: categorical codes replaced by UNKNOWN_CODE, by codes
 * past the dictionary and by MISSING_CODE, numeric values by NaN, on a fixed pattern of rows.
 */
export function withSurprises(data: Dataset): Dataset {
  const columns = data.columns.map((column, j): Column => {
    if (column.kind === 'numeric') {
      return { ...column, values: column.values.map((v, i) => ((i + j) % 5 === 0 ? NaN : v)) };
    }
    const codes = column.codes.map((code, i) => {
      const slot = (i + j) % 6;
      if (slot === 0) return UNKNOWN_CODE;
      if (slot === 1) return MISSING_CODE;
      if (slot === 2) return column.categories.length + 3;
      return code;
    });
    return { ...column, codes };
  });
  return { nRows: data.nRows, columns };
}

/** A deep snapshot of a dataset's arrays, to check that nothing mutates its input. */
export function snapshot(data: Dataset): string {
  return JSON.stringify(data.columns.map((c) => (c.kind === 'numeric' ? Array.from(c.values, String) : Array.from(c.codes))));
}

export function assertThrowsCode(run: () => unknown, code: ErrorCode, what?: string): void {
  assert.throws(
    run,
    (error: unknown) => {
      assert.ok(error instanceof AutoMLError, `${what ?? 'call'}: expected an AutoMLError, got ${String(error)}`);
      assert.equal(error.code, code, `${what ?? 'call'}: ${error.message}`);
      return true;
    },
    what,
  );
}

/** Column-major matrix from row-major rows. */
export function matrixOf(rows: readonly (readonly number[])[]): FeatureMatrix {
  const width = rows[0]?.length ?? 0;
  return { nRows: rows.length, columns: Array.from({ length: width }, (_, j) => Float64Array.from(rows, (row) => row[j]!)) };
}

export function mean(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  return sum / values.length;
}

export function populationStd(values: ArrayLike<number>): number {
  const m = mean(values);
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += (values[i]! - m) ** 2;
  return Math.sqrt(sum / values.length);
}
