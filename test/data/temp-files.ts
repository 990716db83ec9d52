/** Temporary input files for data-layer tests, under the OS temp directory, removed after the run. */

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';

let directory: string | undefined;

// Registered when a test file imports this module, so it runs once that file's tests are done
// (a hook registered inside a test would run when that one test ends).
after(() => {
  if (directory !== undefined) rmSync(directory, { recursive: true, force: true });
});

/** Directory holding the temp files, created on first use. */
export function tempDirectory(): string {
  directory ??= mkdtempSync(join(tmpdir(), 'automl-data-test-'));
  return directory;
}

/** Writes `content` (text or raw bytes) to a file named `name` and returns its path. */
export function writeTempFile(name: string, content: string | Uint8Array): string {
  const path = join(tempDirectory(), name);
  writeFileSync(path, content);
  return path;
}

/** The project's real datasets. */
export const DATASETS = new URL('../../datasets/', import.meta.url).pathname;
