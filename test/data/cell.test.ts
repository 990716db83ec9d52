import { test } from 'node:test';
import assert from 'node:assert/strict';
import { categoryOf, compareLabels, isMissingCell, parseNumericCell, sortLabels } from '../../src/data/cell.ts';

test('missing means empty or whitespace only', () => {
  assert.ok(isMissingCell(''));
  assert.ok(isMissingCell(' \t'));
  for (const value of ['NA', 'None', 'nan', 'null', '0']) assert.ok(!isMissingCell(value), value);
});

test('parseNumericCell accepts decimal forms and rejects the rest', () => {
  const accepted: [string, number][] = [['1e-3', 0.001], ['-0.5', -0.5], ['.5', 0.5], [' 7 ', 7], ['+2', 2], ['3.', 3], ['0', 0], ['00012', 12], ['-0', -0]];
  for (const [text, value] of accepted) assert.equal(parseNumericCell(text), value, text);
  for (const text of ['', '  ', 'NA', 'nan', 'Infinity', '-Infinity', '0x10', '0b1', '0o7', ' 0X1f', '1,5', '1_000', 'abc', '1e', '--1']) {
    assert.ok(Number.isNaN(parseNumericCell(text)), text);
  }
});

test('labels: trimmed; numbers first by value, then code-unit order', () => {
  assert.equal(categoryOf('  yes '), 'yes');
  assert.deepEqual(sortLabels(['b', '10', 'a', '9', 'B', '-1', '1e1']), ['-1', '9', '10', '1e1', 'B', 'a', 'b']);
  assert.ok(compareLabels('2', '10') < 0);
  assert.ok(compareLabels('10', 'a') < 0);
  assert.equal(compareLabels('x', 'x'), 0);
});
