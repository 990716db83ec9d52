/**
 * Choosing the tensor backend for MLP training. Nothing from tfjs is imported until a backend is
 * selected (or an MLP is fitted), so the rest of the project, and predicting with a saved MLP,
 * never load it.
 *
 * `auto` tries the native bindings first (GPU, then CPU), then the portable backends in the order
 * measured fastest for MLP training (see PORTABLE_ORDER). A backend asked for by name must be
 * available: otherwise BAD_OPTION, naming the package to install.
 */
import { AutoMLError } from '../../util/errors.ts';
import { BackendUnavailable, CANDIDATES } from './candidates.ts';
import { defaultModuleLoader, requireSync, type ModuleLoader } from './module-loader.ts';
import { asTfCore, GRADIENTS_PACKAGE, hasBackendFactory, hasGradients, quietTf } from './tf-module.ts';
import type { BackendInfo, BackendName, BackendPreference, TfCore } from './types.ts';
import { isBackendPreference } from './types.ts';

/**
 * Portable backends, faster first. Measured for MLP training on this project's datasets (CPU time
 * per epoch, batch 200, wasm with SIMD on one thread: Node gives this backend no threads):
 * digits 3×264 relu 180 ms on wasm against 4.1–4.7 s on cpu, digits 2×100 tanh 76 against 520–610
 * ms, breast_cancer 1×32 relu 13 against 36 ms. With batch 32 and 32 units the two come closest
 * (digits 190 against 280–315 ms), as per-op overhead then dominates; wasm never lost.
 */
const PORTABLE_ORDER: readonly BackendName[] = ['wasm', 'cpu'];

const AUTO_ORDER: readonly BackendName[] = ['tensorflow-gpu', 'tensorflow', ...PORTABLE_ORDER];

export interface SelectOptions {
  /** Where backend packages come from; tests inject one to simulate missing native packages. */
  readonly loader?: ModuleLoader;
}

interface Selected {
  readonly info: BackendInfo;
  readonly tf: TfCore;
}

let selected: Selected | undefined;
/** Selections run one at a time: each switches tfjs's single global backend. */
let queue: Promise<unknown> = Promise.resolve();

export function selectBackend(preference: BackendPreference, options: SelectOptions = {}): Promise<BackendInfo> {
  const run = queue.then(() => choose(preference, options.loader ?? defaultModuleLoader));
  queue = run.catch(() => undefined);
  return run;
}

/** The backend MLPs currently train on, or undefined before any selection or MLP fit. */
export function currentBackend(): BackendInfo | undefined {
  return selected?.info;
}

async function choose(preference: BackendPreference, loader: ModuleLoader): Promise<BackendInfo> {
  if (!isBackendPreference(preference)) {
    throw new AutoMLError('BAD_OPTION', `unknown backend "${String(preference)}"`, {
      hint: `choose one of auto, ${AUTO_ORDER.join(', ')}`,
    });
  }
  if (preference !== 'auto') {
    const candidate = CANDIDATES[preference];
    try {
      const { tf, detail } = await candidate.activate(loader);
      return remember(tf, { name: preference, reason: withDetail('requested', detail) });
    } catch (error) {
      if (!(error instanceof BackendUnavailable)) throw error;
      throw new AutoMLError('BAD_OPTION', `backend "${preference}" is not available: ${error.message}`, {
        hint: `install it with: ${candidate.installHint}; or use backend "auto"`,
        cause: error,
      });
    }
  }
  const skipped: string[] = [];
  for (const name of AUTO_ORDER) {
    try {
      const { tf, detail } = await CANDIDATES[name].activate(loader);
      const why = skipped.length === 0 ? 'first choice' : `skipped ${skipped.join('; ')}`;
      return remember(tf, { name, reason: withDetail(`auto: ${why}`, detail) });
    } catch (error) {
      if (!(error instanceof BackendUnavailable)) throw error;
      skipped.push(`${name} (${error.message})`);
    }
  }
  throw new AutoMLError('INTERNAL', `no tensor backend could be loaded: ${skipped.join('; ')}`, {
    hint: `reinstall the project's dependencies: ${CANDIDATES.cpu.installHint}`,
  });
}

function withDetail(reason: string, detail: string): string {
  return detail === '' ? reason : `${reason} (${detail})`;
}

function remember(tf: TfCore, info: BackendInfo): BackendInfo {
  selected = { tf, info };
  return info;
}

/**
 * The tfjs API for a fit, which is synchronous. When no backend was selected beforehand, falls
 * back to the cpu backend loaded synchronously (wasm and the native bindings need an awaited
 * selection); callers wanting those call `await selectBackend('auto')` first.
 */
export function trainingTf(): { readonly tf: TfCore; readonly info: BackendInfo } {
  if (selected !== undefined) return selected;
  let tf: TfCore | undefined;
  try {
    tf = asTfCore(requireSync('@tensorflow/tfjs-core'));
    requireSync(CANDIDATES.cpu.packageName);
    if (tf !== undefined && !hasGradients(tf)) requireSync(GRADIENTS_PACKAGE);
  } catch (error) {
    throw new AutoMLError('INTERNAL', 'cannot load the cpu tensor backend', { hint: CANDIDATES.cpu.installHint, cause: error });
  }
  if (tf === undefined || !hasBackendFactory(tf, 'cpu') || !hasGradients(tf)) {
    throw new AutoMLError('INTERNAL', 'the cpu tensor backend did not register with tfjs-core', { hint: CANDIDATES.cpu.installHint });
  }
  // The cpu backend initialises synchronously, so the switch has happened when this returns.
  void tf.setBackend('cpu');
  if (tf.getBackend() !== 'cpu') throw new AutoMLError('INTERNAL', 'could not switch tfjs to the cpu backend');
  quietTf(tf);
  const fallback: Selected = { tf, info: { name: 'cpu', reason: 'no backend selected before the first MLP fit: cpu loaded synchronously' } };
  selected = fallback;
  return fallback;
}
