/** `automl space show|validate <file>`: read a search-space file as a person or as a check. */
import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { spaceFromJSON, type ConfigurationSpace } from '../../space/index.ts';
import { checkPipelineSpace } from '../../components/pipeline-spaces.ts';
import { formatSpace } from '../../report/space-text.ts';
import { AutoMLError } from '../../util/errors.ts';

function readSpace(path: string): ConfigurationSpace {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new AutoMLError('FILE_NOT_FOUND', `space file ${path} does not exist`, { hint: 'check the path, e.g. pipelines/classification.json' });
  }
  return spaceFromJSON(text);
}

function familyOf(space: ConfigurationSpace): 'multiclass' | 'regression' {
  return space.has('regressor:__choice__') ? 'regression' : 'multiclass';
}

export function registerSpace(program: Command): void {
  const space = program.command('space').description('inspect search-space files (pipelines/*.json)');
  space
    .command('show')
    .description('print the hyperparameters, conditions and forbidden clauses of a space file')
    .argument('<file>', 'space file')
    .action((file: string) => {
      process.stdout.write(formatSpace(readSpace(file)));
    });
  space
    .command('validate')
    .description('check a space file against the component registry')
    .argument('<file>', 'space file')
    .action((file: string) => {
      const parsed = readSpace(file);
      checkPipelineSpace(parsed, familyOf(parsed), file);
      parsed.defaultConfiguration();
      process.stdout.write(`${file}: valid (${parsed.size} hyperparameters, ${parsed.conditions.length} conditions, ${parsed.forbiddens.length} forbidden clauses)\n`);
    });
  space.commands.forEach((c) => c.exitOverride());
  space.exitOverride();
}
