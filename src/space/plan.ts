/**
 * The compiled form of a space, built once per change: hyperparameters in dimension order,
 * one activity predicate per dimension and the forbidden predicates. Sampling, validation,
 * neighbours and the codec all run on it with plain arrays of slots — no maps in hot loops.
 */
import type { Hyperparameter } from './hyperparameters/hyperparameter.ts';
import type { Condition } from './conditions.ts';
import type { Forbidden } from './forbidden.ts';
import type { Configuration, SlotTest, Value, ValueSlots } from './types.ts';
import type { Resolver } from './resolve.ts';
import { combineAll, compileCondition, conditionKey, conditionParents } from './conditions.ts';
import { compileForbidden, forbiddenNames } from './forbidden.ts';
import { topologicalOrder } from './topological-order.ts';
import { badSpace } from './errors.ts';

export interface SpacePlan {
  readonly size: number;
  /** Hyperparameters in dimension (topological) order. */
  readonly hyperparameters: readonly Hyperparameter[];
  readonly names: readonly string[];
  readonly indexOf: ReadonlyMap<string, number>;
  /**
   * Whether each dimension is active given the earlier slots; null when unconditional. Dimensions
   * with identical conditions hold the same function object.
   */
  readonly activity: readonly (SlotTest | null)[];
  readonly forbidden: readonly SlotTest[];
  /**
   * 1 for a dimension whose value can change another's activity (a condition parent) or decide
   * a forbidden clause: changing any other dimension of a valid configuration leaves it valid
   * with the same active set, which lets neighbours skip re-settling and re-checking.
   */
  readonly structural: Uint8Array;
}

export function buildPlan(
  inserted: readonly Hyperparameter[],
  conditions: readonly Condition[],
  forbiddens: readonly Forbidden[],
): SpacePlan {
  const insertionIndex = new Map(inserted.map((hp, i) => [hp.name, i]));
  const parents: number[][] = inserted.map(() => []);
  for (const condition of conditions) {
    const child = insertionIndex.get(condition.child)!;
    for (const parent of conditionParents(condition)) parents[child]!.push(insertionIndex.get(parent)!);
  }
  const order = topologicalOrder(parents, inserted.map((hp) => hp.name));
  const hyperparameters = order.map((i) => inserted[i]!);
  const names = hyperparameters.map((hp) => hp.name);
  const indexOf = new Map(names.map((name, i) => [name, i]));
  const resolve = resolverOver(hyperparameters, indexOf);

  const conditionsByChild: Condition[][] = hyperparameters.map(() => []);
  for (const condition of conditions) conditionsByChild[indexOf.get(condition.child)!]!.push(condition);
  // Children with the same conditions share one predicate object, so that a loop over dimensions
  // can reuse the previous dimension's answer (siblings under one choice value are adjacent).
  const shared = new Map<string, SlotTest>();
  const activity = conditionsByChild.map((list) => {
    if (list.length === 0) return null;
    const key = list.map(conditionKey).sort().join('&');
    let test = shared.get(key);
    if (test === undefined) {
      test = combineAll(list.map((condition) => compileCondition(condition, resolve)));
      shared.set(key, test);
    }
    return test;
  });
  const forbidden = forbiddens.map((clause) => compileForbidden(clause, resolve));
  const structural = new Uint8Array(names.length);
  for (const condition of conditions) for (const parent of conditionParents(condition)) structural[indexOf.get(parent)!] = 1;
  for (const clause of forbiddens) for (const name of forbiddenNames(clause)) structural[indexOf.get(name)!] = 1;
  return { size: names.length, hyperparameters, names, indexOf, activity, forbidden, structural };
}

function resolverOver(hyperparameters: readonly Hyperparameter[], indexOf: ReadonlyMap<string, number>): Resolver {
  return (name, where) => {
    const index = indexOf.get(name);
    if (index === undefined) throw badSpace(`${where}: unknown hyperparameter "${name}"`);
    return { index, hp: hyperparameters[index]! };
  };
}

export function isActive(plan: SpacePlan, slots: ValueSlots, index: number): boolean {
  const test = plan.activity[index];
  return test === null || test(slots);
}

export function isForbiddenSlots(plan: SpacePlan, slots: ValueSlots): boolean {
  const clauses = plan.forbidden;
  for (let i = 0; i < clauses.length; i++) if (clauses[i]!(slots)) return true;
  return false;
}

/**
 * Re-decides activity of dimensions `from` onwards after an earlier slot changed: a dimension that
 * turns active without a value gets its default, one that turns inactive loses its value.
 */
export function settleFrom(plan: SpacePlan, slots: ValueSlots, from: number): void {
  for (let j = from; j < plan.size; j++) {
    if (isActive(plan, slots, j)) {
      if (slots[j] === undefined) slots[j] = plan.hyperparameters[j]!.default;
    } else {
      slots[j] = undefined;
    }
  }
}

export function slotsToConfiguration(plan: SpacePlan, slots: ValueSlots): Configuration {
  const names = plan.names;
  const config: Record<string, Value> = {};
  for (let j = 0; j < slots.length; j++) {
    const value = slots[j];
    if (value !== undefined) config[names[j]!] = value;
  }
  return config;
}
