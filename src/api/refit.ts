/**
 * Final models, two ways (`finalModels`):
 * - 'refit': every selected pipeline is refitted on all training rows (not the folds or the
 *   training part of the holdout), so the deployed model has seen every labelled row.
 * - 'cv-average' (cross-validation only): a member is the trial's k fold pipelines, each fitted on
 *   its fold's training rows with the trial's seed (so exactly the models whose out-of-fold
 *   predictions the ensemble was selected on, rebuilt here rather than shipped from the workers),
 *   and its prediction is their mean.
 * - 'part': a trial's own model, rebuilt with its seed on the training rows it was validated with
 *   (what a short budget deploys, see budget-deployment.ts).
 * A member that fails is dropped and the remaining weights are renormalised; if all fail, the
 * next best single trials are tried. Given a deadline, members not yet built when it passes are
 * left out (the first is always built).
 */
import type { Dataset, LabelledDataset, Target } from '../data/dataset.ts';
import type { SavedPipeline } from '../components/pipeline.ts';
import type { ComponentContext } from '../components/component.ts';
import { instantiatePipeline } from '../components/registry.ts';
import { sampleWeightsFor } from '../components/balancing-weights.ts';
import type { ArtifactMember } from '../export/artifact.ts';
import type { TrialRecord } from '../search/trial.ts';
import { AutoMLError, errorMessage } from '../util/errors.ts';
import type { Logger } from '../util/log.ts';
import { nowSeconds } from '../util/clock.ts';

export interface WeightedTrial {
  readonly trial: TrialRecord;
  readonly weight: number;
}

/** How many next-best single trials to try when every selected member fails to refit. */
const FALLBACK_TRIALS = 5;

export type FinalModels = 'refit' | 'cv-average';

/** Rows a final pipeline is fitted on, and the context its components are built with. */
export interface FitPart {
  readonly features: Dataset;
  readonly target: Target;
}

/** How the final members are built: all rows once, each fold's training rows, or one training part. */
export type FinalFit =
  | { readonly kind: 'refit'; readonly data: LabelledDataset; readonly context: ComponentContext }
  | { readonly kind: 'cv-average'; readonly folds: readonly FitPart[]; readonly context: ComponentContext }
  | { readonly kind: 'part'; readonly part: FitPart; readonly context: ComponentContext };

function fitPipeline(part: FitPart, context: ComponentContext, trial: TrialRecord): SavedPipeline {
  const { pipeline, balancing } = instantiatePipeline(trial.config, context, trial.seed);
  pipeline.fit(part.features, part.target, sampleWeightsFor(part.target, balancing));
  return pipeline.toJSON();
}

function buildMember(final: FinalFit, trial: TrialRecord, weight: number): ArtifactMember {
  const base = { trialId: trial.id, weight, algorithm: trial.algorithm, config: trial.config };
  if (final.kind === 'refit') return { ...base, pipeline: fitPipeline(final.data, final.context, trial) };
  if (final.kind === 'part') return { ...base, pipeline: fitPipeline(final.part, final.context, trial) };
  return { ...base, foldPipelines: final.folds.map((fold) => fitPipeline(fold, final.context, trial)) };
}

export function refitMembers(
  final: FinalFit,
  selected: readonly WeightedTrial[],
  successful: readonly TrialRecord[],
  logger: Logger,
): ArtifactMember[] {
  return refitWithin(final, selected, successful, logger, Infinity).members;
}

export interface RefitResult {
  readonly members: ArtifactMember[];
  /** Members left out because the deadline had passed before their turn. */
  readonly leftOut: number;
}

/** refitMembers, leaving out the members whose turn comes after `stopAt` (nowSeconds()). */
export function refitWithin(
  final: FinalFit,
  selected: readonly WeightedTrial[],
  successful: readonly TrialRecord[],
  logger: Logger,
  stopAt: number,
): RefitResult {
  const rows = final.kind === 'refit' ? 'all rows' : final.kind === 'part' ? 'its training part' : 'the folds';
  const members: ArtifactMember[] = [];
  let leftOut = 0;
  for (const { trial, weight } of selected) {
    if (members.length > 0 && nowSeconds() > stopAt) {
      leftOut++;
      continue;
    }
    try {
      members.push(buildMember(final, trial, weight));
    } catch (error) {
      logger.warn(`fitting trial ${trial.id} (${trial.algorithm}) on ${rows} failed: ${errorMessage(error)}; it is left out`);
    }
  }
  if (leftOut > 0) logger.warn(`the member fits ran past their time; ${leftOut} of ${selected.length} members were left out`);
  if (members.length > 0) {
    const total = members.reduce((sum, m) => sum + m.weight, 0);
    return { members: members.map((m) => ({ ...m, weight: m.weight / total })), leftOut };
  }
  let lastError: unknown;
  const tried = new Set(selected.map((s) => s.trial.id));
  for (const trial of [...successful].sort((a, b) => a.cost - b.cost || a.id - b.id).filter((t) => !tried.has(t.id)).slice(0, FALLBACK_TRIALS)) {
    try {
      return { members: [buildMember(final, trial, 1)], leftOut };
    } catch (error) {
      lastError = error;
    }
  }
  throw new AutoMLError('NO_SUCCESSFUL_TRIAL', `fitting the selected pipelines on ${rows} failed: ${errorMessage(lastError)}`);
}
