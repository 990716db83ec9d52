// Entry point of the library for plain Node (`import { AutoML } from 'automl-ts'`): Node 20 does
// not load TypeScript, so this registers the tsx loader first, then loads the API and re-exports
// it. Plain JavaScript on purpose, like src/cli/bin.js. The names must match src/api/index.ts
// (a test compares them).
import { register } from 'tsx/esm/api';

register();
const api = await import('./index.ts');

export const {
  AutoML, fit, evaluateModel, FIT_DEFAULTS, AutoMLModel, loadModel, readCsv, parseCsvText, AutoMLError, isAutoMLError,
  METRIC_NAMES, runBatch, validateBatchSpec, renderReport, writeReport, loadReportData, textTable,
} = api;
