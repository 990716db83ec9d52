/** JSON of conditions and forbidden clauses (type-tagged, fixed key order); see json.ts. */
import type { JsonObject } from '../util/json.ts';
import type { Condition } from './conditions.ts';
import type { Forbidden } from './forbidden.ts';
import {
  AndConjunction, EqualsCondition, GreaterThanCondition, InCondition, LessThanCondition, NotEqualsCondition, OrConjunction,
} from './conditions.ts';
import { ForbiddenAnd, ForbiddenEquals, ForbiddenIn } from './forbidden.ts';
import { Entry } from './json-fields.ts';
import { badSpace } from './errors.ts';

export function conditionToJSON(condition: Condition): JsonObject {
  switch (condition.type) {
    case 'and':
    case 'or':
      return { type: condition.type, conditions: condition.conditions.map(conditionToJSON) };
    case 'in':
      return { type: 'in', child: condition.child, parent: condition.parent, values: [...condition.values] };
    default:
      return { type: condition.type, child: condition.child, parent: condition.parent, value: condition.value };
  }
}

export function conditionFromJSON(json: unknown, where: string): Condition {
  const entry = Entry.of(json, where);
  const type = entry.string('type');
  switch (type) {
    case 'and':
    case 'or': {
      entry.only(['type', 'conditions']);
      const parts = entry.array('conditions').map((item, i) => conditionFromJSON(item, `${where}.conditions[${i}]`));
      return type === 'and' ? new AndConjunction(...parts) : new OrConjunction(...parts);
    }
    case 'in':
      entry.only(['type', 'child', 'parent', 'values']);
      return new InCondition(entry.string('child'), entry.string('parent'), entry.values('values'));
    case 'equals':
    case 'not_equals':
    case 'less_than':
    case 'greater_than': {
      entry.only(['type', 'child', 'parent', 'value']);
      const make = { equals: EqualsCondition, not_equals: NotEqualsCondition, less_than: LessThanCondition, greater_than: GreaterThanCondition }[type];
      return new make(entry.string('child'), entry.string('parent'), entry.value('value'));
    }
    default:
      throw badSpace(`${where}: unknown condition type "${type}"`);
  }
}

export function forbiddenToJSON(clause: Forbidden): JsonObject {
  switch (clause.type) {
    case 'and': return { type: 'and', clauses: clause.clauses.map(forbiddenToJSON) };
    case 'in': return { type: 'in', name: clause.name, values: [...clause.values] };
    case 'equals': return { type: 'equals', name: clause.name, value: clause.value };
  }
}

export function forbiddenFromJSON(json: unknown, where: string): Forbidden {
  const entry = Entry.of(json, where);
  const type = entry.string('type');
  switch (type) {
    case 'and':
      entry.only(['type', 'clauses']);
      return new ForbiddenAnd(...entry.array('clauses').map((item, i) => forbiddenFromJSON(item, `${where}.clauses[${i}]`)));
    case 'in':
      entry.only(['type', 'name', 'values']);
      return new ForbiddenIn(entry.string('name'), entry.values('values'));
    case 'equals':
      entry.only(['type', 'name', 'value']);
      return new ForbiddenEquals(entry.string('name'), entry.value('value'));
    default:
      throw badSpace(`${where}: unknown forbidden clause type "${type}"`);
  }
}
