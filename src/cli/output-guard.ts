/**
 * Checks every place a command will write before it does any work: an output must not be (a
 * hard link of, or a symlink to) one of the command's inputs, two outputs must not be the same
 * file, and each must be writable. Otherwise a long search would end by destroying its training
 * data, or by failing to save what it found.
 */
import { closeSync, openSync, realpathSync, rmSync, statSync, type Stats } from 'node:fs';
import { dirname, join, relative, resolve, isAbsolute } from 'node:path';
import { randomBytes } from 'node:crypto';
import { AutoMLError } from '../util/errors.ts';

export interface OutputTarget {
  readonly path: string;
  /** How the user named it in messages, e.g. "--out". */
  readonly label: string;
  /** A file written whole, or a folder created if needed and written into. */
  readonly kind: 'file' | 'folder';
  /** The folder's contents may be replaced or removed, so no input may live inside it. */
  readonly replacesContents?: boolean;
}

export interface InputSource {
  /** A path; "-" (standard input) is never a file and is skipped. */
  readonly path: string;
  /** What the input is, in messages, e.g. "the training data". */
  readonly label: string;
  /**
   * It may lie inside a folder whose contents are replaced: an earlier run kept there on purpose
   * (a batch job warm-starting from another job's attempt) is still refused only if it is the output.
   */
  readonly mayLieInsideOutputs?: boolean;
}

function badOutput(message: string): AutoMLError {
  return new AutoMLError('BAD_OUTPUT', message);
}

/** stat following symlinks; undefined when nothing is there (or it cannot be seen). */
function statOf(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** Same device and inode: the same file under another name, a hard link or a symlink. */
function sameFile(a: Stats, b: Stats): boolean {
  return a.dev === b.dev && a.ino === b.ino;
}

/** The canonical path where it exists, else the resolved one (for a folder still to be created). */
function canonical(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

function isInside(child: string, folder: string): boolean {
  const rel = relative(folder, child);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/**
 * A folder is writable when a file can really be created in it: permission bits alone do not
 * tell (root ignores them, a read-only mount does not show in them).
 */
function canCreateIn(folder: string): boolean {
  const probe = join(folder, `.automl-write-check-${randomBytes(6).toString('hex')}`);
  try {
    closeSync(openSync(probe, 'wx'));
    rmSync(probe, { force: true });
    return true;
  } catch {
    return false;
  }
}

/** The nearest folder of `path` that exists (the folder itself when it does). */
function nearestExisting(path: string): string {
  let current = resolve(path);
  while (statOf(current) === undefined) {
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  return current;
}

function checkWritable(output: OutputTarget): void {
  const { path, label } = output;
  const existing = statOf(path);
  if (output.kind === 'file') {
    if (existing?.isDirectory() === true) throw badOutput(`${label} ${path} is a folder; give the path of a file to write`);
    const parent = dirname(resolve(path));
    const parentStat = statOf(parent);
    if (parentStat === undefined) throw badOutput(`${label} ${path}: folder ${parent} does not exist; create it first or choose another path`);
    if (!parentStat.isDirectory()) throw badOutput(`${label} ${path}: ${parent} is not a folder`);
    if (!canCreateIn(parent)) throw badOutput(`${label} ${path}: folder ${parent} is not writable; choose another path`);
    return;
  }
  if (existing !== undefined && !existing.isDirectory()) throw badOutput(`${label} ${path} is a file, not a folder; give a folder path`);
  const base = nearestExisting(path);
  if (statOf(base)?.isDirectory() !== true) throw badOutput(`${label} ${path}: ${base} is a file, so the folder cannot be created there`);
  if (!canCreateIn(base)) throw badOutput(`${label} ${path}: folder ${base} is not writable; choose another path`);
}

function checkNotAnInput(output: OutputTarget, inputs: readonly InputSource[]): void {
  const outputStat = statOf(output.path);
  const outputPath = canonical(output.path);
  for (const input of inputs) {
    if (input.path === '-') continue;
    const inputStat = statOf(input.path);
    if (inputStat === undefined) continue; // the command reports a missing input itself
    const same = outputStat !== undefined ? sameFile(outputStat, inputStat) : outputPath === canonical(input.path);
    if (same) throw badOutput(`${output.label} ${output.path} is ${input.label} (${input.path}); writing it would destroy that input, choose another path`);
    if (output.kind === 'folder' && output.replacesContents === true && input.mayLieInsideOutputs !== true && isInside(canonical(input.path), outputPath)) {
      throw badOutput(`${input.label} ${input.path} lies inside ${output.label} ${output.path}, whose contents may be replaced; move it or choose another --out`);
    }
  }
}

function checkDistinct(outputs: readonly OutputTarget[]): void {
  for (let i = 0; i < outputs.length; i++) {
    for (let j = i + 1; j < outputs.length; j++) {
      const a = outputs[i]!;
      const b = outputs[j]!;
      const statA = statOf(a.path);
      const statB = statOf(b.path);
      const same = statA !== undefined && statB !== undefined ? sameFile(statA, statB) : canonical(a.path) === canonical(b.path);
      if (same) throw badOutput(`${a.label} and ${b.label} are the same path (${a.path}); give each its own`);
    }
  }
}

/** Throws a one-line BAD_OUTPUT error for the first problem found; checks only, writes nothing lasting. */
export function guardOutputs(outputs: readonly OutputTarget[], inputs: readonly InputSource[]): void {
  checkDistinct(outputs);
  for (const output of outputs) checkNotAnInput(output, inputs);
  for (const output of outputs) checkWritable(output);
}
