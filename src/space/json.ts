/**
 * Search spaces as JSON: type-tagged entries with a fixed key order, so the text is stable,
 * reviewable in diffs and reproducible: spaceToJSON(spaceFromJSON(spaceToJSON(s))) gives the same
 * text. Hyperparameters and conditions keep insertion order, which fixes the dimension order too.
 *
 * {
 *   "format": "automl-ts/space", "version": 1,
 *   "hyperparameters": [{ "type": "float" | "integer" | "categorical" | "ordinal" | "constant", … }],
 *   "conditions": [{ "type": "equals" | "not_equals" | "in" | "less_than" | "greater_than", "child", "parent", "value(s)" }
 *                  | { "type": "and" | "or", "conditions": [...] }],
 *   "forbiddens": [{ "type": "equals" | "in", "name", "value(s)" } | { "type": "and", "clauses": [...] }]
 * }
 */
import { createHash } from 'node:crypto';
import type { JsonObject } from '../util/json.ts';
import type { Hyperparameter } from './hyperparameters/hyperparameter.ts';
import { ConfigurationSpace } from './configuration-space.ts';
import { Entry } from './json-fields.ts';
import { conditionToJSON, conditionFromJSON, forbiddenToJSON, forbiddenFromJSON } from './json-clauses.ts';
import { AutoMLError } from '../util/errors.ts';
import { FloatHyperparameter } from './hyperparameters/float.ts';
import { IntegerHyperparameter } from './hyperparameters/integer.ts';
import { CategoricalHyperparameter } from './hyperparameters/categorical.ts';
import { OrdinalHyperparameter } from './hyperparameters/ordinal.ts';
import { ConstantHyperparameter } from './hyperparameters/constant.ts';
import { badSpace } from './errors.ts';

export const SPACE_FORMAT = 'automl-ts/space';
export const SPACE_FORMAT_VERSION = 1;

export function spaceToJSON(space: ConfigurationSpace): JsonObject {
  return {
    format: SPACE_FORMAT,
    version: SPACE_FORMAT_VERSION,
    hyperparameters: space.hyperparameters.map((hp) => hp.toJSON()),
    conditions: space.conditions.map(conditionToJSON),
    forbiddens: space.forbiddens.map(forbiddenToJSON),
  };
}

/** Indented text of `spaceToJSON`, ending in a newline, as written to pipelines/*.json. */
export function spaceToJSONText(space: ConfigurationSpace): string {
  return `${JSON.stringify(spaceToJSON(space), null, 2)}\n`;
}

/** Reads a space from parsed JSON or from JSON text; BAD_SPACE naming the entry at fault. */
export function spaceFromJSON(json: unknown): ConfigurationSpace {
  const root = Entry.of(typeof json === 'string' ? parseText(json) : json, 'space');
  root.only(['format', 'version', 'hyperparameters', 'conditions', 'forbiddens']);
  if (root.string('format') !== SPACE_FORMAT) throw badSpace(`space: format must be "${SPACE_FORMAT}"`);
  const version = root.number('version');
  if (version !== SPACE_FORMAT_VERSION) throw badSpace(`space: unsupported version ${version}`);
  const space = new ConfigurationSpace();
  root.array('hyperparameters').forEach((item, i) => {
    const where = `hyperparameters[${i}]`;
    space.addHyperparameter(withWhere(where, () => hyperparameterFromJSON(Entry.of(item, where))));
  });
  root.array('conditions').forEach((item, i) => {
    const where = `conditions[${i}]`;
    withWhere(where, () => space.addCondition(conditionFromJSON(item, where)));
  });
  root.array('forbiddens').forEach((item, i) => {
    const where = `forbiddens[${i}]`;
    withWhere(where, () => space.addForbidden(forbiddenFromJSON(item, where)));
  });
  return space;
}

/** First 16 hex digits of the SHA-256 of the compact canonical JSON: a short stable identity. */
export function spaceHash(space: ConfigurationSpace): string {
  return createHash('sha256').update(JSON.stringify(spaceToJSON(space))).digest('hex').slice(0, 16);
}

function hyperparameterFromJSON(entry: Entry): Hyperparameter {
  const type = entry.string('type');
  switch (type) {
    case 'float':
    case 'integer': {
      entry.only(['type', 'name', 'lower', 'upper', 'log', 'default']);
      const options = { log: entry.boolean('log'), default: entry.number('default') };
      const make = type === 'float' ? FloatHyperparameter : IntegerHyperparameter;
      return new make(entry.string('name'), entry.number('lower'), entry.number('upper'), options);
    }
    case 'categorical': {
      entry.only(['type', 'name', 'choices', 'default', 'weights']);
      const name = entry.string('name');
      const choices = entry.values('choices');
      const fallback = entry.value('default');
      return entry.has('weights')
        ? new CategoricalHyperparameter(name, choices, { default: fallback, weights: entry.numbers('weights') })
        : new CategoricalHyperparameter(name, choices, { default: fallback });
    }
    case 'ordinal':
      entry.only(['type', 'name', 'sequence', 'default']);
      return new OrdinalHyperparameter(entry.string('name'), entry.values('sequence'), { default: entry.value('default') });
    case 'constant':
      entry.only(['type', 'name', 'value']);
      return new ConstantHyperparameter(entry.string('name'), entry.value('value'));
    default:
      throw badSpace(`${entry.where}: unknown hyperparameter type "${type}"`);
  }
}

/** Prefixes BAD_SPACE messages from deeper checks with the entry they came from. */
function withWhere<T>(where: string, make: () => T): T {
  try {
    return make();
  } catch (error) {
    if (error instanceof AutoMLError && error.code === 'BAD_SPACE' && !error.message.startsWith(where)) {
      throw badSpace(`${where}: ${error.message}`, error);
    }
    throw error;
  }
}

function parseText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw badSpace(`space: not valid JSON (${error instanceof Error ? error.message : String(error)})`, error);
  }
}
