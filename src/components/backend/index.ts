/** Tensor backend selection for MLP training (see select.ts). */
export { currentBackend, selectBackend, trainingTf } from './select.ts';
export type { SelectOptions } from './select.ts';
export { defaultModuleLoader } from './module-loader.ts';
export type { InstalledPackage, ModuleLoader } from './module-loader.ts';
export { BACKEND_NAMES, BACKEND_PREFERENCES, isBackendPreference } from './types.ts';
export type { BackendInfo, BackendName, BackendPreference, TfCore } from './types.ts';
export { probeBackends } from './probe.ts';
export type { BackendAvailability } from './probe.ts';
