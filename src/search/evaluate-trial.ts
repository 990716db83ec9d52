/**
 * Fits one configuration on each training part and scores its predictions on the validation
 * rows (out-of-fold under cross-validation). Any failure becomes a CRASHED outcome with the worst
 * cost; nothing thrown here escapes to the search loop.
 */
import type { Dataset, Target } from '../data/dataset.ts';
import type { Configuration } from '../space/index.ts';
import type { Scorer } from '../metrics/scorers.ts';
import { scoreToCost } from '../metrics/scorers.ts';
import type { Prediction, Truth } from '../metrics/prediction.ts';
import { instantiatePipeline } from '../components/registry.ts';
import type { ComponentContext } from '../components/component.ts';
import { sampleWeightsFor } from '../components/balancing-weights.ts';
import { errorMessage } from '../util/errors.ts';
import { nowSeconds } from '../util/clock.ts';
import type { TrialStatus } from './trial.ts';
import type { Resampling } from './resampling.ts';
import type { TrialSetup } from './runner/trial-runner.ts';
import { applyFidelity } from './fidelity/apply-fidelity.ts';
import type { CheckpointReport } from './early-stopping/checkpoint-report.ts';
import { trialCheckpointsFor } from './early-stopping/trial-checkpoints.ts';

export interface LabelledPart {
  readonly features: Dataset;
  readonly target: Target;
}

export interface EvaluationData {
  readonly resampling: Resampling;
  readonly scorer: Scorer;
  readonly context: ComponentContext;
}

export interface TrialOutcome {
  readonly status: TrialStatus;
  readonly cost: number;
  readonly score: number | null;
  readonly fitSeconds: number;
  readonly error?: string;
  /** Predictions on the scored rows of a successful trial (kept for ensembles). */
  readonly validPrediction?: Prediction;
  /**
   * Under cross-validation, the score of each fold's validation rows alone (the metric's natural
   * direction): their spread measures how noisy `score` is (see search/termination).
   */
  readonly foldScores?: readonly number[];
  /** The queue worker (`host:pid`) that ran the trial; absent for trials run in this process's workers. */
  readonly worker?: string;
  /** Under the median stopping rule: validation costs at the checkpoints, and where the rule stopped the trial. */
  readonly checkpoints?: CheckpointReport;
}

export function truthOf(target: Target): Truth {
  return target.kind === 'classification'
    ? { kind: 'classification', codes: target.codes, nClasses: target.classes.length }
    : { kind: 'regression', values: target.values };
}

/** An empty prediction for every row of `target`, filled fold by fold. */
export function emptyPrediction(target: Target): Prediction {
  if (target.kind === 'regression') return { kind: 'regression', values: new Float64Array(target.values.length) };
  const nRows = target.codes.length;
  const nClasses = target.classes.length;
  return { kind: 'classification', proba: { nRows, nClasses, data: new Float64Array(nRows * nClasses) } };
}

/** Writes the rows of `from` to the rows `positions` of `into`. */
export function place(into: Prediction, from: Prediction, positions: Int32Array): void {
  if (into.kind === 'regression' && from.kind === 'regression') {
    for (let i = 0; i < positions.length; i++) into.values[positions[i]!] = from.values[i]!;
  } else if (into.kind === 'classification' && from.kind === 'classification') {
    const k = into.proba.nClasses;
    for (let i = 0; i < positions.length; i++) into.proba.data.set(from.proba.data.subarray(i * k, (i + 1) * k), positions[i]! * k);
  }
}

export function evaluateTrial(config: Configuration, data: EvaluationData, seed: number, setup?: TrialSetup): TrialOutcome {
  const start = nowSeconds();
  const { scorer, context } = data;
  try {
    // Below full fidelity: fewer training rows or iterations (search/fidelity); the scored rows stay.
    const { config: fitted, resampling } = applyFidelity(config, data.resampling, setup?.fidelity);
    const prediction = emptyPrediction(resampling.scoredTarget);
    const foldScores: number[] = [];
    // Median stopping rule (search/early-stopping): the first part's fit is watched and may stop the trial.
    const checkpoints = trialCheckpointsFor(setup, scorer, resampling);
    for (const fold of resampling.folds) {
      const { pipeline, balancing } = instantiatePipeline(fitted, context, seed);
      pipeline.fit(fold.train.features, fold.train.target, sampleWeightsFor(fold.train.target, balancing), checkpoints?.watchFor(fold));
      if (checkpoints?.stopped === true) return checkpoints.stoppedOutcome(start, resampling.folds.length);
      const foldPrediction = pipeline.predict(fold.valid.features);
      checkpoints?.partFinished(foldPrediction);
      place(prediction, foldPrediction, fold.scoredPositions);
      if (resampling.strategy === 'cv') foldScores.push(scorer.score(truthOf(fold.valid.target), foldPrediction));
    }
    const score = scorer.score(truthOf(resampling.scoredTarget), prediction);
    const cost = scoreToCost(scorer, score);
    if (!Number.isFinite(cost)) {
      return { status: 'CRASHED', cost: Infinity, score: null, fitSeconds: nowSeconds() - start, error: `non-finite ${scorer.name}` };
    }
    return { status: 'SUCCESS', cost, score, fitSeconds: nowSeconds() - start, validPrediction: prediction, ...(foldScores.length > 0 ? { foldScores } : {}), ...checkpoints?.report() };
  } catch (error) {
    return { status: 'CRASHED', cost: Infinity, score: null, fitSeconds: nowSeconds() - start, error: errorMessage(error) };
  }
}
