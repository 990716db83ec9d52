/**
 * The native engine: the system's libxgboost (Debian's libxgboost0) called through koffi's C
 * FFI. Trained models are read back as XGBoost's JSON model and converted to plain trees; the
 * DMatrix and Booster handles are freed in `finally`, so no handle outlives a fit however many
 * trials run in a process.
 */
import { createRequire } from 'node:module';
import { AutoMLError, errorMessage } from '../../../util/errors.ts';
import type { TrainingInput, XgboostEngine } from './engine.ts';
import { treesFromXgboostJson } from './parse-json-model.ts';
import type { BoostedTrees } from './trees.ts';

/** Library names tried in order: Debian's soname first, then an unversioned development link. */
export const NATIVE_LIBRARY_NAMES = ['libxgboost.so.0', 'libxgboost.so'] as const;

type Handle = unknown;

interface NativeApi {
  version(): string;
  lastError(): string;
  createMatrix(data: Float32Array, nRows: number, nFeatures: number): Handle;
  setFloatInfo(matrix: Handle, field: string, values: Float32Array): void;
  freeMatrix(matrix: Handle): void;
  createBooster(matrix: Handle): Handle;
  setParam(booster: Handle, name: string, value: string): void;
  updateOneIter(booster: Handle, iteration: number, matrix: Handle): void;
  saveJson(booster: Handle): string;
  freeBooster(booster: Handle): void;
}

interface KoffiLike {
  load(path: string): { func(signature: string): (...args: unknown[]) => unknown };
  pointer(name: string, type: unknown): unknown;
  opaque(): unknown;
  decode(pointer: unknown, type: string, length: number): unknown;
}

const requireHere = createRequire(import.meta.url);

function bindNative(koffi: KoffiLike, libraryName: string): NativeApi {
  const lib = koffi.load(libraryName);
  // The handle type is registered once per koffi instance; a second binding reuses it.
  try {
    koffi.pointer('XGBHandle', koffi.opaque());
  } catch {
    /* already registered */
  }
  const f = (signature: string) => lib.func(signature);
  const versionFn = f('void XGBoostVersion(_Out_ int *major, _Out_ int *minor, _Out_ int *patch)');
  const lastErrorFn = f('const char *XGBGetLastError()');
  const createFn = f('int XGDMatrixCreateFromMat(const float *data, uint64_t nrow, uint64_t ncol, float missing, _Out_ XGBHandle *out)');
  const setInfoFn = f('int XGDMatrixSetFloatInfo(XGBHandle handle, const char *field, const float *values, uint64_t len)');
  const freeMatrixFn = f('int XGDMatrixFree(XGBHandle handle)');
  const boosterFn = f('int XGBoosterCreate(XGBHandle *matrices, uint64_t len, _Out_ XGBHandle *out)');
  const setParamFn = f('int XGBoosterSetParam(XGBHandle handle, const char *name, const char *value)');
  const updateFn = f('int XGBoosterUpdateOneIter(XGBHandle handle, int iteration, XGBHandle matrix)');
  const saveFn = f('int XGBoosterSaveModelToBuffer(XGBHandle handle, const char *config, _Out_ uint64_t *len, _Out_ void **out)');
  const freeBoosterFn = f('int XGBoosterFree(XGBHandle handle)');

  const lastError = (): string => String(lastErrorFn() ?? '');
  const check = (code: unknown, what: string): void => {
    if (code !== 0) throw new AutoMLError('INTERNAL', `xgboost (native) ${what} failed: ${lastError()}`);
  };
  return {
    version() {
      const major = [0];
      const minor = [0];
      const patch = [0];
      versionFn(major, minor, patch);
      return `${major[0]}.${minor[0]}.${patch[0]}`;
    },
    lastError,
    createMatrix(data, nRows, nFeatures) {
      const out: Handle[] = [null];
      check(createFn(data, nRows, nFeatures, NaN, out), 'XGDMatrixCreateFromMat');
      return out[0];
    },
    setFloatInfo(matrix, field, values) {
      check(setInfoFn(matrix, field, values, values.length), `XGDMatrixSetFloatInfo(${field})`);
    },
    freeMatrix(matrix) {
      check(freeMatrixFn(matrix), 'XGDMatrixFree');
    },
    createBooster(matrix) {
      const out: Handle[] = [null];
      check(boosterFn([matrix], 1, out), 'XGBoosterCreate');
      return out[0];
    },
    setParam(booster, name, value) {
      check(setParamFn(booster, name, value), `XGBoosterSetParam(${name})`);
    },
    updateOneIter(booster, iteration, matrix) {
      check(updateFn(booster, iteration, matrix), 'XGBoosterUpdateOneIter');
    },
    saveJson(booster) {
      const length: (number | bigint)[] = [0];
      const pointer: unknown[] = [null];
      check(saveFn(booster, '{"format": "json"}', length, pointer), 'XGBoosterSaveModelToBuffer');
      // The buffer belongs to the booster and stays valid until its next call: copy it now.
      return String(koffi.decode(pointer[0], 'char', Number(length[0])));
    },
    freeBooster(booster) {
      check(freeBoosterFn(booster), 'XGBoosterFree');
    },
  };
}

/** How the native library is reached; tests replace it to simulate a machine without it. */
export interface NativeLoader {
  load(): NativeApi;
}

export const defaultNativeLoader: NativeLoader = {
  load() {
    let koffi: KoffiLike;
    try {
      koffi = requireHere('koffi') as KoffiLike;
    } catch (error) {
      throw new Error(`the koffi package failed to load: ${errorMessage(error)}`);
    }
    const failures: string[] = [];
    for (const name of NATIVE_LIBRARY_NAMES) {
      try {
        return bindNative(koffi, name);
      } catch (error) {
        failures.push(`${name}: ${errorMessage(error)}`);
      }
    }
    throw new Error(`libxgboost could not be loaded (${failures.join('; ')})`);
  },
};

export function nativeEngine(api: NativeApi): XgboostEngine {
  const version = api.version();
  return {
    name: 'native',
    version,
    maxCells: Number.MAX_SAFE_INTEGER,
    supportsWeights: true,
    train(input: TrainingInput) {
      const matrix = api.createMatrix(input.data, input.nRows, input.nFeatures);
      let booster: Handle | undefined;
      try {
        api.setFloatInfo(matrix, 'label', input.labels);
        if (input.weights !== undefined) api.setFloatInfo(matrix, 'weight', input.weights);
        booster = api.createBooster(matrix);
        api.setParam(booster, 'verbosity', '0');
        // Histogram splits: XGBoost's fast CPU method, and the one the wasm engine uses too.
        api.setParam(booster, 'tree_method', 'hist');
        for (const [name, value] of input.parameters) api.setParam(booster, name, value);
        const trained = booster;
        const trees = (): BoostedTrees => treesFromXgboostJson(api.saveJson(trained), input.nFeatures, input.nGroups);
        for (let round = 0; round < input.rounds; round++) {
          api.updateOneIter(booster, round, matrix);
          if (input.afterRound !== undefined && input.afterRound(round + 1, trees)) break;
        }
        return trees();
      } finally {
        if (booster !== undefined) api.freeBooster(booster);
        api.freeMatrix(matrix);
      }
    },
  };
}
