/** Reads a batch spec file: YAML for .yaml/.yml, JSON otherwise; paths resolve against its folder. */
import { readFileSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { AutoMLError, errorMessage } from '../util/errors.ts';
import { validateBatchSpec, type BatchSpec } from './spec.ts';

export function readBatchSpecFile(path: string): BatchSpec {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new AutoMLError('FILE_NOT_FOUND', `batch spec ${path} does not exist`, { hint: 'pass a jobs.yaml or jobs.json file' });
  }
  const yaml = ['.yaml', '.yml'].includes(extname(path).toLowerCase());
  let parsed: unknown;
  try {
    parsed = yaml ? parseYaml(text) : JSON.parse(text);
  } catch (error) {
    // A YAML parser's message goes on to quote the offending lines; its first line says what and where.
    const reason = errorMessage(error).split('\n')[0]!.replace(/:\s*$/, '');
    throw new AutoMLError('BAD_INPUT', `batch spec ${path} is not valid ${yaml ? 'YAML' : 'JSON'}: ${reason}`);
  }
  return validateBatchSpec(parsed, dirname(resolve(path)), path);
}
