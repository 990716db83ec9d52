/**
 * What a run that continues a parent (warm start from an earlier run on the same data, metric
 * and space) takes over from it beyond the optimiser's observations: when the parent was
 * validated on the same rows, its trials compete with the new ones for the final model and its
 * stored out-of-sample predictions join the ensemble, so an interrupted search resumed with
 * little budget still deploys the best pipeline found overall.
 */
import type { WarmStartPlan } from '../metalearning/warm-start.ts';
import type { Prediction } from '../metrics/prediction.ts';
import { readStoredPrediction, storedPredictionIds } from '../search/prediction-store.ts';
import type { TrialRecord } from '../search/trial.ts';
import { isFinalCandidate } from '../search/fidelity/final-candidate.ts';
import { errorMessage } from '../util/errors.ts';
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
  // Only the parent's best trials (its `ensembleNbest`) kept a prediction file; the others
  // simply cannot join the ensemble.
  const stored = new Set(storedPredictionIds(parent.directory));
  const predictions: { id: number; cost: number; prediction: Prediction }[] = [];
  for (const trial of parent.trials) {
    if (!isFinalCandidate(trial) || !stored.has(trial.id)) continue;
    const read = readParentPrediction(parent.directory, trial.id, logger);
    if (read !== null) predictions.push({ id: trial.id, cost: trial.cost, prediction: read });
  }
  logger.info(`continuing: ${predictions.length} stored predictions of earlier trials join the ensemble candidates`);
  return { trials: parent.trials, predictions, firstTrialId };
}

/** The prediction stored for the parent's trial `id`, or null (with a warning) when the file is damaged. */
function readParentPrediction(directory: string, id: number, logger: Logger): Prediction | null {
  let why: string;
  try {
    const stored = readStoredPrediction(directory, id);
    if (stored.trialId === id) return stored.prediction;
    why = `it holds trial ${stored.trialId}`;
  } catch (error) {
    why = errorMessage(error);
  }
  // A damaged file costs that trial its place in the ensemble, never the run.
  logger.warn(`the stored prediction of earlier trial ${id} is unreadable (${why}); it is left out`);
  return null;
}
