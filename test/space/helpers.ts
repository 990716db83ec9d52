/** Assertion helpers shared by the space tests. */
import assert from 'node:assert/strict';
import { AutoMLError } from '../../src/util/errors.ts';
import type { ErrorCode } from '../../src/util/errors.ts';

/** Asserts that `run` throws an AutoMLError with `code` (and, when given, a message matching). */
export function assertCode(run: () => unknown, code: ErrorCode, message?: RegExp): AutoMLError {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  assert.ok(caught instanceof AutoMLError, `expected an AutoMLError ${code}, got ${String(caught)}`);
  assert.equal(caught.code, code, caught.message);
  if (message !== undefined) assert.match(caught.message, message);
  return caught;
}
