/**
 * Which engine trains an XGBoost model. `auto` prefers the native library (about ten times
 * faster) and falls back to wasm when it cannot be loaded; a model's `engine` parameter or the
 * AUTOML_XGBOOST_ENGINE environment variable (auto | native | wasm, read by every worker thread)
 * forces one, and a forced engine that is unavailable is an error rather than a silent swap.
 *
 * The native library is probed once per thread and the outcome (engine or reason) is kept. The
 * wasm module initialises asynchronously: `prepareXgboost` loads it before a fit needs it.
 */
import { AutoMLError, errorMessage } from '../../../util/errors.ts';
import type { XgboostEngine } from './engine.ts';
import { defaultNativeLoader, nativeEngine, type NativeLoader } from './native-engine.ts';
import { isXgboostEnginePreference, type XgboostEngineName, type XgboostEnginePreference } from './params.ts';
import { loadWasmEngine, readyWasmEngine } from './wasm-engine.ts';

export const XGBOOST_ENGINE_ENV = 'AUTOML_XGBOOST_ENGINE';

let nativeLoader: NativeLoader = defaultNativeLoader;
let nativeProbe: { engine: XgboostEngine } | { reason: string } | undefined;

/** Replaces how the native library is loaded (tests simulate a machine without it) and forgets the last probe. */
export function setNativeLoader(loader: NativeLoader = defaultNativeLoader): void {
  nativeLoader = loader;
  nativeProbe = undefined;
}

function probeNative(): { engine: XgboostEngine } | { reason: string } {
  if (nativeProbe === undefined) {
    try {
      nativeProbe = { engine: nativeEngine(nativeLoader.load()) };
    } catch (error) {
      nativeProbe = { reason: errorMessage(error) };
    }
  }
  return nativeProbe;
}

/** The engine preference in force: a model's own choice, else the environment's, else auto. */
export function effectivePreference(own: XgboostEnginePreference = 'auto'): XgboostEnginePreference {
  if (own !== 'auto') return own;
  const fromEnv = process.env[XGBOOST_ENGINE_ENV];
  if (fromEnv === undefined || fromEnv === '') return 'auto';
  if (!isXgboostEnginePreference(fromEnv)) {
    throw new AutoMLError('BAD_OPTION', `${XGBOOST_ENGINE_ENV}="${fromEnv}" is not an XGBoost engine`, { hint: 'use auto, native or wasm' });
  }
  return fromEnv;
}

const NATIVE_HINT = 'install the system library (Debian/Ubuntu: apt-get install libxgboost0), or use the wasm engine';

/** Loads whatever the preference needs asynchronously (the wasm module), so a later fit can run synchronously. */
export async function prepareXgboost(own: XgboostEnginePreference = 'auto'): Promise<void> {
  const preference = effectivePreference(own);
  if (preference === 'native') return;
  if (preference === 'auto' && 'engine' in probeNative()) return;
  await loadWasmEngine();
}

/** The engine a fit uses now; synchronous, so the wasm engine must have been prepared. */
export function resolveXgboostEngine(own: XgboostEnginePreference = 'auto'): XgboostEngine {
  const preference = effectivePreference(own);
  if (preference !== 'wasm') {
    const probe = probeNative();
    if ('engine' in probe) return probe.engine;
    if (preference === 'native') {
      throw new AutoMLError('BAD_OPTION', `the native XGBoost engine is not available: ${probe.reason}`, { hint: NATIVE_HINT });
    }
  }
  const wasm = readyWasmEngine();
  if (wasm === undefined) {
    throw new AutoMLError('INTERNAL', 'the wasm XGBoost engine was not initialised before fitting', {
      hint: 'await prepareXgboost() before fitting an XGBoost model synchronously',
    });
  }
  return wasm;
}

export interface EngineStatus {
  readonly name: XgboostEngineName;
  readonly available: boolean;
  /** Version when available, the reason when not. */
  readonly detail: string;
}

/** Both engines' availability, for `automl info`. Loads the wasm module. */
export async function xgboostEngineStatus(): Promise<{ engines: EngineStatus[]; auto: XgboostEngineName | 'none' }> {
  const probe = probeNative();
  const native: EngineStatus = 'engine' in probe ? { name: 'native', available: true, detail: `libxgboost ${probe.engine.version}` } : { name: 'native', available: false, detail: probe.reason };
  let wasm: EngineStatus;
  try {
    const engine = await loadWasmEngine();
    wasm = { name: 'wasm', available: true, detail: engine.version };
  } catch (error) {
    wasm = { name: 'wasm', available: false, detail: errorMessage(error) };
  }
  const auto = native.available ? 'native' : wasm.available ? 'wasm' : 'none';
  return { engines: [native, wasm], auto };
}
