/** Scores a fitted model on labelled rows with every metric of its task. */
import type { AutoMLModel } from '../export/model.ts';
import type { RawTable } from '../data/raw-table.ts';
import { columnTexts } from '../data/raw-column.ts';
import { toRawTable, type TabularInput } from '../data/tabular-input.ts';
import { takeRows, type Dataset, type Task } from '../data/dataset.ts';
import { getScorer, metricsForTask } from '../metrics/scorers.ts';
import { calibrationMetrics } from '../metrics/calibration.ts';
import type { Prediction, Truth } from '../metrics/prediction.ts';
import { categoryOf, parseNumericCell } from '../data/cell.ts';
import { AutoMLError } from '../util/errors.ts';

export interface EvaluationResult {
  readonly rows: number;
  readonly metrics: Record<string, number>;
  readonly warnings: string[];
}

export interface LabelledRows {
  /** Prepared features of the rows that have a usable target. */
  readonly dataset: Dataset;
  readonly truth: Truth;
  readonly warnings: string[];
}

/**
 * The rows of a labelled table that can be scored: the target read with the model's classes
 * (rows with a missing target, or a class unseen in training, are left out with a warning).
 */
export function labelledRows(model: AutoMLModel, raw: RawTable): LabelledRows {
  const targetName = model.artifact.target.name;
  const targetIndex = raw.header.indexOf(targetName);
  if (targetIndex < 0) {
    throw new AutoMLError('MISSING_COLUMN', `the evaluation data has no target column "${targetName}"`, {
      hint: 'evaluate needs labelled rows; use predict for unlabelled ones',
    });
  }
  const { dataset, warnings } = model.prepare(raw);
  const cells = columnTexts(raw.columns[targetIndex]!);
  const kept: number[] = [];
  let truth: Truth;
  const classes = model.classes;
  if (classes === null) {
    const values: number[] = [];
    cells.forEach((cell, i) => {
      const value = parseNumericCell(cell);
      if (!Number.isNaN(value)) {
        kept.push(i);
        values.push(value);
      }
    });
    if (kept.length < raw.nRows) warnings.push(`${raw.nRows - kept.length} rows with a missing or non-numeric target are not scored`);
    truth = { kind: 'regression', values: Float64Array.from(values) };
  } else {
    const index = new Map(classes.map((c, k) => [c, k]));
    const codes: number[] = [];
    let unknown = 0;
    cells.forEach((cell, i) => {
      const code = index.get(categoryOf(cell));
      if (code !== undefined) {
        kept.push(i);
        codes.push(code);
      } else if (categoryOf(cell) !== '') unknown++;
    });
    if (unknown > 0) warnings.push(`${unknown} rows have a target value that was not a class in training; they are not scored`);
    truth = { kind: 'classification', codes: Int32Array.from(codes), nClasses: classes.length };
  }
  if (kept.length === 0) throw new AutoMLError('TARGET_ALL_MISSING', `no row of the evaluation data has a usable "${targetName}" value`);
  return { dataset: kept.length === raw.nRows ? dataset : takeRows(dataset, kept), truth, warnings };
}

/**
 * Every metric of the task for one prediction; classification adds the Brier score and the
 * expected calibration error (metrics/calibration.ts), which are reported but not searched on.
 */
export function scoreAll(task: Task, truth: Truth, prediction: Prediction): Record<string, number> {
  const metrics: Record<string, number> = {};
  for (const name of metricsForTask(task)) metrics[name] = getScorer(name, task).score(truth, prediction);
  if (truth.kind === 'classification' && prediction.kind === 'classification') Object.assign(metrics, calibrationMetrics(truth.codes, prediction.proba));
  return metrics;
}

export function evaluateModel(model: AutoMLModel, input: TabularInput): EvaluationResult {
  const { dataset, truth, warnings } = labelledRows(model, toRawTable(input));
  return { rows: dataset.nRows, metrics: scoreAll(model.task, truth, model.predictPrepared(dataset)), warnings };
}
