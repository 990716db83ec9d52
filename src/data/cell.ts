/**
 * Reading single raw cells. Every stage that looks at raw strings (type inference, training data,
 * prediction data) goes through these so they agree on what is missing and what is a number.
 */

/** Missing means empty or whitespace only; strings like "NA" or "nan" are real values. */
export function isMissingCell(cell: string): boolean {
  return cell.trim() === '';
}

/** The cell's value as a category label: surrounding whitespace is not part of the value. */
export function categoryOf(cell: string): string {
  return cell.trim();
}

/**
 * The cell as a finite decimal number (forms like 12, -0.5, .5, 1e-3, +4), or NaN when it is not
 * one. Number() alone is too lenient: it accepts hexadecimal/binary/octal literals and
 * "Infinity", which in a data file are labels rather than quantities.
 */
export function parseNumericCell(cell: string): number {
  const value = Number(cell);
  if (!Number.isFinite(value)) return NaN;
  // Number('') and Number('  ') are 0; a blank cell is missing, not zero.
  if (value === 0 && cell.trim() === '') return NaN;
  const lead = cell.charCodeAt(0);
  // Only cells with leading whitespace need trimming before the prefix check (rare, so the
  // common case allocates nothing).
  const text = lead <= 32 || lead >= 128 ? cell.trimStart() : cell;
  if (text.length > 1 && text.charCodeAt(0) === 48 /* 0 */) {
    const next = text.charCodeAt(1) | 0x20; // lower-cases ASCII letters
    if (next === 120 /* x */ || next === 98 /* b */ || next === 111 /* o */) return NaN;
  }
  return value;
}

/**
 * Deterministic order for category labels and class names: labels that read as numbers come
 * first, by value (so "2" < "10"), then the rest by code unit (locale-independent, so every
 * machine orders them the same).
 */
export function compareLabels(a: string, b: string): number {
  return compareParsed(a, parseNumericCell(a), b, parseNumericCell(b));
}

/** Sorted copy of the labels in the order of compareLabels (each label parsed once). */
export function sortLabels(labels: Iterable<string>): string[] {
  const entries = Array.from(labels, (label) => ({ label, value: parseNumericCell(label) }));
  entries.sort((x, y) => compareParsed(x.label, x.value, y.label, y.value));
  return entries.map((entry) => entry.label);
}

function compareParsed(a: string, x: number, b: string, y: number): number {
  const xNumeric = !Number.isNaN(x);
  const yNumeric = !Number.isNaN(y);
  if (xNumeric && yNumeric && x !== y) return x < y ? -1 : 1;
  if (xNumeric !== yNumeric) return xNumeric ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
