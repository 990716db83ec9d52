/**
 * The median stopping rule where a trial runs: the first training part (the first CV fold, or the
 * holdout's training rows) is fitted with a watch on its validation rows; at each checkpoint the
 * model so far is scored and compared with the snapshot's median there, and a trial worse than the
 * median stops at once with that partial result. A trial that passes its checkpoints runs its
 * remaining parts as usual.
 */
import type { Prediction } from '../../metrics/prediction.ts';
import type { Scorer } from '../../metrics/scorers.ts';
import { scoreToCost } from '../../metrics/scorers.ts';
import type { ValidationWatch } from '../../components/pipeline-checkpoints.ts';
import { nowSeconds } from '../../util/clock.ts';
import type { LabelledPart, TrialOutcome } from '../evaluate-trial.ts';
import { truthOf } from '../evaluate-trial.ts';
import { FULL_SHARE } from '../fidelity/fidelity.ts';
import type { Resampling } from '../resampling.ts';
import type { TrialSetup } from '../runner/trial-runner.ts';
import type { CheckpointCost, CheckpointReport } from './checkpoint-report.ts';
import type { StoppingSnapshot } from './snapshot.ts';

interface Stop {
  readonly share: number;
  readonly cost: number;
  readonly score: number;
}

export class TrialCheckpoints {
  private readonly costs: CheckpointCost[] = [];
  private watched = false;
  private firstPartStart = 0;
  private stop: Stop | undefined;
  private firstPart: LabelledPart | undefined;

  constructor(private readonly snapshot: StoppingSnapshot, private readonly scorer: Scorer) {}

  /** True once the rule has stopped the trial. */
  get stopped(): boolean {
    return this.stop !== undefined;
  }

  /**
   * The watch for a training part's fit: for the first part only (later parts, undefined, fit
   * unwatched). Call right before that fit: the time to the stop is measured from here.
   */
  watchFor(part: { readonly valid: LabelledPart }): ValidationWatch | undefined {
    if (this.watched) return undefined;
    this.watched = true;
    this.firstPart = part.valid;
    this.firstPartStart = nowSeconds();
    return {
      shares: this.snapshot.checkpoints,
      validation: part.valid.features,
      onCheckpoint: (share, prediction) => this.judge(share, prediction),
    };
  }

  /**
   * After a part's fit ran to its end, with its predictions on its validation rows: for the first
   * part, the final model is the model at every checkpoint its fit never reached (it ended on its
   * own, or the learner reports no checkpoints), so its cost stands for them in the medians.
   */
  partFinished(prediction: Prediction): void {
    const part = this.firstPart;
    if (part === undefined) return;
    this.firstPart = undefined;
    const reported = new Set(this.costs.map((c) => c.share));
    const missing = this.snapshot.checkpoints.filter((share) => !reported.has(share));
    if (missing.length === 0) return;
    const cost = scoreToCost(this.scorer, this.scorer.score(truthOf(part.target), prediction));
    if (!Number.isFinite(cost)) return;
    for (const share of missing) this.costs.push({ share, cost });
    this.costs.sort((a, b) => a.share - b.share);
  }

  /** The STOPPED outcome of a trial started at `trialStart` with `nParts` training parts. */
  stoppedOutcome(trialStart: number, nParts: number): TrialOutcome {
    const stop = this.stop;
    if (stop === undefined) throw new Error('stoppedOutcome: the trial was not stopped');
    const now = nowSeconds();
    const firstPartSeconds = now - this.firstPartStart;
    // The first part would have run 1/share times as long; every other part as long as that.
    const fullPartSeconds = firstPartSeconds / stop.share;
    const savedSecondsEstimate = fullPartSeconds - firstPartSeconds + (nParts - 1) * fullPartSeconds;
    return {
      status: 'STOPPED',
      cost: stop.cost,
      score: stop.score,
      fitSeconds: now - trialStart,
      checkpoints: { costs: [...this.costs], stoppedAt: stop.share, savedSecondsEstimate },
    };
  }

  /** The outcome's `checkpoints` field for a trial that ran to its end. */
  report(): { readonly checkpoints: CheckpointReport } {
    return { checkpoints: { costs: [...this.costs] } };
  }

  private judge(share: number, prediction: Prediction): boolean {
    const part = this.firstPart;
    const index = this.snapshot.checkpoints.indexOf(share);
    if (part === undefined || index < 0) return false;
    const score = this.scorer.score(truthOf(part.target), prediction);
    const cost = scoreToCost(this.scorer, score);
    // A partial model whose score is not a number says nothing either way: the fit goes on.
    if (!Number.isFinite(cost)) return false;
    this.costs.push({ share, cost });
    const median = this.snapshot.medians[index] ?? null;
    if (median === null || !(cost > median)) return false;
    this.stop = { share, cost, score };
    return true;
  }
}

/**
 * The checkpoints of a trial launched with a stopping snapshot, or undefined: without one, and
 * below full fidelity, where successive halving already decides how far a trial goes.
 */
export function trialCheckpointsFor(setup: TrialSetup | undefined, scorer: Scorer, resampling: Resampling): TrialCheckpoints | undefined {
  const snapshot = setup?.stopping;
  if (snapshot === undefined || resampling.folds.length === 0) return undefined;
  if (setup?.fidelity !== undefined && setup.fidelity.share < FULL_SHARE) return undefined;
  return new TrialCheckpoints(snapshot, scorer);
}
