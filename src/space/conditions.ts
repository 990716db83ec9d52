/**
 * Conditions: when a child hyperparameter is active.
 *
 * A child is active when every condition on it holds (several conditions on one child are a
 * conjunction) and, for each atomic condition, its parent is active: a condition whose parent is
 * inactive never holds, so inactivity propagates down the tree. In an OrConjunction the
 * alternative that holds brings its own active parent; the other alternatives may be inactive.
 *
 * Conditions name hyperparameters by string; a space compiles them into slot predicates once
 * (see plan.ts), comparing values exactly (`===`, numeric order, or sequence order for ordinals).
 */
import type { SlotTest, Value } from './types.ts';
import type { Resolver } from './resolve.ts';
import { checkLegal, checkValueList } from './resolve.ts';
import { badSpace } from './errors.ts';

export class EqualsCondition {
  readonly type = 'equals';
  constructor(readonly child: string, readonly parent: string, readonly value: Value) {}
}

export class NotEqualsCondition {
  readonly type = 'not_equals';
  constructor(readonly child: string, readonly parent: string, readonly value: Value) {}
}

export class InCondition {
  readonly type = 'in';
  readonly values: readonly Value[];
  constructor(readonly child: string, readonly parent: string, values: readonly Value[]) {
    checkValueList(values, `condition on "${child}"`);
    this.values = Object.freeze([...values]);
  }
}

/** Parent strictly less than the value; the parent must be float, integer or ordinal. */
export class LessThanCondition {
  readonly type = 'less_than';
  constructor(readonly child: string, readonly parent: string, readonly value: Value) {}
}

/** Parent strictly greater than the value; the parent must be float, integer or ordinal. */
export class GreaterThanCondition {
  readonly type = 'greater_than';
  constructor(readonly child: string, readonly parent: string, readonly value: Value) {}
}

export type AtomicCondition = EqualsCondition | NotEqualsCondition | InCondition | LessThanCondition | GreaterThanCondition;

export class AndConjunction {
  readonly type = 'and';
  readonly child: string;
  readonly conditions: readonly Condition[];
  constructor(...conditions: Condition[]) {
    this.child = commonChild('AndConjunction', conditions);
    this.conditions = Object.freeze([...conditions]);
  }
}

export class OrConjunction {
  readonly type = 'or';
  readonly child: string;
  readonly conditions: readonly Condition[];
  constructor(...conditions: Condition[]) {
    this.child = commonChild('OrConjunction', conditions);
    this.conditions = Object.freeze([...conditions]);
  }
}

export type Condition = AtomicCondition | AndConjunction | OrConjunction;

function commonChild(kind: string, conditions: readonly Condition[]): string {
  const first = conditions[0];
  if (first === undefined) throw badSpace(`${kind} needs at least one condition`);
  for (const condition of conditions) {
    if (condition.child !== first.child) {
      throw badSpace(`${kind} mixes children "${first.child}" and "${condition.child}"; all must share one child`);
    }
  }
  return first.child;
}

/** Every parent name a condition refers to (with repeats for repeated parents). */
export function conditionParents(condition: Condition): string[] {
  if (condition.type === 'and' || condition.type === 'or') return condition.conditions.flatMap(conditionParents);
  return [condition.parent];
}

/**
 * What a condition tests, without its child: conditions with equal keys hold together, which
 * lets a space share one predicate among the children of one parent value (see plan.ts).
 */
export function conditionKey(condition: Condition): string {
  switch (condition.type) {
    case 'and':
    case 'or':
      return `${condition.type}(${condition.conditions.map(conditionKey).join(',')})`;
    case 'in':
      return `in(${JSON.stringify(condition.parent)},${JSON.stringify(condition.values)})`;
    default:
      return `${condition.type}(${JSON.stringify(condition.parent)},${JSON.stringify(condition.value)})`;
  }
}

/** The same condition with every hyperparameter name passed through `rename`. */
export function renameCondition(condition: Condition, rename: (name: string) => string): Condition {
  switch (condition.type) {
    case 'equals': return new EqualsCondition(rename(condition.child), rename(condition.parent), condition.value);
    case 'not_equals': return new NotEqualsCondition(rename(condition.child), rename(condition.parent), condition.value);
    case 'in': return new InCondition(rename(condition.child), rename(condition.parent), condition.values);
    case 'less_than': return new LessThanCondition(rename(condition.child), rename(condition.parent), condition.value);
    case 'greater_than': return new GreaterThanCondition(rename(condition.child), rename(condition.parent), condition.value);
    case 'and': return new AndConjunction(...condition.conditions.map((c) => renameCondition(c, rename)));
    case 'or': return new OrConjunction(...condition.conditions.map((c) => renameCondition(c, rename)));
  }
}

/**
 * A predicate over slots telling whether the condition holds; checks names, values and kinds
 * (BAD_SPACE), so it also validates a condition before it enters a space.
 */
export function compileCondition(condition: Condition, resolve: Resolver): SlotTest {
  const where = `condition on "${condition.child}"`;
  resolve(condition.child, where);
  if (condition.type === 'and' || condition.type === 'or') {
    const tests = condition.conditions.map((c) => compileCondition(c, resolve));
    return condition.type === 'and' ? allOf(tests) : anyOf(tests);
  }
  if (condition.parent === condition.child) throw badSpace(`${where}: a hyperparameter cannot be its own parent`);
  const parent = resolve(condition.parent, where);
  const p = parent.index;
  switch (condition.type) {
    case 'equals': {
      checkLegal(parent, condition.value, where);
      const value = condition.value;
      return (slots) => slots[p] === value;
    }
    case 'not_equals': {
      checkLegal(parent, condition.value, where);
      const value = condition.value;
      return (slots) => slots[p] !== undefined && slots[p] !== value;
    }
    case 'in': {
      for (const value of condition.values) checkLegal(parent, value, where);
      const values = new Set(condition.values);
      return (slots) => {
        const v = slots[p];
        return v !== undefined && values.has(v);
      };
    }
    case 'less_than':
    case 'greater_than': {
      if (!parent.hp.ordered) throw badSpace(`${where}: "${parent.hp.name}" is ${parent.hp.kind} and has no order to compare`);
      checkLegal(parent, condition.value, where);
      const hp = parent.hp;
      const bound = hp.rank(condition.value);
      if (condition.type === 'less_than') {
        return (slots) => {
          const v = slots[p];
          return v !== undefined && hp.rank(v) < bound;
        };
      }
      return (slots) => {
        const v = slots[p];
        return v !== undefined && hp.rank(v) > bound;
      };
    }
  }
}

function allOf(tests: readonly SlotTest[]): SlotTest {
  return (slots) => {
    for (const test of tests) if (!test(slots)) return false;
    return true;
  };
}

function anyOf(tests: readonly SlotTest[]): SlotTest {
  return (slots) => {
    for (const test of tests) if (test(slots)) return true;
    return false;
  };
}

/** Several conditions on one child form a conjunction. */
export function combineAll(tests: readonly SlotTest[]): SlotTest {
  return tests.length === 1 ? tests[0]! : allOf(tests);
}
