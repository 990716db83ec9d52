import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeFailure, exitCodeFor } from '../../src/cli/exit.ts';
import { AutoMLError } from '../../src/util/errors.ts';

test('a user error with a hint is one line: the hint follows the message', () => {
  const error = new AutoMLError('FILE_NOT_FOUND', 'model file m.json does not exist', { hint: 'check the path' });
  assert.equal(describeFailure(error), 'error [FILE_NOT_FOUND]: model file m.json does not exist (check the path)');
  assert.equal(exitCodeFor(error), 2);
});

test('line breaks inside a message or hint are joined, never printed', () => {
  const error = new AutoMLError('BAD_INPUT', 'two problems:\n  - first\n  - second', { hint: 'fix them\nand rerun' });
  const line = describeFailure(error);
  assert.doesNotMatch(line, /\n/);
  assert.match(line, /first; - second \(fix them; and rerun\)$/);
});

test('an unexpected failure is one line; its stack trace comes only with --verbose', () => {
  const bug = new TypeError('cannot read x');
  const quiet = describeFailure(bug);
  assert.doesNotMatch(quiet, /\n/);
  assert.match(quiet, /^internal error: cannot read x \(rerun with --verbose/);
  const verbose = describeFailure(bug, true);
  assert.match(verbose, /\n\s+at /);
  assert.equal(exitCodeFor(bug), 1);
  // A user mistake never shows a stack trace, even with --verbose.
  assert.doesNotMatch(describeFailure(new AutoMLError('BAD_OPTION', '--time must be positive'), true), /\n/);
});
