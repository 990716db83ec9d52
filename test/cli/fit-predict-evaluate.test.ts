import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run-cli.ts';
import { datasetPath } from '../helpers/datasets.ts';

const work = mkdtempSync(join(tmpdir(), 'automl-cli-'));

test('fit → predict → evaluate on iris through the CLI', () => {
  const model = join(work, 'iris.json');
  const fit = runCli(['fit', datasetPath('iris'), '--target', 'class', '--max-trials', '4', '--time', '60', '--out', model, '--json']);
  assert.equal(fit.code, 0, fit.stderr);
  const summary = JSON.parse(fit.stdout) as Record<string, unknown>;
  assert.equal(summary['task'], 'multiclass');
  assert.equal((summary['trials'] as { total: number }).total, 4);
  assert.ok(existsSync(model));

  const predict = runCli(['predict', model, datasetPath('iris'), '--proba']);
  assert.equal(predict.code, 0, predict.stderr);
  const lines = predict.stdout.trim().split('\n');
  assert.equal(lines[0], 'prediction,proba_setosa,proba_versicolor,proba_virginica');
  assert.equal(lines.length, 151);
  assert.ok(lines[1]!.startsWith('setosa,'));

  const evaluate = runCli(['evaluate', model, datasetPath('iris'), '--json']);
  assert.equal(evaluate.code, 0, evaluate.stderr);
  const metrics = (JSON.parse(evaluate.stdout) as { metrics: Record<string, number> }).metrics;
  assert.ok(metrics['balanced_accuracy']! > 0.9);
});

test('predict reads standard input and writes --out atomically; rows keep their order', () => {
  const model = join(work, 'votes.json');
  const fit = runCli(['fit', datasetPath('house_votes84'), '--target', 'class', '--max-trials', '3', '--out', model, '--quiet']);
  assert.equal(fit.code, 0, fit.stderr);
  const csv = readFileSync(datasetPath('house_votes84'), 'utf8');
  const out = join(work, 'pred.csv');
  const predict = runCli(['predict', model, '-', '--out', out], { input: csv });
  assert.equal(predict.code, 0, predict.stderr);
  const predicted = readFileSync(out, 'utf8').trim().split('\n').slice(1);
  const actual = csv.trim().split('\n').slice(1).map((line) => line.split(',').at(-1));
  const agreement = predicted.filter((p, i) => p === actual[i]).length / actual.length;
  assert.ok(agreement > 0.9, `agreement ${agreement}`);
});

test('regression: fit and evaluate on diabetes', () => {
  const model = join(work, 'diabetes.json');
  const fit = runCli(['fit', datasetPath('diabetes'), '--target', 'target', '--max-trials', '3', '--out', model, '--quiet']);
  assert.equal(fit.code, 0, fit.stderr);
  const evaluate = runCli(['evaluate', model, datasetPath('diabetes')]);
  assert.equal(evaluate.code, 0, evaluate.stderr);
  assert.match(evaluate.stdout, /rmse\s+\d/);
  assert.match(evaluate.stdout, /r2\s+0\.\d/);
});

test('--help exits 0 and lists the subcommands', () => {
  const help = runCli(['--help']);
  assert.equal(help.code, 0);
  for (const command of ['fit', 'predict', 'evaluate']) assert.match(help.stdout, new RegExp(command));
});

export { work, writeFileSync };
