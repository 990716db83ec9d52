import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadModel } from '../../src/export/model.ts';
import { parseCsvText } from '../../src/data/csv.ts';
import { Rng } from '../../src/util/rng.ts';
import { saveSmallIrisModel } from '../helpers/small-model.ts';
import { runCli } from './run-cli.ts';

const FEATURES = ['sepal_length_cm', 'sepal_width_cm', 'petal_length_cm', 'petal_width_cm'];
let modelPath = '';
let dir = '';

before(async () => {
  modelPath = await saveSmallIrisModel();
  dir = dirname(modelPath);
});

/** Iris-like rows plus a Latin-1 text column "note" the model does not use. */
function latin1Csv(rows: number): Buffer {
  const rng = new Rng(5);
  const lines = [[...FEATURES, 'note'].join(',')];
  for (let i = 0; i < rows; i++) {
    const cells = [4 + 4 * rng.next(), 2 + 2 * rng.next(), 1 + 6 * rng.next(), 2.5 * rng.next()].map((v) => v.toFixed(2));
    lines.push([...cells, i % 2 === 0 ? 'caf\xe9' : 'caf\xe8'].join(','));
  }
  return Buffer.from(`${lines.join('\n')}\n`, 'latin1');
}

test('a Latin-1 input is refused by default and read with --encoding latin1', () => {
  const path = join(dir, 'latin1.csv');
  writeFileSync(path, latin1Csv(3));
  const refused = runCli(['predict', modelPath, path]);
  assert.equal(refused.code, 2, refused.stderr);
  assert.match(refused.stderr, /not valid UTF-8/);
  const read = runCli(['predict', modelPath, path, '--encoding', 'latin1']);
  assert.equal(read.code, 0, read.stderr);
  assert.equal(read.stdout.trim().split('\n').length, 4);
});

test('predict streams many batches into --out, rows in input order, classes escaped', () => {
  // Class labels that read as formulas: the model's labels are data, so they can be anything.
  const artifact = JSON.parse(readFileSync(modelPath, 'utf8')) as { target: { classes: string[] } };
  artifact.target.classes = ['=1+2', '-1', '@SUM(A1)'];
  const formulaModel = join(dir, 'formula-classes.json');
  writeFileSync(formulaModel, JSON.stringify(artifact));
  const rows = 40_000; // several batches of the reader
  const input = join(dir, 'many.csv');
  const bytes = latin1Csv(rows);
  writeFileSync(input, bytes);
  const out = join(dir, 'predictions.csv');
  const result = runCli(['predict', formulaModel, input, '--encoding', 'latin1', '--proba', '--out', out]);
  assert.equal(result.code, 0, result.stderr);
  const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
  assert.equal(lines[0], "prediction,proba_=1+2,proba_-1,proba_@SUM(A1)");
  assert.equal(lines.length, rows + 1);
  // The same rows predicted in one piece, in process.
  const expected = loadModel(formulaModel).predict(parseCsvText(bytes.toString('latin1')));
  const escaped = new Map([['=1+2', "'=1+2"], ['-1', '-1'], ['@SUM(A1)', "'@SUM(A1)"]]);
  const predicted = lines.slice(1).map((line) => line.split(',')[0]);
  assert.deepEqual(predicted, expected.map((label) => escaped.get(String(label))));
  assert.ok(new Set(predicted).size >= 2, 'more than one class predicted');
});
