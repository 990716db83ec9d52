/**
 * A set of files as one binary value, keyed by path relative to a folder ('/' separated): the
 * inputs of a batch job travel to a worker this way (data, space file, warm-start run), and its
 * outputs back (model, run directory). v8 serialisation keeps the file bytes as they are.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { writeFileAtomic } from '../util/atomic-write.ts';
import { AutoMLError } from '../util/errors.ts';

export type FileBundle = Record<string, Buffer>;

/** Every file under `dir` (recursively), under `prefix`; nothing when `dir` does not exist. */
export function readFolder(dir: string, prefix = ''): FileBundle {
  const bundle: FileBundle = {};
  if (!existsSync(dir)) return bundle;
  const walk = (at: string): void => {
    for (const entry of readdirSync(at)) {
      const path = join(at, entry);
      if (statSync(path).isDirectory()) walk(path);
      else bundle[`${prefix}${relative(dir, path).split(sep).join('/')}`] = readFileSync(path);
    }
  };
  walk(dir);
  return bundle;
}

/**
 * Writes the bundle's files under `dir`, each atomically. A bundle comes from Redis, so a path
 * that would leave `dir` is refused rather than written.
 */
export function writeFolder(dir: string, bundle: FileBundle): void {
  for (const [name, bytes] of Object.entries(bundle)) {
    const parts = name.split('/');
    if (name.startsWith('/') || parts.some((part) => part === '' || part === '.' || part === '..' || part.includes('\\'))) {
      throw new AutoMLError('BAD_INPUT', `a file bundle names ${JSON.stringify(name)}, which is not a plain relative path`);
    }
    const path = join(dir, ...parts);
    mkdirSync(dirname(path), { recursive: true });
    writeFileAtomic(path, bytes);
  }
}

/** The files whose names start with `prefix`, renamed without it. */
export function subBundle(bundle: FileBundle, prefix: string): FileBundle {
  return Object.fromEntries(Object.entries(bundle).filter(([name]) => name.startsWith(prefix)).map(([name, bytes]) => [name.slice(prefix.length), bytes]));
}

export function encodeBundle(bundle: FileBundle): Buffer {
  return serialize(bundle);
}

export function decodeBundle(bytes: Buffer): FileBundle {
  const value = deserialize(bytes) as Record<string, Uint8Array>;
  // v8 gives Uint8Array back for Buffers: wrap without copying.
  return Object.fromEntries(Object.entries(value).map(([name, array]) => [name, Buffer.from(array.buffer, array.byteOffset, array.byteLength)]));
}
