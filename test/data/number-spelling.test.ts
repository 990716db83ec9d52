import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseNumericCell } from '../../src/data/cell.ts';
import { CANONICAL, OTHER_SPELLING, parseShortPlainDecimal, spelledNumber, spellingCode } from '../../src/data/number-spelling.ts';
import { Rng } from '../../src/util/rng.ts';

/** Random number texts in the forms data files hold, canonical or not. */
function randomNumberText(rng: Rng): string {
  const digits = (n: number): string => Array.from({ length: n }, () => String(Math.floor(rng.next() * 10))).join('');
  const sign = rng.next() < 0.3 ? '-' : rng.next() < 0.05 ? '+' : '';
  const whole = rng.next() < 0.3 ? '0' : digits(1 + Math.floor(rng.next() * 18));
  const fraction = rng.next() < 0.3 ? '' : `.${'0'.repeat(rng.next() < 0.3 ? Math.floor(rng.next() * 9) : 0)}${digits(Math.floor(rng.next() * 18))}`;
  const exponent = rng.next() < 0.05 ? `e${Math.floor(rng.next() * 40) - 20}` : '';
  return `${sign}${whole}${fraction}${exponent}`;
}

test('the cheap parse gives exactly Number(text), and only for texts String() writes so', () => {
  const rng = new Rng(11);
  let parsed = 0;
  for (let k = 0; k < 300_000; k++) {
    const text = randomNumberText(rng);
    const value = parseShortPlainDecimal(text);
    if (Number.isNaN(value)) continue;
    parsed++;
    if (!Object.is(value, Number(text))) assert.fail(`${text}: ${value} ≠ ${Number(text)}`);
    if (String(value) !== text) assert.fail(`${text}: String gives ${String(value)}`);
  }
  assert.ok(parsed > 50_000, `${parsed} texts parsed`);
});

test('the cheap parse takes ordinary numbers and leaves redundant spellings to the general one', () => {
  for (const text of ['0', '7', '-3', '10', '123000', '0.5', '-0.25', '12.345', '0.000001', '123456789012345', '1.23456789012345', '0.00000123456789012345']) {
    assert.ok(Object.is(parseShortPlainDecimal(text), Number(text)), text);
  }
  for (const text of ['', '-', '-0', '00', '01', '+1', '1.', '.5', '1.50', '2.0', '0.0', ' 7', '7 ', '1e3', '0.0000001', '1234567890123456', '0x10', '1,5']) {
    assert.ok(Number.isNaN(parseShortPlainDecimal(text)), text);
  }
});

test('every code gives its text back exactly; other spellings are reported as such', () => {
  const rng = new Rng(12);
  for (let k = 0; k < 100_000; k++) {
    const text = randomNumberText(rng);
    const value = parseNumericCell(text);
    if (Number.isNaN(value)) continue;
    const code = spellingCode(text, value);
    if (code !== OTHER_SPELLING) assert.equal(spelledNumber(value, code), text, `${text} (code ${code})`);
  }
});

test('codes of common spellings', () => {
  const code = (text: string): number => spellingCode(text, parseNumericCell(text));
  assert.equal(code('12.5'), CANONICAL);
  assert.equal(code('0.30000000000000004'), CANONICAL);
  assert.equal(code('1e+21'), CANONICAL);
  assert.equal(code('1e-7'), CANONICAL);
  assert.equal(code('12.340'), 4); // toFixed(3)
  assert.equal(code('2.0'), 2); // toFixed(1)
  assert.equal(code('0.0000001'), 8); // toFixed(7): String would write 1e-7
  for (const text of ['01', '+3', '1e3', ' 7', '7 ', '-0', '-0.000', '.5', '5.', '1E5']) assert.equal(code(text), OTHER_SPELLING, text);
});
