/**
 * CSV text for prediction output: RFC 4180 quoting only where a field needs it, and text cells a
 * spreadsheet would run as a formula neutralised.
 *
 * A cell starting with '=', '+', '-' or '@' (or a tab or carriage return, which some spreadsheets
 * skip before looking for one) is evaluated as a formula when the file is opened in a
 * spreadsheet, so a class label such as `=HYPERLINK(...)` taken from training data would run on
 * the reader's machine. Such text cells get a leading single quote, as OWASP advises for CSV
 * output; spreadsheets show the text and hide the quote. Numbers are never changed: a negative
 * regression prediction, or a class label that is a plain number such as "-1", stays a number.
 */

const FORMULA_START = /^[=+\-@\t\r]/;
/** A decimal number literal, which a spreadsheet reads as a number, not a formula. */
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** The text of a cell as it is safe to open in a spreadsheet. */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

function quoteField(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

function cellText(cell: string | number): string {
  return typeof cell === 'number' ? String(cell) : quoteField(neutralizeFormula(cell));
}

/** One CSV line, with its line break. */
export function csvLine(cells: readonly (string | number)[]): string {
  let line = '';
  for (let j = 0; j < cells.length; j++) line += (j === 0 ? '' : ',') + cellText(cells[j]!);
  return `${line}\n`;
}

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  let text = csvLine(header);
  for (const row of rows) text += csvLine(row);
  return text;
}
