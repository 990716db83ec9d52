/**
 * The median stopping rule on the search's side: it records each finished trial's checkpoint
 * costs per algorithm and gives every launch a snapshot of the medians to judge itself by
 * (trial-checkpoints.ts applies it where the trial runs).
 *
 * Rules of the medians:
 * - Only trials of the same algorithm are compared: a forest and a network at a quarter of their
 *   iterations are at different points of different curves.
 * - A checkpoint is judged only once at least `minTrials` earlier trials count there (default 5):
 *   with fewer, the median is one or two early trials, often the meta-learned starting points, and
 *   a good configuration would be stopped on noise.
 * - A trial stopped at an earlier checkpoint counts as worse than every trial that went on: it was
 *   worse than the median when it stopped. Leaving it out would compute the later medians over the
 *   survivors only, and the rule would grow stricter at every checkpoint (stopping about half of
 *   the trials left each time, like successive halving) instead of stopping trials that are worse
 *   than a typical one.
 */
import type { TrialOutcome } from '../evaluate-trial.ts';
import type { TrialRecord } from '../trial.ts';
import type { CheckpointReport } from './checkpoint-report.ts';
import { medianOf } from './median.ts';
import type { StoppingSnapshot } from './snapshot.ts';

/**
 * Shares of the iterations at which trials report: each doubles the work before it, so a trial
 * stopped at the first saves 7/8 of its fit; past a half, a stop saves less than the trial has
 * already cost. An eighth is also as early as the partial models still rank configurations: a
 * forest of 12 trees, a network after 25 of 200 epochs.
 */
export const DEFAULT_CHECKPOINTS: readonly number[] = [1 / 8, 1 / 4, 1 / 2];

/** Earlier trials of an algorithm that must count at a checkpoint before it is judged. */
export const DEFAULT_MIN_TRIALS = 5;

export interface MedianStoppingOptions {
  readonly checkpoints?: readonly number[];
  readonly minTrials?: number;
}

interface Observed {
  readonly id: number;
  readonly report: CheckpointReport;
}

export interface EarlyStoppingTally {
  /** Trials the rule stopped. */
  readonly stopped: number;
  /**
   * Evaluation time the stopped trials did not spend: for each, the smaller of its own
   * extrapolation (CheckpointReport) and the median fit time of the algorithm's trials that ran to
   * their end, less the time it spent. The extrapolation alone assumes every fit would have run all
   * its iterations; the median corrects for learners that usually end sooner on their own.
   */
  readonly savedSecondsEstimate: number;
}

export class MedianStoppingRule {
  readonly checkpoints: readonly number[];
  readonly minTrials: number;
  private readonly byAlgorithm = new Map<string, Observed[]>();
  /** Fit seconds of the trials that ran to their end, per algorithm. */
  private readonly completedSeconds = new Map<string, number[]>();
  private stopped = 0;
  private savedSeconds = 0;

  constructor(options: MedianStoppingOptions = {}) {
    const checkpoints = options.checkpoints ?? DEFAULT_CHECKPOINTS;
    const ascending = checkpoints.every((share, i) => share > 0 && share < 1 && (i === 0 || share > checkpoints[i - 1]!));
    if (checkpoints.length === 0 || !ascending) throw new RangeError(`checkpoints must be ascending shares in (0, 1), got ${JSON.stringify(checkpoints)}`);
    const minTrials = options.minTrials ?? DEFAULT_MIN_TRIALS;
    if (!Number.isInteger(minTrials) || minTrials < 1) throw new RangeError(`minTrials must be a positive integer, got ${minTrials}`);
    this.checkpoints = [...checkpoints];
    this.minTrials = minTrials;
  }

  /**
   * What a trial of `algorithm` launched now is judged by. `knownThroughId` limits the history to
   * trials with ids up to it: a run with a trial limit passes the last id its optimiser knows, so
   * that the snapshot, like the proposal, does not depend on which trial happened to finish first.
   */
  snapshot(algorithm: string, knownThroughId = Infinity): StoppingSnapshot {
    const history = (this.byAlgorithm.get(algorithm) ?? []).filter((trial) => trial.id <= knownThroughId);
    const medians = this.checkpoints.map((share) => {
      const costs: number[] = [];
      for (const { report } of history) {
        const cost = report.costs.find((c) => c.share === share)?.cost;
        if (cost !== undefined) costs.push(cost);
        else if (report.stoppedAt !== undefined && report.stoppedAt < share) costs.push(Infinity);
      }
      return costs.length >= this.minTrials ? medianOf(costs) : null;
    });
    return { checkpoints: this.checkpoints, medians };
  }

  /** Records a finished trial's checkpoint costs (a trial without any, e.g. one that crashed, adds nothing). */
  observe(trial: Pick<TrialRecord, 'id' | 'algorithm'>, outcome: Pick<TrialOutcome, 'status' | 'fitSeconds' | 'checkpoints'>): void {
    const report = outcome.checkpoints;
    if (report === undefined) return;
    let history = this.byAlgorithm.get(trial.algorithm);
    if (history === undefined) this.byAlgorithm.set(trial.algorithm, (history = []));
    history.push({ id: trial.id, report });
    if (report.stoppedAt === undefined) {
      if (outcome.status !== 'SUCCESS') return;
      let seconds = this.completedSeconds.get(trial.algorithm);
      if (seconds === undefined) this.completedSeconds.set(trial.algorithm, (seconds = []));
      seconds.push(outcome.fitSeconds);
      return;
    }
    this.stopped++;
    const extrapolated = report.savedSecondsEstimate ?? 0;
    const typical = medianOf(this.completedSeconds.get(trial.algorithm) ?? []);
    this.savedSeconds += typical === null ? extrapolated : Math.min(extrapolated, Math.max(0, typical - outcome.fitSeconds));
  }

  tally(): EarlyStoppingTally {
    return { stopped: this.stopped, savedSecondsEstimate: this.savedSeconds };
  }
}
