/**
 * One activation routine per backend. Each either returns the tfjs API with that backend made
 * current, or throws BackendUnavailable with a one-line reason that selection reports.
 */
import { join, sep } from 'node:path';
import { errorMessage } from '../../util/errors.ts';
import type { ModuleLoader } from './module-loader.ts';
import { asTfCore, GRADIENTS_PACKAGE, hasBackendFactory, hasGradients, quietTf } from './tf-module.ts';
import type { BackendName, TfCore } from './types.ts';

export class BackendUnavailable extends Error {
  override readonly name = 'BackendUnavailable';
}

export interface ActivatedBackend {
  readonly tf: TfCore;
  /** Extra detail for the selection reason, e.g. whether a GPU device is in use. */
  readonly detail: string;
}

export interface BackendCandidate {
  readonly name: BackendName;
  /** The package that provides it. */
  readonly packageName: string;
  /** What a user runs to make it available. */
  readonly installHint: string;
  activate(loader: ModuleLoader): Promise<ActivatedBackend>;
}

const CORE = '@tensorflow/tfjs-core';

async function loadTf(loader: ModuleLoader, packageName: string): Promise<TfCore> {
  let loaded: unknown;
  try {
    loaded = await loader.load(packageName);
  } catch (error) {
    throw new BackendUnavailable(`${packageName} failed to load: ${errorMessage(error)}`);
  }
  const tf = asTfCore(loaded);
  if (tf === undefined) throw new BackendUnavailable(`${packageName} does not export the tfjs API`);
  return tf;
}

/** Imports a package for its side effect of registering a backend with tfjs-core. */
async function loadForRegistration(loader: ModuleLoader, packageName: string): Promise<unknown> {
  if (loader.locate(packageName) === undefined) throw new BackendUnavailable(`${packageName} is not installed`);
  try {
    return await loader.load(packageName);
  } catch (error) {
    throw new BackendUnavailable(`${packageName} failed to load: ${errorMessage(error)}`);
  }
}

/** Training needs gradients, which tfjs-core alone does not register. */
async function ensureGradients(loader: ModuleLoader, tf: TfCore): Promise<void> {
  if (hasGradients(tf)) return;
  await loadForRegistration(loader, GRADIENTS_PACKAGE);
  if (!hasGradients(tf)) throw new BackendUnavailable(`${GRADIENTS_PACKAGE} loaded but registered no gradients with tfjs-core`);
}

async function switchTo(tf: TfCore, backendName: string, packageName: string): Promise<void> {
  if (!hasBackendFactory(tf, backendName)) {
    throw new BackendUnavailable(`${packageName} loaded but did not register a '${backendName}' backend with tfjs-core`);
  }
  let switched: boolean;
  try {
    switched = await tf.setBackend(backendName);
    await tf.ready();
  } catch (error) {
    throw new BackendUnavailable(`the '${backendName}' backend failed to initialise: ${errorMessage(error)}`);
  }
  if (!switched || tf.getBackend() !== backendName) {
    throw new BackendUnavailable(`the '${backendName}' backend failed to initialise`);
  }
}

/**
 * The native packages. They are optional dependencies whose install downloads libtensorflow, so
 * they are often missing; and another package's alias can put the pure-JS `@tensorflow/tfjs`
 * under the same folder name. Importing that impostor would register browser backends and no
 * native one, so the installed manifest's name is checked before anything is imported, and the
 * 'tensorflow' backend must actually be registered afterwards.
 */
function nativeCandidate(name: BackendName, packageName: string, installHint: string): BackendCandidate {
  return {
    name,
    packageName,
    installHint,
    async activate(loader) {
      const installed = loader.locate(packageName);
      if (installed === undefined) throw new BackendUnavailable(`${packageName} is not installed`);
      if (installed.name !== packageName) {
        throw new BackendUnavailable(`${packageName} resolves to the package "${installed.name}", not the native binding`);
      }
      const tf = await loadTf(loader, packageName);
      await switchTo(tf, 'tensorflow', packageName);
      if (!hasGradients(tf)) throw new BackendUnavailable(`${packageName} registered no gradients`);
      quietTf(tf);
      const backend: unknown = tf.backend();
      const usesGpu = typeof backend === 'object' && backend !== null && 'isUsingGpuDevice' in backend ? backend.isUsingGpuDevice : undefined;
      const detail = usesGpu === true ? 'on a GPU device' : usesGpu === false ? 'no GPU device in use, TensorFlow runs on the CPU' : '';
      return { tf, detail };
    },
  };
}

const WASM_PACKAGE = '@tensorflow/tfjs-backend-wasm';
/** Wasm modules whose binary location has been set; it can only be set before initialisation. */
const configuredWasm = new WeakSet<object>();

/**
 * In Node the wasm backend reads its .wasm binary from disk with fs (platform fetch stays off),
 * so pointing it at the installed package's dist folder works offline. Node exposes no wasm
 * threads to this backend (it disables them itself), and SIMD is detected automatically.
 */
const WASM: BackendCandidate = {
  name: 'wasm',
  packageName: WASM_PACKAGE,
  installHint: `npm install ${WASM_PACKAGE} ${CORE}`,
  async activate(loader) {
    const tf = await loadTf(loader, CORE);
    const installed = loader.locate(WASM_PACKAGE);
    const wasm = await loadForRegistration(loader, WASM_PACKAGE);
    const wasmApi = typeof wasm === 'object' && wasm !== null ? wasm : undefined;
    if (installed !== undefined && wasmApi !== undefined && !configuredWasm.has(wasmApi) && 'setWasmPaths' in wasmApi) {
      const setWasmPaths = wasmApi.setWasmPaths;
      if (typeof setWasmPaths === 'function') {
        try {
          setWasmPaths(join(installed.dir, 'dist') + sep);
        } catch (error) {
          throw new BackendUnavailable(`cannot point ${WASM_PACKAGE} at its binaries: ${errorMessage(error)}`);
        }
        configuredWasm.add(wasmApi);
      }
    }
    await switchTo(tf, 'wasm', WASM_PACKAGE);
    await ensureGradients(loader, tf);
    quietTf(tf);
    const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
    return { tf, detail: simd === true ? 'SIMD' : 'no SIMD' };
  },
};

const CPU_PACKAGE = '@tensorflow/tfjs-backend-cpu';

const CPU: BackendCandidate = {
  name: 'cpu',
  packageName: CPU_PACKAGE,
  installHint: `npm install ${CPU_PACKAGE} ${CORE}`,
  async activate(loader) {
    const tf = await loadTf(loader, CORE);
    await loadForRegistration(loader, CPU_PACKAGE);
    await switchTo(tf, 'cpu', CPU_PACKAGE);
    await ensureGradients(loader, tf);
    quietTf(tf);
    return { tf, detail: '' };
  },
};

export const CANDIDATES: Readonly<Record<BackendName, BackendCandidate>> = {
  'tensorflow-gpu': nativeCandidate(
    'tensorflow-gpu',
    '@tensorflow/tfjs-node-gpu',
    'npm install @tensorflow/tfjs-node-gpu (needs CUDA and cuDNN; its install downloads libtensorflow, so it needs network access)',
  ),
  tensorflow: nativeCandidate(
    'tensorflow',
    '@tensorflow/tfjs-node',
    'npm install @tensorflow/tfjs-node (its install downloads libtensorflow, so it needs network access)',
  ),
  wasm: WASM,
  cpu: CPU,
};
