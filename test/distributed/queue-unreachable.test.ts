/**
 * Without a reachable Redis a queued fit fails fast with one clear line and exit code 2, before
 * anything is written; and fitting without a queue never loads BullMQ or ioredis.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AutoML } from '../../src/api/index.ts';
import { runBatch } from '../../src/batch/index.ts';
import { isAutoMLError } from '../../src/util/errors.ts';
import { loadSplitDataset, datasetPath } from '../helpers/datasets.ts';
import { runCli } from '../cli/run-cli.ts';
import { freePort } from './redis-fixture.ts';

test('a fit whose queue does not answer is a BAD_OPTION within seconds', async () => {
  const url = `redis://127.0.0.1:${await freePort()}`;
  const { train } = await loadSplitDataset('iris');
  const dir = mkdtempSync(join(tmpdir(), 'automl-queue-down-'));
  const started = performance.now();
  await assert.rejects(AutoML.fit(train, { target: 'class', maxTrials: 1, queue: url, runDir: join(dir, 'run') }), (error: unknown) => {
    assert.ok(isAutoMLError(error) && error.code === 'BAD_OPTION', String(error));
    assert.match(error.message, /cannot reach the queue's Redis at redis:\/\/127\.0\.0\.1:\d+: .*ECONNREFUSED/);
    return true;
  });
  assert.ok(performance.now() - started < 5000, `took ${Math.round(performance.now() - started)} ms`);
  assert.ok(!existsSync(join(dir, 'run')), 'no run directory is written');
});

test('the CLI exits 2 with one line and writes neither the model nor the run log', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'automl-queue-down-cli-'));
  const result = runCli(['fit', datasetPath('iris'), '--target', 'class', '--max-trials', '1', '--queue', `redis://127.0.0.1:${await freePort()}`, '--run-dir', join(dir, 'run'), '--out', join(dir, 'model.json')]);
  assert.equal(result.code, 2, result.stderr);
  assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
  assert.match(result.stderr, /^error \[BAD_OPTION\]: cannot reach the queue's Redis/);
  assert.ok(!existsSync(join(dir, 'run')) && !existsSync(join(dir, 'model.json')));
});

test('a batch whose queue does not answer is a BAD_OPTION before its output folder is written', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'automl-batch-queue-down-'));
  const jobs = [{ name: 'iris', data: datasetPath('iris'), target: 'class', time: 2 }];
  await assert.rejects(runBatch({ jobs }, { out: join(dir, 'out'), queue: `redis://127.0.0.1:${await freePort()}` }), (error: unknown) => {
    assert.ok(isAutoMLError(error) && error.code === 'BAD_OPTION', String(error));
    assert.match(error.message, /cannot reach the queue's Redis/);
    return true;
  });
  assert.ok(!existsSync(join(dir, 'out')), 'no output folder is written');
});

test('a malformed queue address is refused before any work', () => {
  const result = runCli(['worker', '--queue', 'http://127.0.0.1:6379']);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /--queue "http:\/\/127\.0\.0\.1:6379" is not a Redis address: the scheme must be redis:\/\//);
});

/** Modules a file imports at load time: static imports and re-exports, not `import type` or `import()`. */
function staticImports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const specifiers: string[] = [];
  for (const match of source.matchAll(/^\s*(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)) specifiers.push(match[1]!);
  return specifiers;
}

test('the fit path loads neither BullMQ nor ioredis unless a queue is given', () => {
  const root = fileURLToPath(new URL('../../src/api/fit.ts', import.meta.url));
  const seen = new Set<string>();
  const packages = new Set<string>();
  const pending = [root];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const specifier of staticImports(file)) {
      if (specifier.startsWith('.')) pending.push(resolve(dirname(file), specifier));
      else packages.add(specifier);
    }
  }
  assert.ok(seen.size > 50 && packages.has('papaparse'), `the walk found ${seen.size} modules: it follows the imports`);
  assert.ok(!packages.has('bullmq') && !packages.has('ioredis'), `statically imported: ${[...packages].join(', ')}`);
});
