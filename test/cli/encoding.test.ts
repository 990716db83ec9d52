import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run-cli.ts';
import { fit } from '../../src/api/fit.ts';
import { AutoMLError } from '../../src/util/errors.ts';

const work = mkdtempSync(join(tmpdir(), 'automl-encoding-'));
const TINY_SPACE = new URL('../../pipelines/tiny.json', import.meta.url).pathname;

/**
 * A Latin-1 file whose categorical feature holds "é" (0xE9) and "è" (0xE8) and decides the class:
 * read leniently as UTF-8 both would become U+FFFD, one category, and the signal would be lost.
 */
function latin1Training(): string {
  const lines = ['accent,x,class'];
  for (let i = 0; i < 40; i++) lines.push(`${i % 2 === 0 ? '\xe9' : '\xe8'},${(i % 7) / 7},${i % 2 === 0 ? 'yes' : 'no'}`);
  const path = join(work, 'latin1.csv');
  writeFileSync(path, Buffer.from(`${lines.join('\n')}\n`, 'latin1'));
  return path;
}

const data = latin1Training();
const model = join(work, 'model.json');
const QUICK = ['--max-trials', '1', '--time', '30', '--warm-start', '0', '--workers', '0', '--space', TINY_SPACE, '--quiet'];

function assertRefusedAsNotUtf8(stderr: string): void {
  assert.match(stderr, /\[BAD_INPUT\]/);
  assert.match(stderr, /byte \d+ \(0xE9\) is not valid UTF-8/);
  assert.equal(stderr.trim().split('\n').length, 1, `one line: ${stderr}`);
}

test('fit refuses a Latin-1 file without --encoding: exit 2, one BAD_INPUT line, no model', () => {
  const out = join(work, 'never.json');
  const result = runCli(['fit', data, '--target', 'class', '--out', out, ...QUICK]);
  assert.equal(result.code, 2, result.stderr);
  assertRefusedAsNotUtf8(result.stderr);
  assert.equal(existsSync(out), false);
});

test('fit --encoding latin1 keeps "é" and "è" as two categories; evaluate reads the file the same way', () => {
  const fitted = runCli(['fit', data, '--target', 'class', '--out', model, '--encoding', 'latin1', ...QUICK]);
  assert.equal(fitted.code, 0, fitted.stderr);
  const artifact = JSON.parse(readFileSync(model, 'utf8')) as { schema: { columns: { name: string; categories?: string[] }[] } };
  const accent = artifact.schema.columns.find((column) => column.name === 'accent');
  assert.deepEqual([...(accent?.categories ?? [])].sort(), ['è', 'é']);

  const refused = runCli(['evaluate', model, data]);
  assert.equal(refused.code, 2, refused.stderr);
  assertRefusedAsNotUtf8(refused.stderr);
  const evaluated = runCli(['evaluate', model, data, '--encoding', 'latin1', '--json']);
  assert.equal(evaluated.code, 0, evaluated.stderr);
  const metrics = (JSON.parse(evaluated.stdout) as { metrics: Record<string, number> }).metrics;
  // The accent alone decides the class, so a model that saw both categories gets every row right.
  assert.equal(metrics['accuracy'], 1);
});

test('an unknown encoding name is a BAD_OPTION before any work', () => {
  for (const args of [['fit', data, '--target', 'class', ...QUICK], ['evaluate', model, data]]) {
    const result = runCli([...args, '--encoding', 'ebcdic']);
    assert.equal(result.code, 2, result.stderr);
    assert.match(result.stderr, /\[BAD_OPTION\].*"ebcdic"/);
  }
});

test('library fit: an unknown encoding is refused before the file is read', async () => {
  // The path does not exist: a BAD_OPTION (not FILE_NOT_FOUND) shows the name was checked first.
  await assert.rejects(
    fit(join(work, 'absent.csv'), { target: 'class', encoding: 'utf-16' }),
    (error: unknown) => error instanceof AutoMLError && error.code === 'BAD_OPTION' && /"utf-16"/.test(error.message),
  );
});
