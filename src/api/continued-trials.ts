/**
 * What a run that continues a parent (warm start from an earlier run on the same data, metric
 * and space) takes over from it beyond the optimiser's observations: when the parent was
 * validated on the same rows, its trials compete with the new ones for the final model and its
 * stored out-of-sample predictions join the ensemble, so an interrupted search resumed with
 * little budget still deploys the best pipeline found overall.
 */
import type { WarmStartPlan } from '../metalearning/warm-start.ts';
import type { Prediction } from '../metrics/prediction.ts';
import { readStoredPrediction } from '../search/prediction-store.ts';
import type { TrialRecord } from '../search/trial.ts';
import type { Logger } from '../util/log.ts';

export interface ContinuedTrials {
  /** The parent's trials that compete for the final model (none when its splits differ). */
  readonly trials: readonly TrialRecord[];
  /** Stored out-of-sample predictions of those trials (the parent keeps its best n). */
  readonly predictions: readonly { readonly id: number; readonly cost: number; readonly prediction: Prediction }[];
  /** The new run's first trial id: after the parent's, so ids never collide. */
  readonly firstTrialId: number;
}

const NOTHING: ContinuedTrials = { trials: [], predictions: [], firstTrialId: 1 };

export function continuedTrials(plan: WarmStartPlan, logger: Logger): ContinuedTrials {
  const parent = plan.continues;
  if (parent === undefined) return NOTHING;
  const firstTrialId = parent.trials.reduce((max, t) => Math.max(max, t.id), 0) + 1;
  if (!parent.sameSplits) return { ...NOTHING, firstTrialId };
  const predictions: { id: number; cost: number; prediction: Prediction }[] = [];
  let unreadable = 0;
  for (const trial of parent.trials) {
    if (trial.status !== 'SUCCESS') continue;
    try {
      const stored = readStoredPrediction(parent.directory, trial.id);
      if (stored.trialId === trial.id) predictions.push({ id: trial.id, cost: trial.cost, prediction: stored.prediction });
    } catch {
      // Only the parent's best trials keep a prediction file; the others simply cannot join the ensemble.
      unreadable++;
    }
  }
  logger.info(`continuing: ${predictions.length} stored predictions of earlier trials join the ensemble candidates${unreadable > 0 ? ` (${unreadable} trials have none)` : ''}`);
  return { trials: parent.trials, predictions, firstTrialId };
}
