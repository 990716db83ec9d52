/** Public library API of automl-ts. */
import { fit } from './fit.ts';

/** Entry point in the style of other AutoML libraries: `await AutoML.fit(data, { target })`. */
export const AutoML = { fit } as const;

export { fit } from './fit.ts';
export { evaluateModel } from './evaluate.ts';
export type { EvaluationResult } from './evaluate.ts';
export { FIT_DEFAULTS } from './options.ts';
export type { FitOptions } from './options.ts';
export { AutoMLModel, loadModel } from '../export/model.ts';
export type { Artifact, LeaderboardRow } from '../export/artifact.ts';
export { readCsvFile as readCsv, parseCsvText } from '../data/csv.ts';
export type { RawTable } from '../data/raw-table.ts';
export { textTable } from '../data/raw-table.ts';
export type { NumericCells, RawColumn } from '../data/raw-column.ts';
export type { TabularInput } from '../data/tabular-input.ts';
export type { Task } from '../data/dataset.ts';
export type { TrialRecord, TrialStatus } from '../search/trial.ts';
export { AutoMLError, isAutoMLError } from '../util/errors.ts';
export type { ErrorCode } from '../util/errors.ts';
export { METRIC_NAMES } from '../metrics/scorers.ts';
export type { MetricName } from '../metrics/scorers.ts';
export { runBatch, validateBatchSpec } from '../batch/index.ts';
export type { BatchOptions, BatchJob, BatchSpec, BatchSummary, JobSummary } from '../batch/index.ts';
export { renderReport, writeReport, loadReportData } from '../report/html/index.ts';
export type { ReportData } from '../report/html/index.ts';
