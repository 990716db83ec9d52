/**
 * Dimension order of a space: parents before children, otherwise insertion order (the smallest
 * insertion index among the ready hyperparameters comes next), so the order is stable.
 */
import { badSpace } from './errors.ts';

/**
 * @param parents for each hyperparameter (by insertion index), the insertion indices of its parents
 * @returns insertion indices in dimension order; BAD_SPACE when the conditions form a cycle
 */
export function topologicalOrder(parents: readonly (readonly number[])[], names: readonly string[]): number[] {
  const n = parents.length;
  const pending = new Int32Array(n);
  const children: number[][] = Array.from({ length: n }, () => []);
  for (let child = 0; child < n; child++) {
    const unique = new Set(parents[child]);
    pending[child] = unique.size;
    for (const parent of unique) children[parent]!.push(child);
  }
  const ready: number[] = [];
  for (let i = n - 1; i >= 0; i--) if (pending[i] === 0) ready.push(i);
  const order: number[] = [];
  while (ready.length > 0) {
    // `ready` is kept sorted descending, so the smallest insertion index pops off the end.
    const next = ready.pop()!;
    order.push(next);
    for (const child of children[next]!) {
      pending[child]!--;
      if (pending[child] === 0) insertDescending(ready, child);
    }
  }
  if (order.length < n) {
    const stuck = names.filter((_, i) => pending[i]! > 0);
    throw badSpace(`conditions form a cycle among ${stuck.map((name) => `"${name}"`).join(', ')}`);
  }
  return order;
}

function insertDescending(list: number[], value: number): void {
  let at = list.length;
  while (at > 0 && list[at - 1]! < value) at--;
  list.splice(at, 0, value);
}

/** Whether `target` is `from` itself or an ancestor of it, so that making `target` a child of `from` would close a cycle. */
export function reachesThroughParents(parentsByChild: ReadonlyMap<string, ReadonlySet<string>>, from: string, target: string): boolean {
  const stack = [from];
  const seen = new Set<string>();
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current === target) return true;
    if (seen.has(current)) continue;
    seen.add(current);
    for (const parent of parentsByChild.get(current) ?? []) stack.push(parent);
  }
  return false;
}
