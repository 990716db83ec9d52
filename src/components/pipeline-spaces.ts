/**
 * Search spaces as data. The default spaces in pipelines/ are generated from the registry for a
 * generic dataset (`npm run spaces`), so every change to a component's hyperparameters shows up
 * as a reviewable diff. A space file passed to a search replaces the dataset-derived space; it is
 * checked against the registry so that a typo fails before the search starts.
 */
import { readFileSync } from 'node:fs';
import type { Task } from '../data/dataset.ts';
import { ConfigurationSpace, spaceFromJSON } from '../space/index.ts';
import { AutoMLError } from '../util/errors.ts';
import type { ComponentContext } from './component.ts';
import { BALANCING_HP, buildSearchSpace, slotCatalogue, type SlotRestriction } from './registry.ts';
import type { TaskFamily } from '../metrics/scorers.ts';

/**
 * The dataset the default spaces are written for: mixed numeric and categorical columns of
 * moderate width, so that every component applies.
 */
export function genericContext(family: TaskFamily): ComponentContext {
  return { task: family === 'regression' ? 'regression' : 'multiclass', nRows: 1000, nFeatures: 20, nNumeric: 10, nCategorical: 10, nEncoded: 40 };
}

export interface PipelineSpaceFile {
  readonly file: string;
  readonly family: TaskFamily;
  readonly restriction: SlotRestriction;
}

/** The files `npm run spaces` writes into pipelines/. */
export const PIPELINE_SPACE_FILES: readonly PipelineSpaceFile[] = [
  { file: 'classification.json', family: 'classification', restriction: {} },
  { file: 'regression.json', family: 'regression', restriction: {} },
  {
    // A small, fast space for tests and quick looks: two learners, fixed preprocessing.
    file: 'tiny.json',
    family: 'classification',
    restriction: {
      imputation: ['simple'],
      coalescing: ['no_coalescing'],
      encoding: ['one_hot'],
      rescaling: ['standard'],
      balancing: ['none'],
      feature_preprocessor: ['no_preprocessing'],
      classifier: ['random_forest', 'logistic_regression'],
    },
  },
];

export function pipelineSpace(entry: PipelineSpaceFile): ConfigurationSpace {
  return buildSearchSpace(genericContext(entry.family), entry.restriction);
}

function badSpace(where: string, message: string): AutoMLError {
  return new AutoMLError('BAD_SPACE', `${where}: ${message}`, { hint: 'start from pipelines/classification.json or pipelines/regression.json and remove what you do not want' });
}

/**
 * Checks that every hyperparameter of a space file is one the registry knows: `slot:__choice__`
 * with known component ids, `slot:id:name` for a hyperparameter of that component, or the
 * balancing switch; and that the space chooses a model for the task.
 */
export function checkPipelineSpace(space: ConfigurationSpace, task: Task, where: string): void {
  const slots = new Map(slotCatalogue().map((slot) => [slot.name, slot]));
  const family: TaskFamily = task === 'regression' ? 'regression' : 'classification';
  const modelSlot = family === 'regression' ? 'regressor' : 'classifier';
  if (!space.has(`${modelSlot}:__choice__`)) throw badSpace(where, `no "${modelSlot}:__choice__": the space chooses no model for a ${task} task`);
  const context = genericContext(family);
  for (const hp of space.hyperparameters) {
    if (hp.name === BALANCING_HP) continue;
    const [slotName, id, ...rest] = hp.name.split(':');
    const slot = slots.get(slotName ?? '');
    if (slot === undefined) throw badSpace(where, `hyperparameter "${hp.name}" names no known slot (${[...slots.keys()].join(', ')})`);
    const components = slot.components.filter((c) => c.families.includes(family));
    if (id === '__choice__' && rest.length === 0) {
      const choices = 'choices' in hp ? (hp.choices as readonly unknown[]) : [hp.default];
      for (const choice of choices) {
        if (!components.some((c) => c.id === choice)) throw badSpace(where, `"${hp.name}" offers "${String(choice)}", not a ${slotName} component for ${family}`);
      }
      continue;
    }
    const component = components.find((c) => c.id === id);
    if (component === undefined) throw badSpace(where, `hyperparameter "${hp.name}": no ${slotName} component "${id}" for ${family}`);
    const own = rest.join(':');
    if (!component.space(context).has(own)) throw badSpace(where, `hyperparameter "${hp.name}": component ${id} has no hyperparameter "${own}"`);
  }
}

/** Reads and checks a space file; typed errors for a missing, malformed or foreign file. */
export function readSpaceFile(path: string, task: Task): ConfigurationSpace {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new AutoMLError('FILE_NOT_FOUND', `space file ${path} does not exist`, { hint: 'check the path, e.g. pipelines/classification.json' });
  }
  const space = spaceFromJSON(text);
  checkPipelineSpace(space, task, path);
  return space;
}
