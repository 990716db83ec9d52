/**
 * One batch process per output folder: `<out>/batch.lock` holds the owner's pid. A lock left by a
 * killed process (its pid no longer alive) is taken over, which is what makes `kill -9` and rerun
 * work; a lock of a live process is an error instead of two batches writing the same job folders.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../util/atomic-write.ts';
import { AutoMLError } from '../util/errors.ts';

export const LOCK_FILE = 'batch.lock';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock of `out`; returns the function that releases it. */
export function lockBatchFolder(out: string): () => void {
  const path = join(out, LOCK_FILE);
  let owner: number | undefined;
  try {
    owner = Number.parseInt(readFileSync(path, 'utf8'), 10);
  } catch {
    owner = undefined;
  }
  if (owner !== undefined && Number.isInteger(owner) && owner !== process.pid && alive(owner)) {
    throw new AutoMLError('BAD_OPTION', `another batch (process ${owner}) is running in ${out}`, {
      hint: `wait for it, or remove ${path} if that process is not an automl batch`,
    });
  }
  writeFileAtomic(path, `${process.pid}\n`);
  return () => rmSync(path, { force: true });
}
