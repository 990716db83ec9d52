import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run-cli.ts';
import { datasetPath } from '../helpers/datasets.ts';

const work = mkdtempSync(join(tmpdir(), 'automl-bad-'));

function file(name: string, content: string): string {
  const path = join(work, name);
  writeFileSync(path, content);
  return path;
}

/** A user mistake: exit 2, one short message naming the problem, no stack trace, no model file. */
function expectUserError(args: string[], code: string, pattern: RegExp): void {
  const out = join(work, `never-${code}.json`);
  const result = runCli([...args, ...(args[0] === 'fit' ? ['--out', out, '--max-trials', '2'] : [])]);
  assert.equal(result.code, 2, `exit code for ${code}: ${result.stderr}`);
  assert.match(result.stderr, new RegExp(`\\[${code}\\]`));
  assert.match(result.stderr, pattern);
  assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
  assert.equal(existsSync(out), false, 'no output file');
}

test('missing file', () => expectUserError(['fit', join(work, 'absent.csv'), '--target', 'class'], 'FILE_NOT_FOUND', /absent\.csv/));
test('empty file', () => expectUserError(['fit', file('empty.csv', ''), '--target', 'class'], 'EMPTY_FILE', /empty/));
test('header only', () => expectUserError(['fit', file('header.csv', 'a,b,class\n'), '--target', 'class'], 'NO_DATA_ROWS', /header/));
test('unknown target', () => expectUserError(['fit', datasetPath('iris'), '--target', 'species'], 'UNKNOWN_TARGET', /species/));
test('target with a single class', () =>
  expectUserError(['fit', file('single.csv', 'a,class\n1,x\n2,x\n3,x\n'), '--target', 'class'], 'SINGLE_CLASS', /class/));
test('regression target that is not numeric', () =>
  expectUserError(['fit', file('text.csv', 'a,target\n1,x\n2,y\n3,z\n'), '--target', 'target', '--task', 'regression'], 'NON_NUMERIC_TARGET', /target/));
test('ragged rows', () => expectUserError(['fit', file('ragged.csv', 'a,b,class\n1,2,x\n1,2\n'), '--target', 'class'], 'RAGGED_ROWS', /row|line/));
test('duplicate column names', () =>
  expectUserError(['fit', file('dup.csv', 'a,a,class\n1,2,x\n3,4,y\n'), '--target', 'class'], 'DUPLICATE_COLUMN', /'a'/));
test('all-missing target', () =>
  expectUserError(['fit', file('nolabel.csv', 'a,class\n1,\n2,\n'), '--target', 'class'], 'TARGET_ALL_MISSING', /class/));
test('--time that is not a positive number', () =>
  expectUserError(['fit', datasetPath('iris'), '--target', 'class', '--time', 'soon'], 'BAD_OPTION', /--time/));
test('a model file that is not ours', () =>
  expectUserError(['predict', file('foreign.json', '{"hello": 1}'), datasetPath('iris')], 'BAD_MODEL_FILE', /not an automl-ts model/));
test('a corrupt (truncated) model file', () =>
  expectUserError(['predict', file('truncated.json', '{"format": "automl-ts/model", "members": [{'), datasetPath('iris')], 'BAD_MODEL_FILE', /JSON/));

test('a prediction file lacking a column the model needs names it', () => {
  const model = join(work, 'iris-model.json');
  const fit = runCli(['fit', datasetPath('iris'), '--target', 'class', '--max-trials', '2', '--out', model, '--quiet']);
  assert.equal(fit.code, 0, fit.stderr);
  const rows = file('partial.csv', 'sepal_length_cm,sepal_width_cm,petal_length_cm\n5.1,3.5,1.4\n');
  const predictOut = join(work, 'partial-pred.csv');
  const result = runCli(['predict', model, rows, '--out', predictOut]);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /\[MISSING_COLUMN\].*petal_width_cm/);
  assert.equal(existsSync(predictOut), false);
});
