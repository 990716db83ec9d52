/**
 * What a trial evaluated under the median stopping rule sends back with its outcome: its
 * validation cost at each checkpoint, so the search can update the medians, and whether the rule
 * stopped it. Plain data: it crosses worker threads and queues as it is.
 */

export interface CheckpointCost {
  /** Share of the learner's iterations. */
  readonly share: number;
  /** Validation cost (lower is better) of the model at that share, on the first training part's validation rows. */
  readonly cost: number;
}

export interface CheckpointReport {
  /** Ascending by share. A fit that ended on its own before a share reports its final model's cost there. */
  readonly costs: readonly CheckpointCost[];
  /** The share at which the rule stopped the trial; absent when it ran to the end. */
  readonly stoppedAt?: number;
  /**
   * For a stopped trial: seconds the rest of its evaluation would have taken, extrapolated from
   * the first part's time to the stop as if fit time grew in proportion to iterations (an upper
   * estimate: a learner's own early stopping may have ended the fit sooner).
   */
  readonly savedSecondsEstimate?: number;
}
