import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from './run-cli.ts';
import { datasetPath } from '../helpers/datasets.ts';

const TINY_SPACE = fileURLToPath(new URL('../../pipelines/tiny.json', import.meta.url));

test('fit --report writes the page; `automl report <run dir>` rebuilds the same page', { timeout: 60_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'automl-cli-report-'));
  const fitted = runCli(['fit', datasetPath('iris'), '--target', 'class', '--time', '2', '--max-trials', '3', '--space', TINY_SPACE, '--workers', '0',
    '--run-dir', 'run', '--out', 'model.json', '--report', 'fit-report.html', '--quiet'], { cwd: dir });
  assert.equal(fitted.code, 0, fitted.stderr);
  const page = readFileSync(join(dir, 'fit-report.html'), 'utf8');
  assert.match(page, /^<!DOCTYPE html>/);
  assert.match(page, /<svg class="chart"/);

  const rebuilt = runCli(['report', 'run', '--out', 'again.html'], { cwd: dir });
  assert.equal(rebuilt.code, 0, rebuilt.stderr);
  assert.equal(readFileSync(join(dir, 'again.html'), 'utf8'), page);
  const defaultOut = runCli(['report', 'run'], { cwd: dir });
  assert.equal(defaultOut.code, 0, defaultOut.stderr);
  assert.ok(existsSync(join(dir, 'run', 'report.html')));

  const missing = runCli(['report', 'nowhere'], { cwd: dir });
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /error \[FILE_NOT_FOUND\]: run directory nowhere does not exist/);
});

test('batch: an invalid spec is a usage error naming the field; a valid one writes the summary', { timeout: 60_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'automl-cli-batch-'));
  writeFileSync(join(dir, 'bad.yaml'), `jobs:\n  - name: a\n    data: ${datasetPath('iris')}\n    target: class\n    time: 2\n  - name: a\n    data: x.csv\n    target: class\n    time: fast\n`);
  const bad = runCli(['batch', 'bad.yaml'], { cwd: dir });
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /jobs\[1\]\.name "a" duplicates jobs\[0\]\.name/);
  assert.match(bad.stderr, /jobs\[1\]\.time must be a positive number of seconds, got "fast"/);
  assert.doesNotMatch(bad.stderr, /at .*\.ts:\d+/, 'no stack trace');

  writeFileSync(join(dir, 'jobs.yaml'), `jobs:\n  - name: iris\n    data: ${datasetPath('iris')}\n    target: class\n    time: 2\n    maxTrials: 2\n    space: ${TINY_SPACE}\n    workers: 0\n`);
  const ok = runCli(['batch', 'jobs.yaml', '--json', '--quiet'], { cwd: dir });
  assert.equal(ok.code, 0, ok.stderr);
  const summary = JSON.parse(ok.stdout) as { out: string; jobs: { name: string; status: string }[] };
  assert.equal(summary.out, join(dir, 'automl-batch', 'jobs'), 'default output folder');
  assert.deepEqual(summary.jobs.map((j) => [j.name, j.status]), [['iris', 'done']]);
  assert.ok(existsSync(join(dir, 'automl-batch', 'jobs', 'summary.csv')));
  assert.ok(existsSync(join(dir, 'automl-batch', 'jobs', 'iris', 'report.html')));
});
