import { test } from 'node:test';
import assert from 'node:assert/strict';
import Papa from 'papaparse';
import { parseCsvText, readCsvBatches, readCsvFile } from '../../src/data/csv.ts';
import { columnTexts, isNumericCells, type RawColumn } from '../../src/data/raw-column.ts';
import type { RawTable } from '../../src/data/raw-table.ts';
import { Rng } from '../../src/util/rng.ts';
import { writeTempFile } from './temp-files.ts';

const ROWS = 80_000;
/** Row of the one text cell of column 'late', past the first blocks of 64 K numbers. */
const LATE_TEXT_ROW = 70_000;
const ODD_SPELLINGS = ['01', '+3', '1e3', ' 7', '-0', '  ', '.5', '5.', '1E2', '0x1F'];

/**
 * Columns of every kind the reader meets: canonical numbers with blanks, fixed decimals, numbers
 * with a few odd spellings, integer codes written two ways, a column that turns to text late,
 * text labels, and numbers with a space before each (too many odd spellings to keep).
 */
function generatedCsv(): string {
  const rng = new Rng(31);
  const lines = ['plain,fixed,odd,code,late,text,padded'];
  for (let i = 0; i < ROWS; i++) {
    const plain = rng.next() < 0.05 ? '' : String(rng.normal() * 1000);
    const fixed = (rng.normal() * 50).toFixed(2);
    // '0x1F' is not a number (hexadecimal is a label): the column 'odd' would turn to text, so
    // it is only at the very end, where the batches below see it alone.
    const oddSpelling = ODD_SPELLINGS[i % ODD_SPELLINGS.length]!;
    const odd = i % 997 === 0 && oddSpelling !== '0x1F' ? oddSpelling : String(Math.floor(rng.next() * 100));
    const level = Math.floor(rng.next() * 4);
    const code = level === 1 && rng.next() < 0.1 ? '01' : level === 2 && rng.next() < 0.1 ? '2.0' : String(level);
    const late = i === LATE_TEXT_ROW ? 'unknown' : (rng.next() * 10).toFixed(3);
    const text = ['red', 'green', 'blue'][Math.floor(rng.next() * 3)]!;
    lines.push([plain, fixed, `"${odd}"`, code, late, text, ` ${i % 50}`].join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** The file as papaparse reads it, column-major: the texts the reader kept before numbers were. */
function papaparseColumns(text: string): string[][] {
  const records = Papa.parse<string[]>(text.trimEnd(), { delimiter: ',' }).data;
  return records[0]!.map((_, j) => records.slice(1).map((record) => record[j]!));
}

function texts(table: RawTable): (readonly string[])[] {
  return table.columns.map((column) => columnTexts(column));
}

function forms(table: RawTable): Record<string, string> {
  return Object.fromEntries(table.header.map((name, j) => [name, isNumericCells(table.columns[j]!) ? 'numbers' : 'texts']));
}

const CSV = generatedCsv();
const EXPECTED = papaparseColumns(CSV);

test('a file read whole gives back every cell as papaparse read it, numbers kept as numbers', async () => {
  const raw = await readCsvFile(writeTempFile('forms.csv', CSV));
  assert.equal(raw.nRows, ROWS);
  assert.deepEqual(texts(raw), EXPECTED);
  assert.deepEqual(forms(raw), {
    plain: 'numbers', fixed: 'numbers', odd: 'numbers', code: 'numbers', late: 'texts', text: 'texts', padded: 'texts',
  });
  const fixed = raw.columns[1] as Exclude<RawColumn, readonly string[]>;
  assert.ok(fixed.spellingCodes !== undefined, 'fixed decimals are coded, not kept as texts');
  // toFixed(2) of a tiny negative number writes "-0.00", which no code gives back ((-0).toFixed(2) is "0.00").
  assert.deepEqual(new Set(fixed.spellings.values()), new Set(['-0.00']));
  assert.deepEqual(texts(parseCsvText(CSV)), EXPECTED);
});

test('batches hold the same cells; a column turns to text only in the batch with a text cell', async () => {
  const path = writeTempFile('forms-batches.csv', CSV);
  const collected: string[][] = EXPECTED.map(() => []);
  const lateForms: string[] = [];
  let rows = 0;
  for await (const batch of readCsvBatches(path, {}, 16_384)) {
    texts(batch).forEach((column, j) => collected[j]!.push(...column));
    const holdsText = rows <= LATE_TEXT_ROW && LATE_TEXT_ROW < rows + batch.nRows;
    lateForms.push(`${forms(batch)['late']}${holdsText ? ' (text row)' : ''}`);
    rows += batch.nRows;
  }
  assert.deepEqual(collected, EXPECTED);
  assert.ok(lateForms.length >= 4, lateForms.join(', '));
  for (const form of lateForms) assert.ok(form === 'numbers' || form === 'texts (text row)', lateForms.join(', '));
});

test('single-column file of numbers: inner blank lines are missing values, trailing ones are not', () => {
  const raw = parseCsvText('x\n1\n\n2.50\n  \n3\n\n\n');
  assert.ok(isNumericCells(raw.columns[0]!));
  assert.deepEqual(texts(raw), [['1', '', '2.50', '', '3']]);
});

test('a line break kept in a blank cell of a numeric column still counts for error lines', () => {
  // Row 2 of 'n' is a quoted line break: a blank, so missing, and kept as text beside the numbers.
  const text = 'n,m\n1,2\n"\n",3\n4,5,6\n';
  assert.throws(() => parseCsvText(text), { code: 'RAGGED_ROWS', message: /line 5 \(data row 3\)/ });
});
