/**
 * Fits one configuration on the training part and scores it on the validation part. Any failure
 * becomes a CRASHED outcome with the worst cost; nothing thrown here escapes to the search loop.
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

export interface LabelledPart {
  readonly features: Dataset;
  readonly target: Target;
}

export interface EvaluationData {
  readonly train: LabelledPart;
  readonly valid: LabelledPart;
  readonly scorer: Scorer;
  readonly context: ComponentContext;
}

export interface TrialOutcome {
  readonly status: TrialStatus;
  readonly cost: number;
  readonly score: number | null;
  readonly fitSeconds: number;
  readonly error?: string;
  /** Validation predictions of a successful trial (kept for ensembles). */
  readonly validPrediction?: Prediction;
}

export function truthOf(target: Target): Truth {
  return target.kind === 'classification'
    ? { kind: 'classification', codes: target.codes, nClasses: target.classes.length }
    : { kind: 'regression', values: target.values };
}

export function evaluateTrial(config: Configuration, data: EvaluationData, seed: number): TrialOutcome {
  const start = nowSeconds();
  try {
    const { pipeline, balancing } = instantiatePipeline(config, data.context, seed);
    pipeline.fit(data.train.features, data.train.target, sampleWeightsFor(data.train.target, balancing));
    const prediction = pipeline.predict(data.valid.features);
    const score = data.scorer.score(truthOf(data.valid.target), prediction);
    const cost = scoreToCost(data.scorer, score);
    if (!Number.isFinite(cost)) {
      return { status: 'CRASHED', cost: Infinity, score: null, fitSeconds: nowSeconds() - start, error: `non-finite ${data.scorer.name}` };
    }
    return { status: 'SUCCESS', cost, score, fitSeconds: nowSeconds() - start, validPrediction: prediction };
  } catch (error) {
    return { status: 'CRASHED', cost: Infinity, score: null, fitSeconds: nowSeconds() - start, error: errorMessage(error) };
  }
}
