/**
 * Writing a model file. The target is checked before anything is serialised or written: a folder
 * or a path in a folder that does not exist is refused with a BAD_OUTPUT error naming it, rather
 * than with the operating system's EISDIR/ENOENT after a large model has been built as text.
 * The write itself is atomic (util/atomic-write.ts): the file is the old one or the whole new one.
 */
import { statSync, type Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { writeFileAtomic } from '../util/atomic-write.ts';
import { AutoMLError, errorMessage } from '../util/errors.ts';

function statOf(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** Throws BAD_OUTPUT when `path` cannot name a model file to write; writes nothing. */
export function checkModelPath(path: unknown): asserts path is string {
  if (typeof path !== 'string' || path === '') {
    throw new AutoMLError('BAD_OUTPUT', `model path must be a non-empty file path, got ${JSON.stringify(path) ?? String(path)}`);
  }
  if (statOf(path)?.isDirectory() === true) {
    throw new AutoMLError('BAD_OUTPUT', `cannot save the model to ${path}: it is a folder`, { hint: 'give the path of a file, e.g. model.json' });
  }
  const folder = dirname(resolve(path));
  const folderStat = statOf(folder);
  if (folderStat === undefined) {
    throw new AutoMLError('BAD_OUTPUT', `cannot save the model to ${path}: folder ${folder} does not exist`, { hint: 'create the folder first or choose another path' });
  }
  if (!folderStat.isDirectory()) throw new AutoMLError('BAD_OUTPUT', `cannot save the model to ${path}: ${folder} is not a folder`);
}

/** Checks the path, then writes `serialise()` atomically; a failed write is a BAD_OUTPUT error. */
export function saveModelFile(path: string, serialise: () => string): void {
  checkModelPath(path);
  const text = serialise();
  try {
    writeFileAtomic(path, text);
  } catch (error) {
    throw new AutoMLError('BAD_OUTPUT', `cannot save the model to ${path} (${errorMessage(error)})`, {
      hint: 'check that the folder is writable and the disk is not full',
      cause: error,
    });
  }
}
