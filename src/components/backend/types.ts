/**
 * Vocabulary of tensor-backend selection. Only the MLP trains with tensors; everything else in
 * the project is plain TypeScript, so these types are all the rest of the code ever sees.
 */
import type * as TfCoreModule from '@tensorflow/tfjs-core';

/** Backends in the order `auto` tries them: native GPU, native CPU, WebAssembly, plain JS. */
export const BACKEND_NAMES = ['tensorflow-gpu', 'tensorflow', 'wasm', 'cpu'] as const;

export type BackendName = (typeof BACKEND_NAMES)[number];

export type BackendPreference = 'auto' | BackendName;

export const BACKEND_PREFERENCES: readonly BackendPreference[] = ['auto', ...BACKEND_NAMES];

export function isBackendPreference(value: unknown): value is BackendPreference {
  return typeof value === 'string' && (BACKEND_PREFERENCES as readonly string[]).includes(value);
}

export interface BackendInfo {
  readonly name: BackendName;
  /** Why this backend was chosen, including why faster ones were passed over. */
  readonly reason: string;
}

/**
 * The tensor API used for training. For the native backends it is the native package's own
 * module (a superset of tfjs-core), so training always talks to the engine the backend was
 * registered in, even if that package carries its own copy of tfjs-core.
 */
export type TfCore = typeof TfCoreModule;
