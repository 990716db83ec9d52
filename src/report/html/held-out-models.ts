/**
 * The final ensemble rebuilt so that every scored row is predicted by models that never saw it:
 * for each validation fold (the holdout part, or each cross-validation fold) the deployed members
 * (same configurations, seeds, fitting context and weights) are fitted on that fold's training
 * rows only. Under the trial seeds these are exactly the pipelines whose out-of-sample
 * predictions the ensemble was selected on. Diagnostics of the final model measured on rows it
 * was trained on reward memorisation; these do not.
 */
import type { Task } from '../../data/dataset.ts';
import { componentContextFor } from '../../components/registry.ts';
import { refitMembers } from '../../api/refit.ts';
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

/**
 * Fits the held-out ensembles fold by fold until `deadline` (one fold at least, however long it
 * takes); a fold whose members all fail to fit is skipped.
 */
export function fitHeldOutModels(
  model: AutoMLModel,
  /** Trial records of (at least) the deployed members. */
  trials: readonly TrialRecord[],
  resampling: Resampling,
  task: Task,
  deadline: number,
): HeldOutFold[] {
  const byId = new Map(trials.map((t) => [t.id, t]));
  const weighted = model.artifact.members.flatMap((member) => {
    const trial = byId.get(member.trialId);
    return trial === undefined ? [] : [{ trial, weight: member.weight }];
  });
  if (weighted.length === 0) return [];
  // The context the trials were evaluated with (evaluationData in fit.ts), so the refits match them.
  const context = componentContextFor(resampling.folds[0]!.train.features, task);
  const folds: HeldOutFold[] = [];
  for (const fold of resampling.folds) {
    if (folds.length > 0 && nowSeconds() > deadline) break;
    try {
      const members = refitMembers({ kind: 'cv-average', folds: [fold.train], context }, weighted, [], silentLogger);
      folds.push({ model: new AutoMLModel({ ...model.artifact, members }), scoredPositions: fold.scoredPositions });
    } catch {
      // Every member failed on this fold's rows: the other folds still measure.
    }
  }
  return folds;
}
