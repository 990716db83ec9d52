/**
 * Forbidden clauses: combinations of values a configuration must not have. A configuration is
 * forbidden when any clause matches; a clause on an inactive hyperparameter never matches, so a
 * conjunction matches only when all of its hyperparameters are active with the named values.
 */
import type { SlotTest, Value } from './types.ts';
import type { Resolver } from './resolve.ts';
import { checkLegal, checkValueList } from './resolve.ts';
import { badSpace } from './errors.ts';

export class ForbiddenEquals {
  readonly type = 'equals';
  constructor(readonly name: string, readonly value: Value) {}
}

export class ForbiddenIn {
  readonly type = 'in';
  readonly values: readonly Value[];
  constructor(readonly name: string, values: readonly Value[]) {
    checkValueList(values, `forbidden clause on "${name}"`);
    this.values = Object.freeze([...values]);
  }
}

export class ForbiddenAnd {
  readonly type = 'and';
  readonly clauses: readonly Forbidden[];
  constructor(...clauses: Forbidden[]) {
    if (clauses.length === 0) throw badSpace('ForbiddenAnd needs at least one clause');
    this.clauses = Object.freeze([...clauses]);
  }
}

export type Forbidden = ForbiddenEquals | ForbiddenIn | ForbiddenAnd;

/** Every hyperparameter name a clause refers to. */
export function forbiddenNames(clause: Forbidden): string[] {
  return clause.type === 'and' ? clause.clauses.flatMap(forbiddenNames) : [clause.name];
}

export function renameForbidden(clause: Forbidden, rename: (name: string) => string): Forbidden {
  switch (clause.type) {
    case 'equals': return new ForbiddenEquals(rename(clause.name), clause.value);
    case 'in': return new ForbiddenIn(rename(clause.name), clause.values);
    case 'and': return new ForbiddenAnd(...clause.clauses.map((c) => renameForbidden(c, rename)));
  }
}

/** A predicate telling whether the clause matches; validates names and values (BAD_SPACE). */
export function compileForbidden(clause: Forbidden, resolve: Resolver): SlotTest {
  if (clause.type === 'and') {
    const tests = clause.clauses.map((c) => compileForbidden(c, resolve));
    return (slots) => {
      for (const test of tests) if (!test(slots)) return false;
      return true;
    };
  }
  const where = `forbidden clause on "${clause.name}"`;
  const target = resolve(clause.name, where);
  const i = target.index;
  if (clause.type === 'equals') {
    checkLegal(target, clause.value, where);
    const value = clause.value;
    return (slots) => slots[i] === value;
  }
  for (const value of clause.values) checkLegal(target, value, where);
  const values = new Set(clause.values);
  return (slots) => {
    const v = slots[i];
    return v !== undefined && values.has(v);
  };
}
