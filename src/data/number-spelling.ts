/**
 * How the text of a numeric cell is recovered from its value, so a CSV column of numbers can be
 * kept as a Float64Array without losing what the file said. The text matters wherever a column of
 * numbers is read as labels (a column declared categorical, a class target, a model's categories):
 * "1.50" and "1.5" are two labels.
 *
 * A spelling code says how: CANONICAL is String(value), d + 1 is value.toFixed(d) (the fixed
 * decimals of "12.340" or "2.0", common in exported data), and OTHER_SPELLING means neither gives
 * the text back ("01", "+3", "1e3", " 7", "-0"); the caller then keeps the text itself.
 */

export const CANONICAL = 0;
export const OTHER_SPELLING = -1;
/** toFixed takes at most 100 decimals; a code is d + 1, which fits a byte. */
const MAX_FIXED_DECIMALS = 100;

/** Code of `text`, given value = parseNumericCell(text) (finite). Every code is checked, never assumed. */
export function spellingCode(text: string, value: number): number {
  if (!Number.isNaN(parseShortPlainDecimal(text))) return CANONICAL;
  const point = text.indexOf('.');
  // Trailing zeros after a point: fixed decimals, the common case, tried before String().
  const fixedFirst = point >= 0 && text.charCodeAt(text.length - 1) === 48; /* 0 */
  if (fixedFirst && matchesFixed(text, value, point)) return text.length - point;
  if (String(value) === text) return CANONICAL;
  if (!fixedFirst && point >= 0 && matchesFixed(text, value, point)) return text.length - point;
  return OTHER_SPELLING;
}

/** The text a CANONICAL or fixed-decimals code stands for. */
export function spelledNumber(value: number, code: number): string {
  return code === CANONICAL ? String(value) : value.toFixed(code - 1);
}

function matchesFixed(text: string, value: number, point: number): boolean {
  const decimals = text.length - point - 1;
  return decimals <= MAX_FIXED_DECIMALS && value.toFixed(decimals) === text;
}

/** Powers of ten that doubles hold exactly (up to 1e22). */
const EXACT_POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));

/**
 * The value of a text that String() would write exactly so, or NaN for any other text; a cheap
 * parse and a sufficient test for String(Number(text)) === text at once, run on every numeric
 * cell (Number() and then String() on each cost about 5× as much).
 *
 * The grammar: an optional '-', an integer part without leading zeros, then optionally a point
 * and digits not ending in 0; at most 15 significant digits; and, for a value below 1, at most 5
 * zeros after the point (String writes 1e-7 in exponent form). Why the text is then String's:
 * two different decimals of at most 15 significant digits never round to the same double (a
 * double holds 15.95 digits), and String writes the shortest decimal that rounds back to the
 * value, in plain notation from 1e-6 to 1e21; a text with no redundant zero or sign is that
 * decimal. "-0" is refused: String(-0) is "0".
 *
 * Why the value is Number's: the digits form an integer below 10^15, exact in a double, and the
 * point divides it by a power of ten up to 10^20, also exact; one correctly rounded division then
 * gives the double nearest the decimal, which is what Number() returns.
 */
export function parseShortPlainDecimal(text: string): number {
  const n = text.length;
  const negative = text.charCodeAt(0) === 45; /* - */
  let i = negative ? 1 : 0;
  if (i >= n) return NaN;
  let digits = 0;
  let mantissa = 0;
  let scale = 0;
  let c = text.charCodeAt(i);
  if (c === 48 /* 0 */) {
    i++;
    if (i === n) return negative ? NaN : 0;
    if (text.charCodeAt(i) !== 46 /* . */) return NaN;
    i++;
    const zerosFrom = i;
    while (i < n && text.charCodeAt(i) === 48) i++;
    if (i === n || i - zerosFrom > 5) return NaN;
    scale = i - zerosFrom;
  } else {
    if (c < 49 || c > 57) return NaN;
    for (; i < n; i++, digits++) {
      c = text.charCodeAt(i);
      if (c < 48 || c > 57) break;
      mantissa = mantissa * 10 + (c - 48);
    }
    if (i === n) return digits <= 15 ? (negative ? -mantissa : mantissa) : NaN;
    if (c !== 46 /* . */ || i + 1 === n) return NaN;
    i++;
  }
  for (; i < n; i++, digits++, scale++) {
    c = text.charCodeAt(i);
    if (c < 48 || c > 57) return NaN;
    mantissa = mantissa * 10 + (c - 48);
  }
  if (digits > 15 || c === 48) return NaN;
  const value = mantissa / EXACT_POWERS_OF_TEN[scale]!;
  return negative ? -value : value;
}
