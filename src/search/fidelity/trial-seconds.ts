/**
 * How long a trial below full fidelity may run, from the limit of a full trial.
 *
 * A trial's cost shrinks far less than its share: the validation rows are never subsampled (so
 * predicting them costs the same), starting a worker, preprocessing and encoding do not shrink
 * with the iterations, and some learners converge more slowly on fewer rows. Measured in one
 * process on mlc_churn (holdout, 3350 training rows), fit seconds in full and at a ninth:
 * gradient boosting 1.46 and 0.17 (rounds), extra trees 1.17 and 0.14 (trees), but logistic
 * regression 8.13 and 2.72 (rows), k-nearest neighbours 0.33 and 0.16 (rows). A limit of the
 * share (with any small margin) would cut such trials short although their full versions fit,
 * and a trial stopped at its limit also costs the restart of its worker (several seconds on large
 * data). So a lower rung gets LOW_FIDELITY_TIME_MARGIN × its share of the full limit, at least
 * LOW_FIDELITY_LIMIT_FLOOR of it and at most all of it, never below a second (thread start-up
 * and JIT warm-up): a configuration that overruns a low rung is still stopped for a fraction
 * of what it would have cost in full.
 */
import { MIN_SECONDS } from '../trial-time-limit.ts';
import { FULL_SHARE } from './fidelity.ts';

/** Room above the proportional share of the full limit. */
export const LOW_FIDELITY_TIME_MARGIN = 2;
/** The least share of the full limit a lower rung gets. */
export const LOW_FIDELITY_LIMIT_FLOOR = 1 / 2;

/** Seconds a trial at `share` may take when a full one may take `fullSeconds`. */
export function trialSecondsAt(fullSeconds: number, share: number): number {
  if (share >= FULL_SHARE) return fullSeconds;
  const part = Math.min(1, Math.max(LOW_FIDELITY_LIMIT_FLOOR, LOW_FIDELITY_TIME_MARGIN * share));
  return Math.min(fullSeconds, Math.max(MIN_SECONDS, fullSeconds * part));
}

/**
 * A fit time measured at `share`, as the full-fidelity time it stands for: divided by the share,
 * an upper estimate (the part of the cost that does not shrink with the share is scaled up too),
 * so that limits adapted to it err on the generous side.
 */
export function fullSecondsOf(fitSeconds: number, share: number): number {
  return share >= FULL_SHARE || !(share > 0) ? fitSeconds : fitSeconds / share;
}
