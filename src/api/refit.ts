/**
 * Final models: every selected pipeline is refitted on all training rows (not the folds or the
 * training part of the holdout), so the deployed model has seen every labelled row. A member
 * whose refit fails is dropped and the remaining weights are renormalised; if all fail, the next
 * best single trials are tried.
 */
import type { LabelledDataset } from '../data/dataset.ts';
import type { ComponentContext } from '../components/component.ts';
import { instantiatePipeline } from '../components/registry.ts';
import { sampleWeightsFor } from '../components/balancing-weights.ts';
import type { ArtifactMember } from '../export/artifact.ts';
import type { TrialRecord } from '../search/trial.ts';
import { AutoMLError, errorMessage } from '../util/errors.ts';
import type { Logger } from '../util/log.ts';

export interface WeightedTrial {
  readonly trial: TrialRecord;
  readonly weight: number;
}

/** How many next-best single trials to try when every selected member fails to refit. */
const FALLBACK_TRIALS = 5;

function refitOne(labelled: LabelledDataset, context: ComponentContext, trial: TrialRecord, weight: number): ArtifactMember {
  const { pipeline, balancing } = instantiatePipeline(trial.config, context, trial.seed);
  pipeline.fit(labelled.features, labelled.target, sampleWeightsFor(labelled.target, balancing));
  return { trialId: trial.id, weight, algorithm: trial.algorithm, config: trial.config, pipeline: pipeline.toJSON() };
}

export function refitMembers(
  labelled: LabelledDataset,
  context: ComponentContext,
  selected: readonly WeightedTrial[],
  successful: readonly TrialRecord[],
  logger: Logger,
): ArtifactMember[] {
  const members: ArtifactMember[] = [];
  for (const { trial, weight } of selected) {
    try {
      members.push(refitOne(labelled, context, trial, weight));
    } catch (error) {
      logger.warn(`refitting trial ${trial.id} (${trial.algorithm}) on all rows failed: ${errorMessage(error)}; it is left out`);
    }
  }
  if (members.length > 0) {
    const total = members.reduce((sum, m) => sum + m.weight, 0);
    return members.map((m) => ({ ...m, weight: m.weight / total }));
  }
  let lastError: unknown;
  const tried = new Set(selected.map((s) => s.trial.id));
  for (const trial of [...successful].sort((a, b) => a.cost - b.cost || a.id - b.id).filter((t) => !tried.has(t.id)).slice(0, FALLBACK_TRIALS)) {
    try {
      return [refitOne(labelled, context, trial, 1)];
    } catch (error) {
      lastError = error;
    }
  }
  throw new AutoMLError('NO_SUCCESSFUL_TRIAL', `refitting the selected pipelines on all training rows failed: ${errorMessage(lastError)}`);
}
