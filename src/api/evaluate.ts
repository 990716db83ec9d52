/** Scores a fitted model on labelled rows with every metric of its task. */
import type { AutoMLModel } from '../export/model.ts';
import type { RawTable } from '../data/raw-table.ts';
import { toRawTable, type TabularInput } from '../data/tabular-input.ts';
import { takeRows } from '../data/dataset.ts';
import { getScorer, metricsForTask } from '../metrics/scorers.ts';
import type { Prediction, Truth } from '../metrics/prediction.ts';
import { categoryOf, parseNumericCell } from '../data/cell.ts';
import { AutoMLError } from '../util/errors.ts';

export interface EvaluationResult {
  readonly rows: number;
  readonly metrics: Record<string, number>;
  readonly warnings: string[];
}

export function evaluateModel(model: AutoMLModel, input: TabularInput): EvaluationResult {
  const raw: RawTable = toRawTable(input);
  const targetName = model.artifact.target.name;
  const targetIndex = raw.header.indexOf(targetName);
  if (targetIndex < 0) {
    throw new AutoMLError('MISSING_COLUMN', `the evaluation data has no target column "${targetName}"`, {
      hint: 'evaluate needs labelled rows; use predict for unlabelled ones',
    });
  }
  const { dataset, warnings } = model.prepare(raw);
  const truthCells = raw.columns[targetIndex]!;
  const kept: number[] = [];
  let truth: Truth;
  const classes = model.classes;
  if (classes === null) {
    const values: number[] = [];
    truthCells.forEach((cell, i) => {
      const value = parseNumericCell(cell);
      if (!Number.isNaN(value)) {
        kept.push(i);
        values.push(value);
      }
    });
    truth = { kind: 'regression', values: Float64Array.from(values) };
  } else {
    const index = new Map(classes.map((c, k) => [c, k]));
    const codes: number[] = [];
    let unknown = 0;
    truthCells.forEach((cell, i) => {
      const code = index.get(categoryOf(cell));
      if (code !== undefined) {
        kept.push(i);
        codes.push(code);
      } else if (categoryOf(cell) !== '') unknown++;
    });
    if (unknown > 0) warnings.push(`${unknown} rows have a target value that was not a class in training; they are not scored`);
    truth = { kind: 'classification', codes: Int32Array.from(codes), nClasses: classes.length };
  }
  const skipped = raw.nRows - kept.length;
  if (kept.length === 0) throw new AutoMLError('TARGET_ALL_MISSING', `no row of the evaluation data has a usable "${targetName}" value`);
  if (skipped > 0 && classes === null) warnings.push(`${skipped} rows with a missing or non-numeric target are not scored`);
  const prediction: Prediction = model.predictPrepared(takeRows(dataset, kept));
  const metrics: Record<string, number> = {};
  for (const name of metricsForTask(model.task)) metrics[name] = getScorer(name, model.task).score(truth, prediction);
  return { rows: kept.length, metrics, warnings };
}
