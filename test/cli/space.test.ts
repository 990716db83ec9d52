import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from './run-cli.ts';
import { datasetPath } from '../helpers/datasets.ts';

const TINY = fileURLToPath(new URL('../../pipelines/tiny.json', import.meta.url));
const CLASSIFICATION = fileURLToPath(new URL('../../pipelines/classification.json', import.meta.url));

test('fit --space restricts the search to the file’s algorithms', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'automl-space-cli-')), 'model.json');
  const fit = runCli(['fit', datasetPath('breast_cancer'), '--target', 'class', '--space', TINY, '--max-trials', '6', '--out', out, '--quiet']);
  assert.equal(fit.code, 0, fit.stderr);
  const model = JSON.parse(readFileSync(out, 'utf8')) as { leaderboard: { algorithm: string }[] };
  for (const row of model.leaderboard) assert.ok(['random_forest', 'logistic_regression'].includes(row.algorithm), row.algorithm);
});

test('space show prints hyperparameters, conditions and forbidden clauses; validate accepts the default spaces', () => {
  const show = runCli(['space', 'show', CLASSIFICATION]);
  assert.equal(show.code, 0, show.stderr);
  assert.match(show.stdout, /classifier:__choice__\s+categorical/);
  assert.match(show.stdout, /Conditions \(\d+\)/);
  assert.match(show.stdout, /never\s+classifier:__choice__ in/);
  const validate = runCli(['space', 'validate', CLASSIFICATION]);
  assert.equal(validate.code, 0, validate.stderr);
  assert.match(validate.stdout, /valid/);
});

test('space validate rejects a file that is not a space', () => {
  const result = runCli(['space', 'validate', datasetPath('iris')]);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /\[BAD_SPACE\]/);
});
