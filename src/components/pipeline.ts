/**
 * A fitted pipeline: dataset transformers (imputation, coalescing) → encoder → matrix transformers
 * (rescaling, feature preprocessing) → model. Fitting happens on training rows only; predicting
 * applies every step unchanged. The saved form lists each step's saved state in order.
 */
import type { Dataset, Target, Task } from '../data/dataset.ts';
import type { FeatureMatrix } from './matrix.ts';
import type { Model, SavedModel } from './model.ts';
import type { DatasetTransformer, Encoder, FitTarget, MatrixTransformer, SavedTransformer } from './transformer.ts';
import type { Prediction } from '../metrics/prediction.ts';
import { AutoMLError } from '../util/errors.ts';
import { applyPriorShift, priorShiftOf } from './prior-shift.ts';
import { modelObserverFor, type ValidationWatch } from './pipeline-checkpoints.ts';

export interface PipelineSteps {
  readonly datasetSteps: readonly DatasetTransformer[];
  readonly encoder: Encoder;
  readonly matrixSteps: readonly MatrixTransformer[];
  readonly model: Model;
}

export interface SavedPipeline {
  readonly datasetSteps: SavedTransformer[];
  readonly encoder: SavedTransformer;
  readonly matrixSteps: SavedTransformer[];
  readonly model: SavedModel;
  /** Classifier fitted with class-reweighting sample weights: the factors back to the real prior (prior-shift.ts). */
  readonly priorShift?: number[];
}

export function fitTargetOf(target: Target): FitTarget {
  return target.kind === 'classification'
    ? { kind: 'classification', codes: target.codes, nClasses: target.classes.length }
    : { kind: 'regression', values: target.values };
}

export class Pipeline {
  /**
   * Set by `fit` when sample weights changed the class balance the model learnt: predicted
   * probabilities are moved back to the training rows' prior, so they estimate the real ones.
   */
  private priorShift: Float64Array | undefined;

  constructor(readonly steps: PipelineSteps, priorShift?: Float64Array) {
    this.priorShift = priorShift;
  }

  /**
   * Fits every step in order on the given rows and returns this pipeline. With `watch`, an
   * iterative model reports its checkpoints as predictions on the watch's rows and may be ended
   * early by it (pipeline-checkpoints.ts); the pipeline then holds the model as it was there.
   */
  fit(data: Dataset, target: Target, sampleWeight?: Float64Array, watch?: ValidationWatch): this {
    const fitTarget = fitTargetOf(target);
    let current = data;
    for (const step of this.steps.datasetSteps) {
      step.fit(current, fitTarget);
      current = step.transform(current);
    }
    this.steps.encoder.fit(current, fitTarget);
    let matrix: FeatureMatrix = this.steps.encoder.transform(current);
    for (const step of this.steps.matrixSteps) {
      step.fit(matrix, fitTarget);
      matrix = step.transform(matrix);
    }
    const model = this.steps.model;
    if (model.task === 'classification') {
      if (target.kind !== 'classification') throw new AutoMLError('INTERNAL', 'classifier given a regression target');
      const priorShift = priorShiftOf(target.codes, target.classes.length, sampleWeight);
      const observer = watch === undefined ? undefined : modelObserverFor(watch, (rows) => this.transform(rows), priorShift);
      model.fit(matrix, target.codes, target.classes.length, sampleWeight, observer);
      this.priorShift = priorShift;
    } else {
      if (target.kind !== 'regression') throw new AutoMLError('INTERNAL', 'regressor given a classification target');
      const observer = watch === undefined ? undefined : modelObserverFor(watch, (rows) => this.transform(rows), undefined);
      model.fit(matrix, target.values, sampleWeight, observer);
    }
    return this;
  }

  /** The numeric matrix the model sees for these rows. */
  transform(data: Dataset): FeatureMatrix {
    let current = data;
    for (const step of this.steps.datasetSteps) current = step.transform(current);
    let matrix = this.steps.encoder.transform(current);
    for (const step of this.steps.matrixSteps) matrix = step.transform(matrix);
    return matrix;
  }

  predict(data: Dataset): Prediction {
    const matrix = this.transform(data);
    const model = this.steps.model;
    if (model.task !== 'classification') return { kind: 'regression', values: model.predict(matrix) };
    const proba = model.predictProba(matrix);
    if (this.priorShift !== undefined) applyPriorShift(proba, this.priorShift);
    return { kind: 'classification', proba };
  }

  toJSON(): SavedPipeline {
    return {
      datasetSteps: this.steps.datasetSteps.map((s) => s.toJSON()),
      encoder: this.steps.encoder.toJSON(),
      matrixSteps: this.steps.matrixSteps.map((s) => s.toJSON()),
      model: this.steps.model.toJSON(),
      ...(this.priorShift === undefined ? {} : { priorShift: Array.from(this.priorShift) }),
    };
  }
}

export function taskMatchesModel(task: Task, model: Model): boolean {
  return (task === 'regression') === (model.task === 'regression');
}
