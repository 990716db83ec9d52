import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inferColumnType, inferSchema, MAX_CATEGORY_CHARS } from '../../src/data/infer-types.ts';
import { readCsvFile } from '../../src/data/csv.ts';
import { columnTexts } from '../../src/data/raw-column.ts';
import type { ColumnSchema } from '../../src/data/dataset.ts';
import { AutoMLError } from '../../src/util/errors.ts';
import { DATASETS } from './temp-files.ts';

const schemaOf = (cells: string[], override?: 'numeric' | 'categorical' | 'drop'): ColumnSchema =>
  inferColumnType('c', cells, override).schema;

/** n distinct strings, e.g. for identifier columns. */
const names = (n: number): string[] => Array.from({ length: n }, (_, i) => `person ${i}`);

test('numbers in every accepted form make a numeric column', () => {
  assert.deepEqual(schemaOf(['1e-3', '-0.5', '.5', ' 7 ', '+2', '', '12.25', '3.', '1E5', '-1e+2', '8', '9', '10']), {
    name: 'c',
    type: 'numeric',
  });
});

test('"NA", "nan", hexadecimal and "Infinity" are not numbers', () => {
  for (const odd of ['NA', 'nan', 'NaN', '0x1F', 'Infinity', '1,5', '1 000']) {
    const schema = schemaOf(['1', '2', '3', odd]);
    assert.equal(schema.type, 'categorical', odd);
  }
});

test('few distinct integers are flagged lowCardinalityInteger', () => {
  assert.deepEqual(schemaOf(['1', '2', '3', '2', '', '1.0']), { name: 'c', type: 'numeric', lowCardinalityInteger: true });
  const eleven = Array.from({ length: 11 }, (_, i) => String(i));
  assert.deepEqual(schemaOf(eleven), { name: 'c', type: 'numeric' });
  assert.deepEqual(schemaOf(['0.5', '1', '2']), { name: 'c', type: 'numeric' });
});

test('text and booleans make categoricals with deterministically sorted categories', () => {
  assert.deepEqual(schemaOf(['yes', 'no', 'yes', '']), { name: 'c', type: 'categorical', categories: ['no', 'yes'] });
  assert.deepEqual(schemaOf(['true', 'false']), { name: 'c', type: 'categorical', categories: ['false', 'true'] });
  // Numeric-looking labels first by value, then the rest by code unit; values are trimmed.
  assert.deepEqual(schemaOf(['10', 'b', '2', ' B', 'a', '2']), {
    name: 'c',
    type: 'categorical',
    categories: ['2', '10', 'B', 'a', 'b'],
  });
});

test('dropped columns: all-missing, constant, identifier', () => {
  assert.deepEqual(schemaOf(['', ' ', '']), { name: 'c', type: 'dropped', reason: 'all-missing' });
  assert.deepEqual(schemaOf(['3', '3.0', '', '3']), { name: 'c', type: 'dropped', reason: 'constant' });
  assert.deepEqual(schemaOf(['x', 'x', '']), { name: 'c', type: 'dropped', reason: 'constant' });
  assert.deepEqual(schemaOf(names(20)), { name: 'c', type: 'dropped', reason: 'identifier' });
  // Too few rows to call it an identifier, a missing value, or unique numbers: kept.
  assert.equal(schemaOf(names(19)).type, 'categorical');
  assert.equal(schemaOf([...names(25), '']).type, 'categorical');
  assert.equal(schemaOf(Array.from({ length: 30 }, (_, i) => String(i))).type, 'numeric');
});

test('overrides: drop, categorical on numbers, numeric on numbers', () => {
  assert.deepEqual(schemaOf(['1', '2'], 'drop'), { name: 'c', type: 'dropped', reason: 'user' });
  assert.deepEqual(schemaOf(['1', '10', '2'], 'categorical'), { name: 'c', type: 'categorical', categories: ['1', '2', '10'] });
  assert.deepEqual(schemaOf(names(20), 'categorical').type, 'categorical');
  assert.equal(schemaOf(['1.5', '2'], 'numeric').type, 'numeric');
});

test('a numeric override on text is BAD_INPUT naming the column and a bad value', () => {
  assert.throws(
    () => inferColumnType('age', ['1', '2', 'unknown', 'x'], 'numeric'),
    (error: unknown) =>
      error instanceof AutoMLError &&
      error.code === 'BAD_INPUT' &&
      /column 'age'/.test(error.message) &&
      /data row 3 holds "unknown"/.test(error.message),
  );
});

test('override problems are BAD_OPTION: unknown column, the target, a bad type', () => {
  const raw = { header: ['a', 'y'], columns: [['1', '2'], ['p', 'q']], nRows: 2 };
  assert.throws(() => inferSchema(raw, { columnTypes: { b: 'numeric' } }), { code: 'BAD_OPTION', message: /'b'/ });
  assert.throws(() => inferSchema(raw, { exclude: ['y'], columnTypes: { y: 'numeric' } }), { code: 'BAD_OPTION' });
  const badType = JSON.parse('{"a":"text"}') as Record<string, 'numeric'>;
  assert.throws(() => inferSchema(raw, { columnTypes: badType }), { code: 'BAD_OPTION', message: /"text"/ });
});

test('decimal-comma numbers are kept categorical with a note', () => {
  const inferred = inferColumnType('price', ['1,5', '2,25', '3']);
  assert.equal(inferred.schema.type, 'categorical');
  assert.match(inferred.note ?? '', /price.*comma/);
});

test('house_votes84: categoricals with missing values', async () => {
  const raw = await readCsvFile(join(DATASETS, 'house_votes84.csv'));
  const { schema } = inferSchema(raw, { exclude: ['class'] });
  assert.equal(schema.columns.length, 16);
  for (const column of schema.columns) {
    assert.equal(column.type, 'categorical', column.name);
    if (column.type === 'categorical') assert.deepEqual(column.categories, ['n', 'y'], column.name);
  }
  const v1 = columnTexts(raw.columns[raw.header.indexOf('V11')]!);
  assert.ok(v1.includes(''), 'V11 has missing votes');
});

test('titanic and iris', async () => {
  const titanic = inferSchema(await readCsvFile(join(DATASETS, 'titanic.csv')), { exclude: ['class'] }).schema;
  assert.deepEqual(titanic.columns, [
    { name: 'sex', type: 'categorical', categories: ['female', 'male'] },
    { name: 'age', type: 'numeric' },
    { name: 'passengerClass', type: 'categorical', categories: ['1st', '2nd', '3rd'] },
  ]);
  const iris = inferSchema(await readCsvFile(join(DATASETS, 'iris.csv')), { exclude: ['class'] }).schema;
  assert.ok(iris.columns.every((column) => column.type === 'numeric'));
});

interface ManifestEntry {
  readonly name: string;
  readonly file: string;
  readonly target: string;
  readonly columns: readonly { readonly name: string; readonly type: 'numeric' | 'categorical' }[];
}

/**
 * Inferred types against the manifest's declared ones. Known, expected differences: integer-coded
 * factors (soybean, ozone's month/day/weekday, vowel's speaker, ionosphere's 0/1 V1) read as
 * numbers, and columns that are constant in the data are dropped.
 */
test('inferred types agree with datasets/manifest.json apart from integer-coded factors', async () => {
  const manifest = JSON.parse(readFileSync(join(DATASETS, 'manifest.json'), 'utf8')) as { datasets: ManifestEntry[] };
  const expectedMismatches: Record<string, string[]> = {
    iris: [],
    titanic: [],
    house_votes84: [],
    attrition: [],
    income: [],
    sacramento: [],
    diamonds: [],
    ozone: ['V1:numeric', 'V2:numeric', 'V3:numeric'],
    vowel: ['V1:numeric'],
    ionosphere: ['V1:numeric', 'V2:dropped'],
    digits: ['pixel_0_0:dropped', 'pixel_4_0:dropped', 'pixel_4_7:dropped'],
  };
  for (const [name, expected] of Object.entries(expectedMismatches)) {
    const entry = manifest.datasets.find((dataset) => dataset.name === name)!;
    const raw = await readCsvFile(join(DATASETS, entry.file));
    const { schema } = inferSchema(raw, { exclude: [entry.target] });
    const mismatches: string[] = [];
    for (const declared of entry.columns) {
      const inferred = schema.columns.find((column) => column.name === declared.name);
      assert.ok(inferred !== undefined, `${name}.${declared.name} is in the data`);
      if (inferred.type !== declared.type) mismatches.push(`${declared.name}:${inferred.type}`);
    }
    assert.deepEqual(mismatches, expected, name);
  }
});

test('soybean: its integer-coded factors are read as low-cardinality integers', async () => {
  const raw = await readCsvFile(join(DATASETS, 'soybean.csv'));
  const { schema } = inferSchema(raw, { exclude: ['class'] });
  assert.equal(schema.columns.length, 35);
  for (const column of schema.columns) {
    assert.deepEqual(column, { name: column.name, type: 'numeric', lowCardinalityInteger: true });
  }
});

test('text longer than MAX_CATEGORY_CHARS is not a category: the column is dropped', () => {
  const long = 'w'.repeat(MAX_CATEGORY_CHARS + 1);
  const cells = ['a', 'b', long, 'a'];
  assert.deepEqual(inferColumnType('notes', cells).schema, { name: 'notes', type: 'dropped', reason: 'long-text' });
  // At the limit a value is still a category.
  const atLimit = 'w'.repeat(MAX_CATEGORY_CHARS);
  assert.equal(inferColumnType('notes', ['a', atLimit, 'a']).schema.type, 'categorical');
});

test('a column declared categorical with an over-long value is refused', () => {
  const long = 'w'.repeat(MAX_CATEGORY_CHARS + 1);
  assert.throws(
    () => inferColumnType('notes', ['a', long], 'categorical'),
    (error: unknown) => error instanceof AutoMLError && error.code === 'BAD_INPUT' && /longer than 256 characters/.test(error.message),
  );
  // Numbers declared categorical go through the same rule.
  assert.equal(inferColumnType('n', ['1', '2', '1'], 'categorical').schema.type, 'categorical');
});
