import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DataFrame } from 'danfojs-node';
import { dataFrameToRawTable, rowsToRawTable } from '../../src/data/adapters.ts';
import { toRawTable } from '../../src/data/tabular-input.ts';
import { buildTrainingData } from '../../src/data/build.ts';

test('rows: union of keys in first-seen order, typed values to text, gaps missing', () => {
  const raw = rowsToRawTable([
    { a: 1, b: 'x' },
    { b: 'y', c: true, a: null },
    { a: NaN, c: false, d: undefined },
    { a: 2.5, b: new Date(Date.UTC(2024, 0, 2)) },
  ]);
  assert.deepEqual(raw.header, ['a', 'b', 'c', 'd']);
  assert.deepEqual(raw.columns, [
    ['1', '', '', '2.5'],
    ['x', 'y', '', '2024-01-02T00:00:00.000Z'],
    ['', 'true', 'false', ''],
    ['', '', '', ''],
  ]);
  assert.equal(raw.nRows, 4);
});

test('rows: empty arrays, non-object rows and unusable cells are BAD_INPUT', () => {
  assert.throws(() => rowsToRawTable([]), { code: 'BAD_INPUT', message: /empty/ });
  const notObjects = JSON.parse('[{"a":1},[1,2]]') as Record<string, unknown>[];
  assert.throws(() => rowsToRawTable(notObjects), { code: 'BAD_INPUT', message: /row 1 is an array/ });
  assert.throws(() => rowsToRawTable([{ a: 1 }, null as unknown as Record<string, unknown>]), {
    code: 'BAD_INPUT',
    message: /row 1 is null/,
  });
  assert.throws(() => rowsToRawTable([{ a: { nested: true } }]), { code: 'BAD_INPUT', message: /row 0, column 'a'/ });
  assert.throws(() => rowsToRawTable([{ a: Infinity }]), { code: 'BAD_INPUT' });
  assert.throws(() => rowsToRawTable([{}, {}]), { code: 'BAD_INPUT', message: /no columns/ });
});

test('danfo.js DataFrame: columns and values, NaN/null/undefined as missing', () => {
  const frame = new DataFrame({ size: [1.5, NaN, 3], colour: ['red', null, 'blue'], ok: [true, false, undefined] });
  const raw = dataFrameToRawTable(frame);
  assert.deepEqual(raw.header, ['size', 'colour', 'ok']);
  assert.deepEqual(raw.columns, [
    ['1.5', '', '3'],
    ['red', '', 'blue'],
    ['true', 'false', ''],
  ]);
  assert.equal(raw.nRows, 3);
  assert.deepEqual(toRawTable(frame), raw);
});

test('a DataFrame trains like any other table', () => {
  const n = 30;
  const frame = new DataFrame({
    x: Array.from({ length: n }, (_, i) => i * 1.5),
    group: Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 'a' : 'b')),
    y: Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 'even' : 'odd')),
  });
  const data = buildTrainingData(dataFrameToRawTable(frame), { target: 'y' });
  assert.equal(data.task, 'binary');
  assert.deepEqual(data.schema.columns.map((column) => column.type), ['numeric', 'categorical']);
});

test('toRawTable accepts row arrays and raw tables, and refuses anything else', () => {
  assert.deepEqual(toRawTable([{ a: 1 }]).columns, [['1']]);
  const raw = { header: ['a'], columns: [['1']], nRows: 1 };
  assert.equal(toRawTable(raw), raw);
  assert.throws(() => toRawTable(42 as unknown as never), { code: 'BAD_INPUT' });
});
