/**
 * Which tensor backends this machine can run, each with the reason it can or cannot, for
 * `automl info`. Every candidate is activated in turn (the last one tried stays current), so this
 * is for reporting, not for choosing the backend networks train on (see select.ts).
 */
import { errorMessage } from '../../util/errors.ts';
import { BackendUnavailable, CANDIDATES } from './candidates.ts';
import { defaultModuleLoader, type ModuleLoader } from './module-loader.ts';
import { BACKEND_NAMES, type BackendName } from './types.ts';

export interface BackendAvailability {
  readonly name: BackendName;
  readonly packageName: string;
  readonly available: boolean;
  /** Detail when available (e.g. SIMD, GPU use), the reason when not. */
  readonly detail: string;
  /** How to make it available, when it is not. */
  readonly installHint: string | null;
}

export async function probeBackends(loader: ModuleLoader = defaultModuleLoader): Promise<{ backends: BackendAvailability[]; auto: BackendName | 'none' }> {
  const backends: BackendAvailability[] = [];
  for (const name of BACKEND_NAMES) {
    const candidate = CANDIDATES[name];
    try {
      const { detail } = await candidate.activate(loader);
      backends.push({ name, packageName: candidate.packageName, available: true, detail, installHint: null });
    } catch (error) {
      const reason = error instanceof BackendUnavailable ? error.message : `unexpected failure: ${errorMessage(error)}`;
      backends.push({ name, packageName: candidate.packageName, available: false, detail: reason, installHint: candidate.installHint });
    }
  }
  // BACKEND_NAMES is the order `auto` tries them in.
  const auto = backends.find((b) => b.available)?.name ?? 'none';
  return { backends, auto };
}
