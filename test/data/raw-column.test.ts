import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applySchema } from '../../src/data/apply-schema.ts';
import { buildTrainingData } from '../../src/data/build.ts';
import { parseCsvText } from '../../src/data/csv.ts';
import { inferSchema } from '../../src/data/infer-types.ts';
import { cellText, columnTexts, isNumericCells, rawColumnLength, selectCells, type NumericCells } from '../../src/data/raw-column.ts';
import { selectRawRows } from '../../src/data/raw-rows.ts';
import type { RawTable } from '../../src/data/raw-table.ts';
import { inferTask } from '../../src/data/task.ts';
import type { InputSchema } from '../../src/data/dataset.ts';
import { Rng } from '../../src/util/rng.ts';

/** The same table with every column as texts: what the CSV reader gave before numeric columns. */
function asTexts(raw: RawTable): RawTable {
  return { header: raw.header, columns: raw.columns.map((column) => [...columnTexts(column)]), nRows: raw.nRows };
}

/**
 * 300 rows: canonical numbers with blanks, fixed decimals, odd spellings of numbers, an integer
 * code written '1', '01' and '1.0', a numeric target spelled two ways, and a regression target.
 */
function spelledCsv(): string {
  const rng = new Rng(3);
  const lines = ['plain,fixed,odd,code,label,value'];
  const odd = ['+4', '4', '04', '4.0', '4e0', ' 4', '-0', '0', '  '];
  for (let i = 0; i < 300; i++) {
    const level = i % 3;
    const code = level === 1 ? ['1', '01', '1.0'][i % 5 % 3]! : String(level);
    const label = i % 2 === 0 ? '0' : i % 4 === 1 ? '1' : '1.0';
    const plain = i % 17 === 0 ? '' : String(rng.normal());
    lines.push([plain, (rng.normal() * 10).toFixed(2), odd[i % odd.length]!, code, label, (rng.next() * 100).toFixed(1)].join(','));
  }
  return `${lines.join('\n')}\n`;
}

function spelledTable(): RawTable {
  return parseCsvText(spelledCsv());
}

test('the table read has numeric columns and gives back the texts of the file', () => {
  const raw = spelledTable();
  assert.ok(raw.columns.every((column) => isNumericCells(column)));
  const rows = spelledCsv().trimEnd().split('\n').slice(1).map((line) => line.split(','));
  raw.columns.forEach((column, j) => assert.deepEqual(columnTexts(column), rows.map((row) => row[j]), raw.header[j]));
});

test('type inference reads a column of numbers as it reads its texts, labels keeping their spellings', () => {
  const raw = spelledTable();
  assert.deepEqual(inferSchema(raw), inferSchema(asTexts(raw)));
  const categorical = { columnTypes: Object.fromEntries(raw.header.map((name) => [name, 'categorical' as const])) };
  const labels = inferSchema(raw, categorical);
  assert.deepEqual(labels, inferSchema(asTexts(raw), categorical));
  // An integer column declared categorical keeps its values as written: '01' and '1.0' are not '1'.
  const code = labels.schema.columns.find((column) => column.name === 'code');
  assert.deepEqual(code, { name: 'code', type: 'categorical', categories: ['0', '01', '1', '1.0', '2'] });
  const odd = labels.schema.columns.find((column) => column.name === 'odd');
  assert.deepEqual(odd, { name: 'odd', type: 'categorical', categories: ['-0', '0', '+4', '04', '4', '4.0', '4e0'] });
});

test('training data, classes and tasks are the same from numbers as from texts', () => {
  const raw = spelledTable();
  const texts = asTexts(raw);
  for (const target of raw.header) {
    assert.equal(inferTask(raw.columns[raw.header.indexOf(target)]!), inferTask(texts.columns[raw.header.indexOf(target)]!), target);
  }
  for (const options of [
    { target: 'label' },
    { target: 'value' },
    { target: 'plain' },
    { target: 'code', columnTypes: { odd: 'categorical', fixed: 'categorical' } },
  ] as const) {
    assert.deepEqual(buildTrainingData(raw, options), buildTrainingData(texts, options), options.target);
  }
  // Classes of a numeric target are named by the first spelling of each value.
  const labelled = buildTrainingData(raw, { target: 'label' });
  assert.ok(labelled.target.kind === 'classification');
  assert.deepEqual(labelled.target.classes, ['0', '1']);
});

test("a model's schema applied to numbers and to their texts gives the same dataset", () => {
  const raw = spelledTable();
  const schema: InputSchema = {
    columns: [
      { name: 'plain', type: 'numeric' },
      { name: 'code', type: 'categorical', categories: ['0', '1', '2'] },
      { name: 'odd', type: 'categorical', categories: ['4', '04'] },
      { name: 'fixed', type: 'numeric' },
    ],
  };
  const fromNumbers = applySchema(raw, schema);
  assert.deepEqual(fromNumbers, applySchema(asTexts(raw), schema));
  // '01' and '1.0' were not categories of the model: unseen, as their texts always were.
  const unseen = columnTexts(raw.columns[3]!).filter((text) => text === '01' || text === '1.0').length;
  assert.ok(unseen > 0);
  assert.deepEqual(fromNumbers.problems.find((problem) => problem.column === 'code'), { column: 'code', kind: 'unseen', count: unseen, example: '01' });
});

test('selecting rows keeps each cell with its text', () => {
  const raw = spelledTable();
  const rows = [5, 0, 299, 4, 4, 17];
  const selected = selectRawRows(raw, rows);
  assert.deepEqual(selected.columns.map((column) => columnTexts(column)), selectRawRows(asTexts(raw), rows).columns);
  assert.ok(selected.columns.every((column) => isNumericCells(column)));
});

test('cells of a numeric column: missing, coded and kept texts', () => {
  const column: NumericCells = {
    kind: 'numbers',
    values: Float64Array.from([1.5, NaN, 2, NaN, 7]),
    spellingCodes: Uint8Array.from([3, 0, 2, 0, 0]),
    spellings: new Map([[3, ' '], [4, '07']]),
  };
  assert.equal(rawColumnLength(column), 5);
  assert.deepEqual(columnTexts(column), ['1.50', '', '2.0', ' ', '07']);
  assert.equal(cellText(column, 2), '2.0');
  const picked = selectCells(column, [4, 0, 3]);
  assert.deepEqual(columnTexts(picked), ['07', '1.50', ' ']);
  assert.deepEqual(selectCells(['a', 'b'], [1, 1]), ['b', 'b']);
});
