/**
 * The final ensemble rebuilt so that every scored row is predicted by models that never saw it:
 * for each validation fold (the holdout part, or each cross-validation fold) the deployed members
 * (same configurations, seeds, fitting context and weights) fitted on that fold's training rows
 * only. Under the trial seeds these are exactly the pipelines whose out-of-sample predictions the
 * ensemble was selected on. Diagnostics of the final model measured on rows it was trained on
 * reward memorisation; these do not.
 *
 * Members made of fold pipelines ('cv-average' final models) already are these models and are
 * reused. Otherwise the members are refitted within a time allowance, planned from the fit times
 * the search measured: the heaviest members first, as many as fit, then as many folds as fit.
 */
import type { Task } from '../../data/dataset.ts';
import { componentContextFor } from '../../components/registry.ts';
import { refitMembers, type WeightedTrial } from '../../api/refit.ts';
import type { ArtifactMember, FoldAveragedMember } from '../../export/artifact.ts';
import { AutoMLModel } from '../../export/model.ts';
import type { Resampling } from '../../search/resampling.ts';
import type { TrialRecord } from '../../search/trial.ts';
import { nowSeconds } from '../../util/clock.ts';
import { silentLogger } from '../../util/log.ts';

export interface HeldOutFold {
  /** The ensemble fitted without this fold's validation rows. */
  readonly model: AutoMLModel;
  /** This fold's validation rows, as positions among the scored rows. */
  readonly scoredPositions: Int32Array;
}

export type HeldOutModels =
  | {
      readonly kind: 'models';
      readonly folds: readonly HeldOutFold[];
      /** Members in each held-out ensemble (the heaviest ones), of `deployedMembers`. */
      readonly members: number;
      readonly deployedMembers: number;
      /** Share of the deployed ensemble weight those members carry (they are renormalised). */
      readonly weightShare: number;
      /** False when the deployed fold pipelines were reused, true when members were refitted. */
      readonly refitted: boolean;
    }
  | { readonly kind: 'unavailable'; readonly reason: string };

/** The deployed fold pipelines as k ensembles, when every member is made of one pipeline per fold. */
function reuseFoldPipelines(model: AutoMLModel, resampling: Resampling): HeldOutFold[] | null {
  const { members } = model.artifact;
  const nFolds = resampling.folds.length;
  const foldAveraged = members.filter((m): m is FoldAveragedMember => 'foldPipelines' in m && m.foldPipelines.length === nFolds);
  if (foldAveraged.length !== members.length) return null;
  return resampling.folds.map((fold, k) => {
    const foldMembers: ArtifactMember[] = foldAveraged.map(({ foldPipelines, ...base }) => ({ ...base, pipeline: foldPipelines[k]! }));
    return { model: new AutoMLModel({ ...model.artifact, members: foldMembers }), scoredPositions: fold.scoredPositions };
  });
}

/** A member's fit on one fold's training rows, as the search timed it (its time over all folds). */
function foldSeconds(trial: TrialRecord, nFolds: number): number {
  return Number.isFinite(trial.fitSeconds) && trial.fitSeconds > 0 ? trial.fitSeconds / nFolds : 0;
}

/**
 * The held-out ensembles: reused fold pipelines, or refits planned to end by `started + allowance`
 * (the heaviest members whose summed per-fold fit time fits, then the folds that fit after them).
 */
export function heldOutModels(
  model: AutoMLModel,
  /** Trial records of (at least) the deployed members. */
  trials: readonly TrialRecord[],
  resampling: Resampling,
  task: Task,
  started: number,
  allowance: number,
): HeldOutModels {
  const deployedMembers = model.artifact.members.length;
  const reused = reuseFoldPipelines(model, resampling);
  if (reused !== null) return { kind: 'models', folds: reused, members: deployedMembers, deployedMembers, weightShare: 1, refitted: false };

  const nFolds = resampling.folds.length;
  const byId = new Map(trials.map((t) => [t.id, t]));
  const weighted: WeightedTrial[] = model.artifact.members
    .flatMap((member) => {
      const trial = byId.get(member.trialId);
      return trial === undefined ? [] : [{ trial, weight: member.weight }];
    })
    .sort((a, b) => b.weight - a.weight || a.trial.id - b.trial.id);
  if (weighted.length === 0) return { kind: 'unavailable', reason: 'the trials of the ensemble members are not known' };
  const admitted: WeightedTrial[] = [];
  let perFold = 0;
  for (const member of weighted) {
    const seconds = foldSeconds(member.trial, nFolds);
    if (perFold + seconds > allowance) break;
    admitted.push(member);
    perFold += seconds;
  }
  if (admitted.length === 0) {
    const seconds = foldSeconds(weighted[0]!.trial, nFolds);
    return {
      kind: 'unavailable',
      reason: `refitting the heaviest member on a training part takes about ${seconds.toFixed(1)} s, more than the ${allowance.toFixed(1)} s allowed (raise the time budget)`,
    };
  }
  // The context the trials were evaluated with (evaluationData in fit.ts), so the refits match them.
  const context = componentContextFor(resampling.folds[0]!.train.features, task);
  const folds: HeldOutFold[] = [];
  for (const fold of resampling.folds) {
    if (nowSeconds() + perFold > started + allowance) break;
    try {
      const members = refitMembers({ kind: 'cv-average', folds: [fold.train], context }, admitted, [], silentLogger);
      folds.push({ model: new AutoMLModel({ ...model.artifact, members }), scoredPositions: fold.scoredPositions });
    } catch {
      // Every member failed on this fold's rows: the other folds still measure.
    }
  }
  if (folds.length === 0) return { kind: 'unavailable', reason: 'no training part could be refitted in the time allowed' };
  const weightShare = admitted.reduce((sum, m) => sum + m.weight, 0);
  return { kind: 'models', folds, members: admitted.length, deployedMembers, weightShare, refitted: true };
}
