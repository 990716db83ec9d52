/**
 * Fresh libsvm (libsvm-js's WebAssembly build) instances, created synchronously.
 *
 * libsvm draws its probability-calibration folds from the C library's rand(), whose state lives
 * in the module's memory and is never reseeded; sharing one module would make a fit depend on
 * every fit before it. Each training therefore gets its own instance (a few milliseconds: the
 * compiled wasm is reused, only its memory is new), which also means a failure inside one fit
 * cannot leave a broken module behind for the next. The package's glue is a factory wrapped in a
 * line that calls it once with an asynchronous loader; it is evaluated here without that line,
 * and instantiation uses the synchronous WebAssembly API.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { runInThisContext } from 'node:vm';
import { AutoMLError, errorMessage } from '../../../util/errors.ts';

export interface LibsvmProbability {
  readonly prediction: number;
  readonly estimates: readonly { readonly label: number; readonly probability: number }[];
}

export interface LibsvmModel {
  train(samples: readonly Float64Array[], labels: readonly number[]): void;
  predictOne(sample: Float64Array): number;
  predictOneProbability(sample: Float64Array): LibsvmProbability;
  getLabels(): number[];
  serializeModel(): string;
  free(): void;
}

export interface LibsvmClass {
  new (options: Record<string, unknown>): LibsvmModel;
  load(serialized: string): LibsvmModel;
  readonly SVM_TYPES: Readonly<Record<'C_SVC' | 'EPSILON_SVR', string>>;
  readonly KERNEL_TYPES: Readonly<Record<'LINEAR' | 'POLYNOMIAL' | 'RBF' | 'SIGMOID', string>>;
}

type Factory = (module: Record<string, unknown>) => Record<string, unknown>;

/** The part of the WebAssembly API used here (the project's type libraries do not declare it). */
interface WasmInstance {
  readonly exports: unknown;
}
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: unknown) => WasmInstance;
}
const wasmApi = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

const requireHere = createRequire(import.meta.url);
const GLUE_TAIL = 'module.exports = SVM(Module);';

let compiled: { factory: Factory; wasm: object; wrap: (module: Record<string, unknown>) => LibsvmClass } | undefined;

function compile(): NonNullable<typeof compiled> {
  if (compiled !== undefined) return compiled;
  try {
    const root = dirname(requireHere.resolve('libsvm-js/package.json'));
    const dir = join(root, 'out', 'wasm');
    const glue = readFileSync(join(dir, 'libsvm.js'), 'utf8').trimEnd();
    if (!glue.endsWith(GLUE_TAIL)) throw new Error('unexpected layout of libsvm-js/out/wasm/libsvm.js');
    const source = `(function (require, module, exports, __dirname, __filename) {${glue.slice(0, -GLUE_TAIL.length)}\nreturn SVM;})`;
    const outer = runInThisContext(source, { filename: join(dir, 'libsvm.js') }) as (...args: unknown[]) => Factory;
    const factory = outer(requireHere, { exports: {} }, {}, dir, join(dir, 'libsvm.js'));
    const wasm = new wasmApi.Module(readFileSync(join(dir, 'libsvm.wasm')));
    const wrap = requireHere(join(root, 'src', 'loadSVM.js')) as (module: Record<string, unknown>) => LibsvmClass;
    compiled = { factory, wasm, wrap };
    return compiled;
  } catch (error) {
    throw new AutoMLError('INTERNAL', `libsvm-js could not be loaded: ${errorMessage(error)}`, { hint: 'reinstall the project dependencies (npm install)' });
  }
}

/**
 * The glue registers a process-wide `unhandledRejection` handler that exits the process, once per
 * instance. That would change how the whole program fails and pile up listeners, so any handler
 * it adds is removed again.
 */
function withoutAddedRejectionHandlers<T>(create: () => T): T {
  const before = new Set(process.listeners('unhandledRejection'));
  try {
    return create();
  } finally {
    for (const listener of process.listeners('unhandledRejection')) if (!before.has(listener)) process.removeListener('unhandledRejection', listener);
  }
}

/** A new, fully initialised libsvm with its own memory. */
export function freshLibsvm(): LibsvmClass {
  const { factory, wasm, wrap } = compile();
  const module = withoutAddedRejectionHandlers(() => factory({
    instantiateWasm(imports: unknown, receive: (instance: WasmInstance) => void) {
      const instance = new wasmApi.Instance(wasm, imports);
      receive(instance);
      return instance.exports;
    },
    print: () => undefined,
    printErr: () => undefined,
  }));
  if (module['calledRun'] !== true) throw new AutoMLError('INTERNAL', 'libsvm-js did not initialise synchronously');
  return wrap(module);
}

let predictor: LibsvmClass | undefined;

/** The instance this thread predicts with (prediction draws no random numbers, so one is shared). */
export function predictingLibsvm(): LibsvmClass {
  predictor ??= freshLibsvm();
  return predictor;
}

/** Drops the predicting instance after a failure; the next prediction creates a new one. */
export function resetPredictingLibsvm(): void {
  predictor = undefined;
}
