/**
 * Which trials may become part of what a fit delivers: the ensemble, the best pipeline, the stored
 * predictions, a refit, the metadata's configurations. A trial below full fidelity (or stopped
 * early) measured its configuration on fewer rows or iterations than the final model gets, so its
 * cost ranks configurations within its rung but is no estimate of the deployed model's: it stays
 * in the logs and the leaderboard, never in the result.
 */
import type { TrialRecord } from '../trial.ts';
import { isFullFidelity } from './fidelity.ts';

export function isFinalCandidate(trial: Pick<TrialRecord, 'status' | 'fidelity'>): boolean {
  return trial.status === 'SUCCESS' && isFullFidelity(trial);
}
