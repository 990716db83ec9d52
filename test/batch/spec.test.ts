import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateBatchSpec } from '../../src/batch/spec.ts';
import { readBatchSpecFile } from '../../src/batch/read-spec.ts';
import { AutoMLError } from '../../src/util/errors.ts';

const good = { name: 'iris', data: 'data/iris.csv', target: 'class', time: 30 };

function problemOf(spec: unknown): string {
  try {
    validateBatchSpec(spec, '/base', 'jobs.json');
  } catch (error) {
    assert.ok(error instanceof AutoMLError);
    assert.equal(error.code, 'BAD_INPUT');
    return error.message;
  }
  assert.fail('the spec was accepted');
}

test('a valid spec resolves relative paths against the spec folder and keeps optional fields', () => {
  const spec = validateBatchSpec(
    { jobs: [good, { ...good, name: 'iris-2', data: '/abs/x.csv', space: 'spaces/tiny.json', warmStartFrom: '../runs/a', seed: 3, task: 'multiclass', metric: 'accuracy', ensembleSize: 1, maxTrials: 5, workers: 0 }] },
    '/base',
  );
  assert.equal(spec.jobs[0]!.data, '/base/data/iris.csv');
  assert.equal(spec.jobs[0]!.seed, undefined);
  const second = spec.jobs[1]!;
  assert.equal(second.data, '/abs/x.csv');
  assert.equal(second.space, '/base/spaces/tiny.json');
  assert.equal(second.warmStartFrom, '/runs/a');
  assert.deepEqual([second.seed, second.task, second.metric, second.ensembleSize, second.maxTrials, second.workers], [3, 'multiclass', 'accuracy', 1, 5, 0]);
});

test('errors name the field path of every bad value', () => {
  const message = problemOf({
    jobs: [good, { ...good, name: 'b', time: 'soon' }, { name: 'c', data: 'x.csv', time: 5 }, { ...good, name: 'd', seed: -1, metric: 'f1', tme: 3 }],
  });
  assert.match(message, /jobs\[1\]\.time must be a positive number of seconds, got "soon"/);
  assert.match(message, /jobs\[2\]\.target is required/);
  assert.match(message, /jobs\[3\]\.seed must be an integer/);
  assert.match(message, /jobs\[3\]\.metric must be one of/);
  assert.match(message, /jobs\[3\]\.tme is not a known field/);
  assert.doesNotMatch(message, /jobs\[0\]/);
});

test('duplicate job names, unsafe names and empty specs are rejected', () => {
  assert.match(problemOf({ jobs: [good, { ...good }] }), /jobs\[1\]\.name "iris" duplicates jobs\[0\]\.name/);
  assert.match(problemOf({ jobs: [good, { ...good, name: 'IRIS' }] }), /duplicates jobs\[0\]\.name/);
  assert.match(problemOf({ jobs: [{ ...good, name: '../up' }] }), /jobs\[0\]\.name "\.\.\/up" must start with a letter or digit/);
  assert.match(problemOf({ jobs: [] }), /jobs must be a non-empty list/);
  assert.match(problemOf([good]), /must be an object with a "jobs" list/);
  assert.match(problemOf({ jobs: [good], extra: 1 }), /extra is not a known field/);
  assert.match(problemOf({ jobs: [good, 'iris'] }), /jobs\[1\] must be an object/);
});

test('YAML and JSON spec files are read; syntax errors are BAD_INPUT naming the file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'automl-spec-'));
  writeFileSync(join(dir, 'jobs.yaml'), 'jobs:\n  - name: iris\n    data: iris.csv\n    target: class\n    time: 10\n');
  const fromYaml = readBatchSpecFile(join(dir, 'jobs.yaml'));
  assert.equal(fromYaml.jobs[0]!.data, join(dir, 'iris.csv'));
  writeFileSync(join(dir, 'jobs.json'), JSON.stringify({ jobs: [good] }));
  assert.equal(readBatchSpecFile(join(dir, 'jobs.json')).jobs[0]!.data, join(dir, 'data/iris.csv'));
  writeFileSync(join(dir, 'bad.yaml'), 'jobs:\n  - name: [unclosed\n');
  assert.throws(() => readBatchSpecFile(join(dir, 'bad.yaml')), (e: unknown) => e instanceof AutoMLError && e.code === 'BAD_INPUT' && /bad\.yaml is not valid YAML/.test(e.message));
  writeFileSync(join(dir, 'wrong.yml'), 'jobs:\n  - name: iris\n    data: iris.csv\n    target: class\n    time: -1\n');
  assert.throws(() => readBatchSpecFile(join(dir, 'wrong.yml')), /wrong\.yml: jobs\[0\]\.time must be a positive number/);
  assert.throws(() => readBatchSpecFile(join(dir, 'absent.json')), (e: unknown) => e instanceof AutoMLError && e.code === 'FILE_NOT_FOUND');
});
