// Entry of a trial worker thread. Loader hooks registered in the parent (by the tsx CLI or by
// src/cli/bin.js) do not reach worker threads on Node 20, so the worker registers tsx itself
// before it loads any TypeScript. Plain JavaScript on purpose: nothing can compile it yet.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
