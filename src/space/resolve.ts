/** How conditions and forbidden clauses find the hyperparameters they name. */
import type { Hyperparameter } from './hyperparameters/hyperparameter.ts';
import type { Value } from './types.ts';
import { badSpace, showValue } from './errors.ts';

/** A named hyperparameter and its dimension (slot index) in the space being compiled. */
export interface Resolved {
  readonly index: number;
  readonly hp: Hyperparameter;
}

/** Looks a name up; throws BAD_SPACE when it is unknown. */
export type Resolver = (name: string, where: string) => Resolved;

export function checkLegal(resolved: Resolved, value: Value, where: string): void {
  if (!resolved.hp.isLegal(value)) {
    throw badSpace(`${where}: ${showValue(value)} is not a legal value of "${resolved.hp.name}"`);
  }
}

export function checkValueList(values: readonly Value[], where: string): void {
  if (!Array.isArray(values) || values.length === 0) throw badSpace(`${where}: needs a non-empty list of values`);
}
