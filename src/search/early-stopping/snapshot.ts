/**
 * What a trial needs to apply the median stopping rule where it runs (a worker thread or a queue
 * worker, away from the search): the checkpoints at which it reports its validation cost and the
 * median cost of earlier trials at each, as known when the trial was launched.
 */
export interface StoppingSnapshot {
  /** Shares of the learner's iterations, ascending, at which the trial reports its validation cost. */
  readonly checkpoints: readonly number[];
  /** Median validation cost (lower is better) of earlier comparable trials at each checkpoint; null while too few to judge. */
  readonly medians: readonly (number | null)[];
}
