/**
 * Atomic file writes: write a temporary sibling, fsync it, then rename over the target, so a
 * reader (or a crash) never sees a half-written model, run log or metadata file.
 */
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/** Writes text (UTF-8) or bytes; writes loop until every byte is down, as writeSync may be partial. */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const temporary = temporaryPathFor(path);
  let fd: number | undefined;
  try {
    fd = openSync(temporary, 'w', 0o644);
    for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temporary, path);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** A hidden, randomly named sibling of `path`: same folder, so the final rename is atomic. */
function temporaryPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
}

/**
 * The streaming form of writeFileAtomic, for output too large to build in memory first: text is
 * appended to the temporary sibling as it comes, and `commit` renames it over the target. Until
 * then the target is untouched; `abort` removes the temporary file.
 */
export class AtomicFileWriter {
  private readonly temporary: string;
  private fd: number | undefined;

  constructor(private readonly path: string) {
    this.temporary = temporaryPathFor(path);
    this.fd = openSync(this.temporary, 'w', 0o644);
  }

  write(text: string): void {
    if (this.fd === undefined) throw new Error(`${this.path}: write after the file was closed`);
    const bytes = Buffer.from(text, 'utf8');
    for (let written = 0; written < bytes.length; ) written += writeSync(this.fd, bytes, written);
  }

  commit(): void {
    if (this.fd === undefined) throw new Error(`${this.path}: commit after the file was closed`);
    try {
      fsyncSync(this.fd);
      closeSync(this.fd);
      this.fd = undefined;
      renameSync(this.temporary, this.path);
    } catch (error) {
      this.abort();
      throw error;
    }
  }

  abort(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    rmSync(this.temporary, { force: true });
  }
}
