// Entry point of `automl-ts/runtime` for plain Node: registers the tsx loader, then loads the
// predict-only API (see src/api/entry.js). The names must match src/export/runtime.ts.
import { register } from 'tsx/esm/api';

register();
const runtime = await import('./runtime.ts');

export const { AutoMLModel, loadModel } = runtime;
