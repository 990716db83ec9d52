/** Recognising the tfjs API in a module imported at run time, whose type TypeScript cannot know. */
import type { TfCore } from './types.ts';

const REQUIRED_FUNCTIONS = ['setBackend', 'getBackend', 'findBackendFactory', 'ready', 'tidy', 'variable', 'env'] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return (typeof value === 'object' || typeof value === 'function') && value !== null;
}

function looksLikeTf(value: unknown): boolean {
  if (!isRecord(value)) return false;
  return REQUIRED_FUNCTIONS.every((name) => typeof value[name] === 'function') && isRecord(value['train']);
}

/**
 * The tfjs API of an imported module, or undefined. CommonJS packages imported from ESM may
 * expose their exports only under `default`, so both places are checked.
 */
export function asTfCore(loaded: unknown): TfCore | undefined {
  if (looksLikeTf(loaded)) return loaded as TfCore;
  if (isRecord(loaded) && looksLikeTf(loaded['default'])) return loaded['default'] as TfCore;
  return undefined;
}

/** Whether a backend factory of that name is registered with this tfjs engine. */
export function hasBackendFactory(tf: TfCore, name: string): boolean {
  return tf.findBackendFactory(name) != null;
}

/**
 * Whether gradient functions are registered. tfjs-core's CommonJS entry registers none; a
 * package bundling them (tfjs-layers, or the native packages) must have been imported.
 */
export function hasGradients(tf: TfCore): boolean {
  return ['Add', 'BatchMatMul', 'Tanh', 'Relu', 'Sum'].every((kernel) => tf.getGradient(kernel) != null);
}

/** The package whose import registers every gradient with the shared tfjs-core. */
export const GRADIENTS_PACKAGE = '@tensorflow/tfjs-layers';

/**
 * Silences tfjs's console advice (e.g. "install the node backend"): the project reports the
 * chosen backend and the reason for it through BackendInfo instead.
 */
export function quietTf(tf: TfCore): void {
  tf.env().set('PROD', true);
}
