/** Helpers on configurations that need no space. */
import type { Configuration } from './types.ts';

/**
 * A stable identity string for deduplication: entries sorted by name, JSON-encoded, so that key
 * order does not matter and "1", 1 and true stay distinct.
 */
export function configurationKey(config: Configuration): string {
  const names = Object.keys(config).sort();
  const entries = names.map((name) => [name, config[name]!]);
  return JSON.stringify(entries);
}
