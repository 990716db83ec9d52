/**
 * Load-time bound on the numbers in a model file's fitted states.
 *
 * A model's arithmetic multiplies and sums its numbers with the input's (w·x, squared distances,
 * variances). A number near the double limit (1.79e308) overflows to Infinity on the first such
 * product and the prediction turns to NaN. No fit produces numbers that large, so one in a file is
 * damage or tampering and is refused when the file is loaded, whatever component holds it. The
 * bound leaves room for one product of two bounded numbers (1e150 · 1e150 = 1e300) to stay finite.
 *
 * Non-finite values are written as the strings "Infinity"/"-Infinity"/"NaN" where a component
 * uses them on purpose (util/json.ts); those are left to the component's own loader.
 */
import { AutoMLError } from '../util/errors.ts';

export const MAX_STATE_MAGNITUDE = 1e150;

/** Throws BAD_MODEL_FILE naming the first number in `state` outside ±MAX_STATE_MAGNITUDE. */
export function checkStateMagnitudes(state: unknown, where: string): void {
  const path: (string | number)[] = [];
  const offending = findOversized(state, path);
  if (offending === undefined) return;
  const location = path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${key}`)).join('');
  throw new AutoMLError('BAD_MODEL_FILE', `${where}: saved number ${location.replace(/^\./, '')} = ${offending} is beyond ±${MAX_STATE_MAGNITUDE}, which no fit produces`, {
    hint: 'the model file is damaged or was edited; refit it with `automl fit`',
  });
}

/** The first oversized number, with `path` left holding its location; undefined when none. */
function findOversized(value: unknown, path: (string | number)[]): number | undefined {
  if (typeof value === 'number') return Math.abs(value) <= MAX_STATE_MAGNITUDE ? undefined : value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      // Plain numbers are checked inline: fitted states are mostly long arrays of them.
      if (typeof item === 'number') {
        if (Math.abs(item) <= MAX_STATE_MAGNITUDE) continue;
        path.push(i);
        return item;
      }
      if (item === null || typeof item !== 'object') continue;
      path.push(i);
      const found = findOversized(item, path);
      if (found !== undefined) return found;
      path.pop();
    }
    return undefined;
  }
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, item] of Object.entries(value)) {
    path.push(key);
    const found = findOversized(item, path);
    if (found !== undefined) return found;
    path.pop();
  }
  return undefined;
}
