import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NumericColumnBuilder } from '../../src/data/numeric-column-builder.ts';
import { cellText, columnTexts } from '../../src/data/raw-column.ts';

function build(cells: readonly string[]): { builder: NumericColumnBuilder; accepted: number } {
  const builder = new NumericColumnBuilder();
  let accepted = 0;
  for (const cell of cells) {
    if (!builder.push(cell)) break;
    accepted++;
  }
  return { builder, accepted };
}

test('numbers, fixed decimals, other spellings and blanks all come back as they were read', () => {
  const cells = ['1', '1.50', '', '01', '  ', '-0', '2.0', '1e3', ' 7', '0.30000000000000004', '-12.340'];
  const { builder, accepted } = build(cells);
  assert.equal(accepted, cells.length);
  const column = builder.finish();
  assert.deepEqual(Array.from(column.values), [1, 1.5, NaN, 1, NaN, -0, 2, 1000, 7, 0.30000000000000004, -12.34]);
  assert.ok(Object.is(column.values[5], -0));
  assert.deepEqual(columnTexts(column), cells);
  // Only the texts no code can give back are kept.
  assert.deepEqual([...column.spellings.values()], ['01', '  ', '-0', '1e3', ' 7']);
});

test('a column of canonical numbers keeps no codes and no texts', () => {
  const column = build(['3', '-2.5', '', '1000000', '0.001']).builder.finish();
  assert.equal(column.spellingCodes, undefined);
  assert.equal(column.spellings.size, 0);
});

test('codes stay with their cells across blocks of every size', () => {
  // 200 000 cells cross the doubling blocks and several full 64 K blocks; every 7th has a code.
  const cells = Array.from({ length: 200_000 }, (_, i) => (i % 7 === 0 ? (i / 4).toFixed(2) : String(i)));
  const { builder, accepted } = build(cells);
  assert.equal(accepted, cells.length);
  assert.equal(builder.length, cells.length);
  const column = builder.finish();
  for (let i = 0; i < cells.length; i++) if (cellText(column, i) !== cells[i]) assert.fail(`cell ${i}: ${cellText(column, i)} ≠ ${cells[i]}`);
});

test('a cell that is not a number is refused; the texts so far are given back for a text column', () => {
  const { builder, accepted } = build(['4', '', '4.50', 'n/a', '5']);
  assert.equal(accepted, 3);
  assert.deepEqual(builder.texts(), ['4', '', '4.50']);
});

test('texts no code gives back are kept while they are few, then the column is refused', () => {
  // " 7" (a space after each delimiter) for every cell: past 1024 such texts, text is cheaper.
  const padded = Array.from({ length: 5000 }, (_, i) => ` ${i}`);
  const { builder, accepted } = build(padded);
  assert.equal(accepted, 1024);
  assert.deepEqual(builder.texts(), padded.slice(0, 1024));
  // One in ten cells spelled otherwise is few enough at any length.
  const sparse = Array.from({ length: 50_000 }, (_, i) => (i % 10 === 0 ? `0${i}` : String(i)));
  assert.equal(build(sparse).accepted, sparse.length);
});
