import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { runCli } from './run-cli.ts';
import { datasetPath } from '../helpers/datasets.ts';
import { registerFit } from '../../src/cli/commands/fit.ts';
import { registerPredict } from '../../src/cli/commands/predict.ts';
import { registerReport } from '../../src/cli/commands/report.ts';
import { registerBatch } from '../../src/cli/commands/batch.ts';
import { AutoMLError } from '../../src/util/errors.ts';

const dir = mkdtempSync(join(tmpdir(), 'automl-safety-'));
const iris = join(dir, 'iris.csv');
copyFileSync(datasetPath('iris'), iris);
const runs = join(dir, 'runs');

/** Runs one command in this process, as the CLI does, and returns the error it ends with. */
async function failure(register: (program: Command) => void, args: readonly string[]): Promise<AutoMLError> {
  const program = new Command().exitOverride();
  register(program);
  try {
    await program.parseAsync([...args], { from: 'user' });
  } catch (error) {
    assert.ok(error instanceof AutoMLError, String(error));
    assert.doesNotMatch(error.message, /\n/);
    return error;
  }
  assert.fail(`${args.join(' ')} succeeded`);
}

async function refused(register: (program: Command) => void, args: readonly string[], code: string, pattern: RegExp): Promise<void> {
  const error = await failure(register, args);
  assert.equal(error.code, code);
  assert.equal(error.isUserError, true);
  assert.match(error.message, pattern);
}

test('fit --out naming the training data exits 2 in one line before any work; the data is untouched', () => {
  const before = readFileSync(iris);
  const result = runCli(['fit', 'iris.csv', '--target', 'class', '--out', './iris.csv', '--max-trials', '1'], { cwd: dir });
  assert.equal(result.code, 2, result.stderr);
  assert.equal(result.stderr.trimEnd().split('\n').length, 1, result.stderr);
  assert.match(result.stderr, /^error \[BAD_OUTPUT\]: --out \.\/iris\.csv is the training data/);
  assert.deepEqual(readFileSync(iris), before);
  assert.equal(existsSync(join(dir, 'automl-runs')), false, 'no run was started');
});

test('fit: an output folder that does not exist, or a report on the model path, fails before the search', async () => {
  const fitArgs = ['fit', iris, '--target', 'class', '--max-trials', '1', '--run-dir', join(runs, 'a')];
  await refused(registerFit, [...fitArgs, '--out', join(dir, 'nodir', 'sub', 'o.json')], 'BAD_OUTPUT', /nodir.*does not exist/);
  const model = join(dir, 'm.json');
  await refused(registerFit, [...fitArgs, '--out', model, '--report', model], 'BAD_OUTPUT', /--out and --report are the same path/);
  await refused(registerFit, [...fitArgs.slice(0, -2), '--run-dir', iris], 'BAD_OUTPUT', /--run-dir .* is the training data/);
  assert.equal(existsSync(runs), false, 'no run was started');
});

test('--time and --per-trial-time beyond what a timer can wait are usage errors naming the bound', async () => {
  for (const [flag, value] of [['--time', '3000000'], ['--time', '1e308'], ['--per-trial-time', '2147484']]) {
    await refused(registerFit, ['fit', iris, '--target', 'class', flag!, value!], 'BAD_OPTION', new RegExp(`${flag} must be at most 2147483 seconds`));
  }
  await refused(registerFit, ['fit', iris, '--target', 'class', '--time', 'Infinity'], 'BAD_OPTION', /--time must be a positive number/);
});

test('predict --out naming the model or the input, and report --out naming a file of the run, are refused', async () => {
  // The guard runs before the model is read, so any file stands in for it.
  const model = join(dir, 'model.json');
  writeFileSync(model, '{"kept": true}');
  await refused(registerPredict, ['predict', model, iris, '--out', model], 'BAD_OUTPUT', /is the model/);
  await refused(registerPredict, ['predict', model, iris, '--out', iris], 'BAD_OUTPUT', /is the input data/);
  await refused(registerPredict, ['predict', model, iris, '--out', dir], 'BAD_OUTPUT', /is a folder/);
  assert.equal(readFileSync(model, 'utf8'), '{"kept": true}');
  const run = join(dir, 'run');
  mkdirSync(run);
  writeFileSync(join(run, 'trials.jsonl'), '');
  await refused(registerReport, ['report', run, '--out', join(run, 'trials.jsonl')], 'BAD_OUTPUT', /trials\.jsonl/);
});

test('batch: an --out that is a file, or data inside a job folder, is refused before any job runs', async () => {
  const spec = join(dir, 'jobs.json');
  writeFileSync(spec, JSON.stringify({ jobs: [{ name: 'iris', data: 'iris.csv', target: 'class', time: 5 }] }));
  await refused(registerBatch, ['batch', spec, '--out', iris], 'BAD_OUTPUT', /is the data of job iris|not a folder/);
  const out = join(dir, 'batch-out');
  mkdirSync(join(out, 'iris'), { recursive: true });
  copyFileSync(iris, join(out, 'iris', 'iris.csv'));
  const inside = join(dir, 'inside.json');
  writeFileSync(inside, JSON.stringify({ jobs: [{ name: 'iris', data: 'batch-out/iris/iris.csv', target: 'class', time: 5 }] }));
  await refused(registerBatch, ['batch', inside, '--out', out], 'BAD_OUTPUT', /lies inside the folder of job iris/);
  assert.ok(existsSync(join(out, 'iris', 'iris.csv')));
  assert.equal(existsSync(join(out, 'batch.lock')), false, 'the batch did not start');
});

test('a batch spec with several problems, including a time no timer can wait, is one line', async () => {
  const bad = join(dir, 'bad.json');
  writeFileSync(bad, JSON.stringify({ jobs: [{ name: 'a', target: 'class', time: 'fast' }, { name: 'b', data: 'iris.csv', target: 'class', time: 3e6 }] }));
  await refused(registerBatch, ['batch', bad], 'BAD_INPUT', /3 problems: .*jobs\[0\]\.data is required; .*jobs\[1\]\.time must be at most 2147483 seconds/);
});

test("the option parser's own usage errors stay on one line", () => {
  const result = runCli(['fit', iris]);
  assert.equal(result.code, 2);
  assert.equal(result.stderr.trimEnd().split('\n').length, 1, result.stderr);
  assert.match(result.stderr, /--target.*\(run with --help for usage\)/);
});
