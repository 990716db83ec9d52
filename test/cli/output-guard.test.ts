import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, linkSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { guardOutputs } from '../../src/cli/output-guard.ts';
import { AutoMLError } from '../../src/util/errors.ts';

const work = mkdtempSync(join(tmpdir(), 'automl-guard-'));
const data = join(work, 'train.csv');
writeFileSync(data, 'a,class\n1,x\n2,y\n');
const inputs = [{ path: data, label: 'the training data' }];

function refused(pattern: RegExp): (error: unknown) => boolean {
  return (error) => {
    assert.ok(error instanceof AutoMLError, String(error));
    assert.equal(error.code, 'BAD_OUTPUT');
    assert.equal(error.isUserError, true);
    assert.doesNotMatch(error.message, /\n/);
    assert.match(error.message, pattern);
    return true;
  };
}

test('an output equal to an input is refused, by name, through ./, a hard link or a symlink', () => {
  const hardLink = join(work, 'hard-link.csv');
  linkSync(data, hardLink);
  const symlink = join(work, 'sym-link.csv');
  symlinkSync(data, symlink);
  for (const path of [data, join(work, '.', 'train.csv'), hardLink, symlink]) {
    assert.throws(() => guardOutputs([{ path, label: '--out', kind: 'file' }], inputs), refused(/is the training data/), path);
  }
});

test('a new file in a writable folder, and standard input as the input, pass', () => {
  assert.doesNotThrow(() => guardOutputs([{ path: join(work, 'model.json'), label: '--out', kind: 'file' }], [...inputs, { path: '-', label: 'stdin' }]));
  // The write probe leaves nothing behind.
  assert.deepEqual(readdirSync(work).filter((name) => name.startsWith('.automl-write-check')), []);
});

test('a missing parent folder, a folder given as the file, and a file given as the folder are refused', () => {
  assert.throws(() => guardOutputs([{ path: join(work, 'nodir', 'sub', 'o.json'), label: '--out', kind: 'file' }], inputs), refused(/does not exist/));
  mkdirSync(join(work, 'a-folder'), { recursive: true });
  assert.throws(() => guardOutputs([{ path: join(work, 'a-folder'), label: '--out', kind: 'file' }], inputs), refused(/is a folder/));
  assert.throws(() => guardOutputs([{ path: data, label: '--run-dir', kind: 'folder' }], []), refused(/is a file, not a folder/));
  assert.throws(() => guardOutputs([{ path: join(data, 'run'), label: '--run-dir', kind: 'folder' }], []), refused(/cannot be created/));
});

test('a folder that is not writable is refused before any work', () => {
  // Root ignores permission bits, so the folder is also tried on a file system nobody may write.
  const locked = join(work, 'locked');
  mkdirSync(locked, { recursive: true });
  chmodSync(locked, 0o500);
  const unwritable = process.getuid?.() === 0 ? '/proc' : locked;
  assert.throws(() => guardOutputs([{ path: join(unwritable, 'model.json'), label: '--out', kind: 'file' }], inputs), refused(/not writable/));
  assert.throws(() => guardOutputs([{ path: join(unwritable, 'run', 'deeper'), label: '--run-dir', kind: 'folder' }], inputs), refused(/not writable/));
  chmodSync(locked, 0o700);
});

test('two outputs on the same path are refused', () => {
  const out = join(work, 'same.html');
  assert.throws(
    () => guardOutputs([{ path: out, label: '--out', kind: 'file' }, { path: out, label: '--report', kind: 'file' }], inputs),
    refused(/--out and --report are the same path/),
  );
});

test('no input may live inside a folder whose contents are replaced; a plain output folder may hold inputs', () => {
  const jobFolder = join(work, 'batch', 'iris');
  mkdirSync(jobFolder, { recursive: true });
  const inside = join(jobFolder, 'iris.csv');
  writeFileSync(inside, 'a,class\n1,x\n');
  const input = [{ path: inside, label: 'the data of job iris' }];
  assert.throws(() => guardOutputs([{ path: jobFolder, label: 'the folder of job iris', kind: 'folder', replacesContents: true }], input), refused(/lies inside/));
  assert.doesNotThrow(() => guardOutputs([{ path: join(work, 'batch'), label: '--out', kind: 'folder' }], input));
});
