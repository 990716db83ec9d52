/**
 * The portable engine: the XGBoost build compiled to WebAssembly that ml-xgboost ships. Its
 * module initialises asynchronously, so `loadWasmEngine()` must have resolved before a fit uses
 * it (the search does that before a trial, see prepareXgboost). Its C entry points are called
 * directly with buffers on the module's heap, which avoids copying through the small wasm stack.
 *
 * Limits of this build: no per-row weights (the model resamples rows by weight instead), a
 * fixed memory ceiling (so fits are capped at WASM_MAX_CELLS), and an abort inside the module
 * leaves it in an undefined state, so after any failure the engine refuses further work.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { AutoMLError, errorMessage } from '../../../util/errors.ts';
import type { TrainingInput, XgboostEngine } from './engine.ts';
import { treesFromLegacyBinary } from './parse-binary-model.ts';

/** Rows × features accepted in one wasm fit; larger inputs are subsampled to this size. */
export const WASM_MAX_CELLS = 1_200_000;

interface EmscriptenModule {
  isReady: Promise<EmscriptenModule>;
  cwrap(name: string, returns: string | null, args: readonly string[]): (...args: unknown[]) => unknown;
  _malloc(bytes: number): number;
  _free(pointer: number): void;
  HEAPU8: Uint8Array;
  HEAPF32: Float32Array;
  print?: (text: string) => void;
  printErr?: (text: string) => void;
}

const requireHere = createRequire(import.meta.url);

function packageVersion(): string {
  try {
    const manifest = JSON.parse(readFileSync(requireHere.resolve('ml-xgboost/package.json'), 'utf8')) as { version?: unknown };
    return `ml-xgboost ${String(manifest.version)}`;
  } catch {
    return 'ml-xgboost';
  }
}

function silence(module: EmscriptenModule): void {
  // The module prints progress lines to stdout, which carries the command line's data output.
  module.print = () => undefined;
  module.printErr = () => undefined;
}

/** This XGBoost predates the squared-error objective's current name. */
function legacyObjective(name: string): string {
  return name === 'reg:squarederror' ? 'reg:linear' : name;
}

let loading: Promise<XgboostEngine> | undefined;

/** Loads and initialises the wasm module once per thread. */
export function loadWasmEngine(): Promise<XgboostEngine> {
  loading ??= (async () => {
    // The glue installs a process-wide uncaughtException handler that rethrows; it would change
    // how the whole program reports failures, so it is removed again.
    const before = new Set(process.listeners('uncaughtException'));
    const module = requireHere('ml-xgboost/dist/wasm/xgboost.js') as EmscriptenModule;
    for (const listener of process.listeners('uncaughtException')) if (!before.has(listener)) process.removeListener('uncaughtException', listener);
    silence(module);
    const ready = await module.isReady;
    silence(ready);
    return wasmEngine(ready);
  })();
  return loading;
}

let loaded: XgboostEngine | undefined;

/** The wasm engine if its module has finished initialising in this thread. */
export function readyWasmEngine(): XgboostEngine | undefined {
  return loaded;
}

function wasmEngine(module: EmscriptenModule): XgboostEngine {
  const createModel = module.cwrap('create_model', 'number', ['number', 'number', 'number', 'number']);
  const freeModel = module.cwrap('free_memory_model', null, ['number']);
  const setParam = module.cwrap('set_param', null, ['number', 'string', 'string']);
  const train = module.cwrap('train_full_model', null, ['number', 'number']);
  const saveModel = module.cwrap('save_model', 'number', ['number']);
  const fileContent = module.cwrap('get_file_content', null, ['number', 'number']);
  let poisoned: string | undefined;

  const copyToHeap = (values: Float32Array): number => {
    const pointer = module._malloc(values.length * 4);
    if (pointer === 0) throw new Error('out of wasm memory');
    module.HEAPF32.set(values, pointer / 4);
    return pointer;
  };

  const engine: XgboostEngine = {
    name: 'wasm',
    version: packageVersion(),
    maxCells: WASM_MAX_CELLS,
    supportsWeights: false,
    train(input: TrainingInput) {
      if (poisoned !== undefined) {
        throw new AutoMLError('INTERNAL', `xgboost (wasm) is unusable after an earlier failure in this thread: ${poisoned}`);
      }
      if (input.nRows * input.nFeatures > WASM_MAX_CELLS) throw new AutoMLError('INTERNAL', 'xgboost (wasm): input exceeds the cell limit');
      let model = 0;
      try {
        const data = copyToHeap(input.data);
        let labels = 0;
        try {
          labels = copyToHeap(input.labels);
          model = Number(createModel(data, labels, input.nRows, input.nFeatures));
        } finally {
          module._free(data);
          if (labels !== 0) module._free(labels);
        }
        if (model === 0) throw new Error('create_model returned no model');
        setParam(model, 'silent', '1');
        setParam(model, 'tree_method', 'hist');
        for (const [name, value] of input.parameters) setParam(model, name, name === 'objective' ? legacyObjective(value) : value);
        train(model, input.rounds);
        const size = Number(saveModel(model));
        if (!(size > 0)) throw new Error('save_model failed');
        const buffer = module._malloc(size);
        let bytes: Uint8Array;
        try {
          fileContent(buffer, size);
          bytes = module.HEAPU8.slice(buffer, buffer + size);
        } finally {
          module._free(buffer);
        }
        return treesFromLegacyBinary(bytes, input.nFeatures, input.nGroups);
      } catch (error) {
        poisoned = errorMessage(error);
        throw new AutoMLError('INTERNAL', `xgboost (wasm) failed: ${poisoned}`, { cause: error });
      } finally {
        if (model !== 0 && poisoned === undefined) freeModel(model);
      }
    },
  };
  loaded = engine;
  return engine;
}
