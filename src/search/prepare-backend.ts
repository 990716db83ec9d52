/**
 * Neural-network trials need a tensor backend chosen in the thread that trains them. It is chosen
 * lazily, the first time a configuration picks the MLP, so threads that never train one never
 * load tfjs.
 */
import type { Configuration } from '../space/index.ts';
import { algorithmOf } from '../components/registry.ts';
import { currentBackend, selectBackend } from '../components/backend/index.ts';

export async function prepareBackendFor(config: Configuration): Promise<void> {
  if (algorithmOf(config) === 'mlp' && currentBackend() === undefined) await selectBackend('auto');
}

/** Name of the backend this thread trains networks with, or "none" when no network was trained. */
export function backendInUse(): string {
  return currentBackend()?.name ?? 'none';
}
