/**
 * Engines some models need initialised asynchronously in the thread that trains them, before
 * the (synchronous) fit: the tensor backend for neural networks, and the wasm XGBoost module
 * when the native library is not used. Both are prepared lazily, the first time a configuration
 * picks such a model, so threads that never train one never load them.
 */
import type { Configuration } from '../space/index.ts';
import { algorithmOf } from '../components/registry.ts';
import { currentBackend, selectBackend, type BackendPreference } from '../components/backend/index.ts';
import { prepareXgboost } from '../components/models/xgboost/index.ts';

/**
 * The tensor backend networks train on in this thread: `auto` or one forced by name (the fit
 * option `backend`, forwarded to every worker). Set once per thread before trials run.
 */
let preference: BackendPreference = 'auto';

/** Whether a network was prepared for since the preference was last set (i.e. in this run). */
let networkPrepared = false;

/** Sets the preference for the run about to start in this thread. */
export function setBackendPreference(value: BackendPreference): void {
  preference = value;
  networkPrepared = false;
}

export function backendPreference(): BackendPreference {
  return preference;
}

export async function prepareBackendFor(config: Configuration): Promise<void> {
  const algorithm = algorithmOf(config);
  if (algorithm === 'mlp') {
    networkPrepared = true;
    const current = currentBackend();
    // A forced backend replaces whatever an earlier run in this thread selected.
    if (current === undefined || (preference !== 'auto' && current.name !== preference)) await selectBackend(preference);
  }
  if (algorithm === 'xgboost') await prepareXgboost();
}

/**
 * Name of the backend this thread trains networks with, or "none" when no network was prepared
 * in this run (a backend forced by name is selected up front, network or not).
 */
export function backendInUse(): string {
  return networkPrepared ? (currentBackend()?.name ?? 'none') : 'none';
}
