import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadModel } from '../../src/export/model.ts';
import { MAX_STATE_MAGNITUDE } from '../../src/export/state-magnitudes.ts';
import { parseCsvText } from '../../src/data/csv.ts';
import { AutoMLError } from '../../src/util/errors.ts';
import { saveSmallIrisModel } from '../helpers/small-model.ts';
import { runCli } from '../cli/run-cli.ts';
import { fuzzModelCase, probeRows, runFuzz } from '../../src/bench/fuzz-cases.ts';

interface SavedState {
  members: { pipeline: { datasetSteps: { state: { fills: number[] } }[]; model: { state: { coef: number[] } } } }[];
}

let modelPath = '';
let saved: SavedState;

before(async () => {
  modelPath = await saveSmallIrisModel();
  saved = JSON.parse(readFileSync(modelPath, 'utf8')) as SavedState;
});

function tampered(name: string, edit: (artifact: SavedState) => void): string {
  const copy = structuredClone(saved);
  edit(copy);
  const path = join(dirname(modelPath), name);
  writeFileSync(path, JSON.stringify(copy));
  return path;
}

const ROWS = 'sepal_length_cm,sepal_width_cm,petal_length_cm,petal_width_cm\n5.1,3.5,1.4,0.2\n1.7e308,1.7e308,-1.7e308,1.7e308\n';

function isCode(code: string, message: RegExp): (error: unknown) => boolean {
  return (error: unknown) => {
    assert.ok(error instanceof AutoMLError, String(error));
    assert.equal(error.code, code);
    assert.match(error.message, message);
    return true;
  };
}

test('a number near the double limit in any component state is refused on load', () => {
  const coef = tampered('coef.json', (a) => (a.members[0]!.pipeline.model.state.coef[0] = 1.79e308));
  assert.throws(() => loadModel(coef), isCode('BAD_MODEL_FILE', /ensemble member 0: saved number model\.state\.coef\[0\] = 1\.79e\+308/));
  const fill = tampered('fill.json', (a) => (a.members[0]!.pipeline.datasetSteps[0]!.state.fills[2] = -MAX_STATE_MAGNITUDE * 10));
  assert.throws(() => loadModel(fill), isCode('BAD_MODEL_FILE', /datasetSteps\[0\]\.state\.fills\[2\]/));
  // The untouched file loads and predicts finite probabilities.
  const proba = loadModel(modelPath).predictProba(parseCsvText(ROWS.split('\n').slice(0, 2).join('\n')));
  assert.ok(proba.flat().every(Number.isFinite));
});

test('a non-finite output is an error naming the member and the row, never a NaN', () => {
  // Coefficients at the load bound on two classes and an input far outside the training data:
  // both classes score +Infinity and the softmax gives NaN.
  const bounded = tampered('bounded.json', (a) => {
    const coef = a.members[0]!.pipeline.model.state.coef;
    coef[0] = MAX_STATE_MAGNITUDE;
    coef[4] = MAX_STATE_MAGNITUDE;
  });
  const model = loadModel(bounded);
  const rows = parseCsvText('sepal_length_cm,sepal_width_cm,petal_length_cm,petal_width_cm\n5.1,3.5,1.4,0.2\n1e159,3,1,0.2\n');
  assert.throws(() => model.predictProba(rows), isCode('DEGENERATE_INPUT', /ensemble member 0 \(logistic_regression\) gives a non-finite probability \(NaN\) for data row 2/));
  const { dataset } = model.prepare(rows);
  assert.throws(() => model.predictPrepared(dataset, 1000), /data row 1002/);
});

test('CLI: predict and evaluate end with exit 2 on such models and rows, without hanging', () => {
  const coef = tampered('coef-cli.json', (a) => (a.members[0]!.pipeline.model.state.coef[0] = 1.79e308));
  const rows = join(dirname(modelPath), 'huge.csv');
  writeFileSync(rows, ROWS.replace('\n5.1', ',class\n5.1').replace(/\n(.+)\n(.+)\n$/, '\n$1,setosa\n$2,virginica\n'));
  for (const args of [
    ['evaluate', coef, rows],
    ['predict', modelPath, rows, '--proba'],
  ]) {
    const result = runCli(args);
    assert.equal(result.code, 2, `${args.join(' ')}: ${result.stderr}`);
    assert.doesNotMatch(result.stdout, /NaN/);
    assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
  }
});

test('fuzzed model files end in a finite prediction or a typed error, promptly, in every case', { timeout: 120_000 }, async () => {
  const text = readFileSync(modelPath, 'utf8');
  const rows = probeRows(['sepal_length_cm', 'sepal_width_cm', 'petal_length_cm', 'petal_width_cm']);
  const summary = await runFuzz(2000, 1, (seed) => fuzzModelCase(text, rows, seed));
  assert.deepEqual(summary.failures, []);
  assert.ok(summary.results > 100, `${summary.results} mutated models predicted`);
  assert.ok((summary.typedErrors['BAD_MODEL_FILE'] ?? 0) > 100, JSON.stringify(summary.typedErrors));
  assert.ok(summary.slowestMs < 5000, `slowest case ${summary.slowestMs} ms`);
});
