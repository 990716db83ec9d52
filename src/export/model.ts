/**
 * A fitted AutoML model: the artifact plus its rebuilt pipelines. Predicting needs only this file,
 * the data layer and the component loaders — no search code.
 */
import { readFileSync } from 'node:fs';
import type { Dataset, Task } from '../data/dataset.ts';
import type { RawTable } from '../data/raw-table.ts';
import { applySchema } from '../data/apply-schema.ts';
import { toRawTable, type TabularInput } from '../data/tabular-input.ts';
import type { Pipeline } from '../components/pipeline.ts';
import { loadPipeline } from '../components/load.ts';
import type { Prediction } from '../metrics/prediction.ts';
import { decideLabels } from './decision.ts';
import { AutoMLError } from '../util/errors.ts';
import { saveModelFile } from './save-model.ts';
import { type Artifact, type LeaderboardRow, memberPipelines, validateArtifact } from './artifact.ts';
import { averagePredictions, combinePredictions } from './combine.ts';
import { rowsToDataset } from './rows-to-dataset.ts';
import { applyTemperature } from '../ensemble/temperature.ts';
import { loadCalibrator } from '../ensemble/calibrators/load.ts';
import type { Calibrator } from '../ensemble/calibrators/types.ts';
import { checkStateMagnitudes } from './state-magnitudes.ts';
import { checkFinitePrediction } from './finite-output.ts';

export class AutoMLModel {
  /** Per member: its pipelines (one, or one per cross-validation fold, averaged). */
  private readonly members: readonly (readonly Pipeline[])[];
  private readonly weights: Float64Array;
  /** The Platt or isotonic map of a format-5 file (a temperature is applied from `artifact.temperature`). */
  private readonly calibrator: Calibrator | null;

  constructor(readonly artifact: Artifact) {
    this.members = artifact.members.map((member, i) =>
      memberPipelines(member).map((saved, fold, all) => {
        const where = all.length === 1 ? `ensemble member ${i}` : `ensemble member ${i}, fold ${fold}`;
        checkStateMagnitudes(saved, where);
        return loadPipeline(saved, where);
      }),
    );
    this.weights = Float64Array.from(artifact.members.map((member) => member.weight));
    this.calibrator = artifact.calibrator === undefined ? null : loadCalibrator(artifact.calibrator);
  }

  get task(): Task {
    return this.artifact.task;
  }

  /** Class labels in the column order of predictProba; null for regression. */
  get classes(): readonly string[] | null {
    return this.artifact.target.classes;
  }

  /** Columns a prediction input must have. */
  get requiredColumns(): string[] {
    return this.artifact.schema.columns.filter((c) => c.type !== 'dropped').map((c) => c.name);
  }

  /** Rows of any accepted shape → the typed dataset the pipelines read, plus data warnings. */
  prepare(input: TabularInput): { dataset: Dataset; warnings: string[] } {
    if (Array.isArray(input)) {
      // Well-formed row objects skip the text round trip; anything unusual takes the general path.
      const direct = rowsToDataset(input, this.artifact.schema);
      if (direct !== null) return { dataset: direct, warnings: [] };
    }
    const raw: RawTable = toRawTable(input);
    return applySchema(raw, this.artifact.schema);
  }

  /**
   * Ensemble output on a prepared dataset: probabilities (calibrated, see temperature.ts and
   * ensemble/calibrators/) or values.
   * A non-finite output is an error naming the member (see finite-output.ts); `firstRow` is the
   * position of the dataset's first row in a larger input, for that message.
   */
  predictPrepared(dataset: Dataset, firstRow = 0): Prediction {
    const outputs = this.members.map((pipelines, m) => {
      const output = averagePredictions(pipelines.map((pipeline) => pipeline.predict(dataset)));
      checkFinitePrediction(output, `ensemble member ${m} (${this.artifact.members[m]!.algorithm})`, firstRow);
      return output;
    });
    const combined = combinePredictions(outputs, this.weights);
    if (combined.kind === 'classification' && this.artifact.temperature !== undefined) applyTemperature(combined.proba, this.artifact.temperature);
    if (combined.kind === 'classification' && this.calibrator !== null) this.calibrator.apply(combined.proba);
    checkFinitePrediction(combined, 'the ensemble', firstRow);
    return combined;
  }

  /** Predicted labels (classification) or values (regression), in input row order. */
  predict(input: TabularInput): (string | number)[] {
    const prediction = this.predictPrepared(this.prepare(input).dataset);
    if (prediction.kind === 'regression') return Array.from(prediction.values);
    const classes = this.classes ?? [];
    return Array.from(decideLabels(prediction.proba, this.artifact.decision), (k) => classes[k]!);
  }

  /** Class probabilities per row, columns in the order of `classes`. */
  predictProba(input: TabularInput): number[][] {
    if (this.task === 'regression') {
      throw new AutoMLError('BAD_OPTION', 'predictProba needs a classification model; this one is regression', {
        hint: 'use predict() for regression',
      });
    }
    const prediction = this.predictPrepared(this.prepare(input).dataset);
    if (prediction.kind !== 'classification') throw new AutoMLError('INTERNAL', 'classifier produced regression output');
    const { nRows, nClasses, data } = prediction.proba;
    const rows: number[][] = new Array<number[]>(nRows);
    for (let i = 0; i < nRows; i++) rows[i] = Array.from(data.subarray(i * nClasses, (i + 1) * nClasses));
    return rows;
  }

  leaderboard(): readonly LeaderboardRow[] {
    return this.artifact.leaderboard;
  }

  toJSON(): Artifact {
    return this.artifact;
  }

  /**
   * Writes the artifact atomically: the file is either the old one or the complete new one. A
   * path that is a folder, or in a folder that does not exist, is refused (BAD_OUTPUT) first.
   */
  save(path: string): void {
    saveModelFile(path, () => JSON.stringify(this.artifact));
  }
}

/** Reads and validates a model file; typed errors for a missing, foreign, corrupt or newer file. */
export function loadModel(path: string): AutoMLModel {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR') {
      throw new AutoMLError('FILE_NOT_FOUND', `model file ${path} does not exist`, { hint: 'check the path' });
    }
    throw error;
  }
  return parseModel(text, path);
}

/** A model from the text of a model file; `where` names it in errors. */
export function parseModel(text: string, where: string): AutoMLModel {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new AutoMLError('BAD_MODEL_FILE', `${where} is not valid JSON (truncated or not a model file)`, {
      hint: 'pass a model file written by `automl fit --out` or `model.save()`',
    });
  }
  const artifact = validateArtifact(parsed, where);
  try {
    return new AutoMLModel(artifact);
  } catch (error) {
    if (error instanceof AutoMLError) throw error;
    throw new AutoMLError('BAD_MODEL_FILE', `${where}: a fitted pipeline could not be rebuilt (${(error as Error).message})`);
  }
}
