import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readCsvBatches, readCsvFile, parseCsvText } from '../../src/data/csv.ts';
import type { RawTable } from '../../src/data/raw-table.ts';
import { columnTexts, isNumericCells, rawColumnLength } from '../../src/data/raw-column.ts';
import { detectDelimiter } from '../../src/data/csv-delimiter.ts';
import { AutoMLError, type ErrorCode } from '../../src/util/errors.ts';
import { DATASETS, tempDirectory, writeTempFile } from './temp-files.ts';

/** Every column's cell texts, whichever form the reader kept it in. */
function texts(table: RawTable): (readonly string[])[] {
  return table.columns.map((column) => columnTexts(column));
}

/** Asserts that a promise rejects with an AutoMLError of `code` whose message matches `message`. */
async function rejectsWith(promise: Promise<unknown>, code: ErrorCode, message?: RegExp): Promise<AutoMLError> {
  let caught: unknown;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  assert.ok(caught instanceof AutoMLError, `expected an AutoMLError ${code}, got ${String(caught)}`);
  assert.equal(caught.code, code, caught.message);
  if (message !== undefined) assert.match(caught.message, message);
  return caught;
}

test('reads a plain comma file column-major', async () => {
  const path = writeTempFile('plain.csv', 'a,b,c\n1,x,2.5\n3,y,\n');
  const raw = await readCsvFile(path);
  assert.deepEqual(raw.header, ['a', 'b', 'c']);
  assert.deepEqual(texts(raw), [['1', '3'], ['x', 'y'], ['2.5', '']]);
  // Columns of numbers (and missing cells) are kept as numbers, the others as texts.
  assert.deepEqual(raw.columns.map((column) => isNumericCells(column)), [true, false, true]);
  assert.equal(raw.nRows, 2);
});

test('strips a UTF-8 BOM and handles CRLF line ends', async () => {
  const path = writeTempFile('bom-crlf.csv', '\uFEFFname,value\r\nalpha,1\r\nbeta,2\r\n');
  const raw = await readCsvFile(path);
  assert.deepEqual(raw.header, ['name', 'value']);
  assert.deepEqual(texts(raw), [['alpha', 'beta'], ['1', '2']]);
});

test('quoted fields keep commas, line breaks and doubled quotes', async () => {
  const text = 'id,text,n\n1,"a, b",2\n2,"two\nlines",3\n3,"he said ""hi""",4\n';
  const raw = await readCsvFile(writeTempFile('quotes.csv', text));
  assert.deepEqual(texts(raw)[1], ['a, b', 'two\nlines', 'he said "hi"']);
  assert.deepEqual(texts(raw)[2], ['2', '3', '4']);
});

test('semicolon file with decimal commas is split on semicolons', async () => {
  const path = writeTempFile('semicolon.csv', 'price;qty;label\n1,5;2;x\n2,25;3;y\n');
  const raw = await readCsvFile(path);
  assert.deepEqual(raw.header, ['price', 'qty', 'label']);
  assert.deepEqual(texts(raw)[0], ['1,5', '2,25']);
});

test('tab-separated file', async () => {
  const raw = await readCsvFile(writeTempFile('tabs.tsv', 'a\tb\n1,5\t2\n3\t4\n'));
  assert.deepEqual(raw.header, ['a', 'b']);
  assert.deepEqual(texts(raw), [['1,5', '3'], ['2', '4']]);
});

test('an explicit delimiter overrides detection', async () => {
  const raw = await readCsvFile(writeTempFile('forced.csv', 'a|b\n1|2\n'), { delimiter: '|' });
  assert.deepEqual(raw.header, ['a', 'b']);
  assert.deepEqual(parseCsvText('a\tb\n1\t2\n', { delimiter: 'tab' }).header, ['a', 'b']);
});

test('delimiter detection: small files and decimal commas', () => {
  // Inputs on which a field-count-consistency guess over all lines falls back to ',' wrongly.
  assert.equal(detectDelimiter('a;b\n1,5;2\n3,5;4\n'), ';');
  assert.equal(detectDelimiter('a\tb\n1,5\t2\n'), '\t');
  assert.equal(detectDelimiter('a,b\n1,2\n'), ',');
  assert.equal(detectDelimiter('x;y;z\n1,5;a;b\n2,5;c;d\n'), ';');
  assert.equal(detectDelimiter('id,comment\n1,a;b\n2,c\n'), ',');
  assert.equal(detectDelimiter('"a;b",c\n"1;2",3\n'), ',');
  assert.equal(detectDelimiter('only\n1\n2\n'), ',');
});

test('trailing empty lines and blank lines between rows are not rows', async () => {
  const raw = await readCsvFile(writeTempFile('blank-lines.csv', 'a,b\n1,2\n\n3,4\n\n\n'));
  assert.equal(raw.nRows, 2);
  assert.deepEqual(texts(raw), [['1', '3'], ['2', '4']]);
});

test('single-column file: inner blank lines are missing values, trailing ones are not', () => {
  const raw = parseCsvText('x\n1\n\n3\n\n');
  assert.deepEqual(texts(raw), [['1', '', '3']]);
});

test('header names are trimmed; "NA" and "None" stay values', () => {
  const raw = parseCsvText(' a , b\nNA,None\nnan,\n');
  assert.deepEqual(raw.header, ['a', 'b']);
  assert.deepEqual(texts(raw), [['NA', 'nan'], ['None', '']]);
});

test('parseCsvText names its source in errors', () => {
  assert.throws(() => parseCsvText('a,b\n1,2,3\n', { source: 'stdin' }), (error: unknown) => {
    assert.ok(error instanceof AutoMLError);
    assert.equal(error.code, 'RAGGED_ROWS');
    assert.match(error.message, /^stdin: line 2 \(data row 1\) has 3 fields but the header has 2/);
    return true;
  });
});

test('FILE_NOT_FOUND for a missing path and for a directory', async () => {
  await rejectsWith(readCsvFile(join(tempDirectory(), 'nope.csv')), 'FILE_NOT_FOUND', /nope\.csv: no such file/);
  await rejectsWith(readCsvFile(tempDirectory()), 'FILE_NOT_FOUND', /is a directory/);
});

test('EMPTY_FILE for a zero-byte file and for a file of blank lines', async () => {
  await rejectsWith(readCsvFile(writeTempFile('empty.csv', '')), 'EMPTY_FILE', /empty\.csv/);
  await rejectsWith(readCsvFile(writeTempFile('blank.csv', '\uFEFF\n\n  \n')), 'EMPTY_FILE');
  assert.throws(() => parseCsvText(''), { code: 'EMPTY_FILE' });
});

test('NO_DATA_ROWS for a header without rows', async () => {
  await rejectsWith(readCsvFile(writeTempFile('header-only.csv', 'a,b,c\n')), 'NO_DATA_ROWS', /header-only\.csv: there is a header row but no data rows/);
});

test('RAGGED_ROWS names the line, the data row and both field counts', async () => {
  const path = writeTempFile('ragged.csv', 'a,b,c\n1,2,3\n"x\ny",5,6\n4,5\n');
  const error = await rejectsWith(readCsvFile(path), 'RAGGED_ROWS');
  // The third record starts on line 5 because the quoted field before it spans two lines.
  assert.match(error.message, /ragged\.csv: line 5 \(data row 3\) has 2 fields but the header has 3/);
  assert.ok(error.hint !== undefined && error.hint.length > 0);
});

test('DUPLICATE_COLUMN names the repeated column', async () => {
  const error = await rejectsWith(readCsvFile(writeTempFile('dup.csv', 'a,b,a\n1,2,3\n')), 'DUPLICATE_COLUMN');
  assert.match(error.message, /'a' appears twice in the header \(columns 1 and 3\)/);
});

test('an unnamed header column is BAD_INPUT', async () => {
  await rejectsWith(readCsvFile(writeTempFile('unnamed.csv', ',a,b\n1,2,3\n')), 'BAD_INPUT', /column 1 of the header has no name/);
});

test('CSV_PARSE for a quote that is never closed, and for a stray quote', async () => {
  const unclosed = await rejectsWith(readCsvFile(writeTempFile('unclosed.csv', 'a,b\n1,2\n3,"abc\n4,5\n')), 'CSV_PARSE');
  assert.match(unclosed.message, /unclosed\.csv: line 3, column 2 \('b'\): a quoted field is opened but never closed/);
  const stray = await rejectsWith(readCsvFile(writeTempFile('stray.csv', 'a,b\n1,2\n"x"y,3\n')), 'CSV_PARSE');
  assert.match(stray.message, /stray\.csv: line 3, column 1 \('a'\)/);
});

test('UTF-16 files are refused with a clear message', async () => {
  const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a,b\n1,2\n', 'utf16le')]);
  await rejectsWith(readCsvFile(writeTempFile('utf16.csv', bytes)), 'BAD_INPUT', /UTF-16/);
});

test('a bad delimiter option is BAD_OPTION', async () => {
  await rejectsWith(readCsvFile(join(DATASETS, 'iris.csv'), { delimiter: '"' }), 'BAD_OPTION');
});

test('streamed reading agrees with in-memory parsing across many chunks', async () => {
  // Long enough for several read chunks, with quoted multi-line fields crossing chunk boundaries.
  const lines = ['id,text,value'];
  for (let i = 0; i < 20000; i++) lines.push(`${i},"row ${i}, ""quoted""\nsecond line",${(i * 0.37).toFixed(3)}`);
  const text = lines.join('\r\n') + '\r\n';
  const streamed = await readCsvFile(writeTempFile('long.csv', text));
  const inMemory = parseCsvText(text);
  assert.equal(streamed.nRows, 20000);
  assert.deepEqual(streamed, inMemory);
  assert.equal(texts(streamed)[1]![19999], 'row 19999, "quoted"\nsecond line');
});

test('reads the real datasets with the manifest row counts', async () => {
  for (const [file, rows, columns] of [['iris.csv', 150, 5], ['titanic.csv', 1309, 4], ['house_votes84.csv', 435, 17]] as const) {
    const raw = await readCsvFile(join(DATASETS, file));
    assert.equal(raw.nRows, rows, file);
    assert.equal(raw.header.length, columns, file);
    for (const column of raw.columns) assert.equal(rawColumnLength(column), rows);
  }
});

test('errors deep in a streamed file report the right line', async () => {
  const lines = ['a,b,c'];
  for (let i = 0; i < 30000; i++) lines.push(`${i},"multi\nline",${i}`);
  lines.push('1,2');
  const ragged = await rejectsWith(readCsvFile(writeTempFile('deep-ragged.csv', lines.join('\n'))), 'RAGGED_ROWS');
  assert.match(ragged.message, /line 60002 \(data row 30001\) has 2 fields/);
  lines[lines.length - 1] = '1,"x"y,2';
  const stray = await rejectsWith(readCsvFile(writeTempFile('deep-quote.csv', lines.join('\n'))), 'CSV_PARSE');
  assert.match(stray.message, /line 60002, column 2 \('b'\)/);
});

test('CRLF file whose rows end in quoted fields streams without false quote errors', async () => {
  // Read chunks can end between '\r' and '\n' right after a closing quote.
  const lines = ['a,b'];
  for (let i = 0; i < 60000; i++) lines.push(`${i},"v${i % 7}"`);
  const raw = await readCsvFile(writeTempFile('crlf-quoted.csv', lines.join('\r\n') + '\r\n'));
  assert.equal(raw.nRows, 60000);
  assert.equal(texts(raw)[1]![59999], 'v2');
});

async function batchesOf(path: string, batchRows: number): Promise<RawTable[]> {
  const batches: RawTable[] = [];
  for await (const batch of readCsvBatches(path, {}, batchRows)) batches.push(batch);
  return batches;
}

test('batched reading hands over every row once, each batch with the header', async () => {
  const lines = ['id;text'];
  for (let i = 0; i < 5000; i++) lines.push(i % 9 === 0 ? `${i};"two\nlines; ${i}"` : `${i};v${i}`);
  const path = writeTempFile('batches.csv', `${lines.join('\n')}\n`);
  const whole = await readCsvFile(path);
  const batches = await batchesOf(path, 100);
  assert.ok(batches.length > 1, `${batches.length} batches`);
  for (const batch of batches) {
    assert.deepEqual(batch.header, ['id', 'text']);
    assert.equal(rawColumnLength(batch.columns[0]!), batch.nRows);
  }
  assert.deepEqual(
    batches.flatMap((batch) => texts(batch)[1]!),
    texts(whole)[1],
  );
});

test('an error after batches were handed over still names its file line', async () => {
  // 40 000 rows of quoted two-line fields: the ragged row is on line 1 + 2 · 40 000 + 1.
  const lines = ['id,text'];
  for (let i = 0; i < 40_000; i++) lines.push(`${i},"a\nb"`);
  lines.push('x,y,z');
  const path = writeTempFile('late-error.csv', `${lines.join('\n')}\n`);
  let caught: unknown;
  try {
    await batchesOf(path, 1000);
  } catch (error) {
    caught = error;
  }
  assert.ok(caught instanceof AutoMLError && caught.code === 'RAGGED_ROWS', String(caught));
  assert.match(caught.message, /line 80002 \(data row 40001\)/);
});

test('a 4 MB field, with and without line breaks, is read whole', async () => {
  for (const piece of ['abcdefghij', 'abcdefghi\n']) {
    const field = piece.repeat(400_000);
    const raw = await readCsvFile(writeTempFile('long-field.csv', `id,text\n1,"${field}"\n2,short\n`));
    assert.equal(texts(raw)[1]![0]!.length, field.length);
    assert.equal(texts(raw)[1]![1], 'short');
  }
});
