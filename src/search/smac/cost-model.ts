/**
 * The second surrogate: a random forest on the same imputed configuration vectors as the cost
 * surrogate, predicting the log of a trial's fit time. Fit times of a CASH space span orders of
 * magnitude (a naive Bayes fit against a kernel SVM on the same data), and their ratios, not
 * their differences, are what a budget feels: hence the log.
 *
 * Failed trials teach it too: a TIMEOUT is told with the limit it hit as its time (search-loop.ts),
 * and the optimiser learns it at TIMEOUT_TIME_FACTOR × that limit (smac-optimizer.ts), so the region
 * around a configuration that overran is predicted to cost more than a trial may take. Results
 * learnt without a time (observe() of a parent run's trial without one) are given the median of
 * the known log times, which keeps them from pulling their region either way.
 */
import type { FeatureMatrix, RowMajorMatrix } from '../../components/matrix.ts';
import type { SmacSettings } from './defaults.ts';
import type { LeafCache } from './leaf-cache.ts';
import { Surrogate } from './surrogate.ts';

/** Fit times below this are timer noise: they are all treated as this fast. */
export const MIN_FIT_SECONDS = 0.01;
/**
 * Up to this many observations every tree is regrown at each refit: a tree kept from before the
 * first slow trials has no split that separates them, and its refreshed leaves would average
 * them away with the fast ones. Beyond it, the kept trees have seen nearly all the data and the
 * partial refit of the cost surrogate (`refit_fraction`) keeps the overhead per ask in check.
 */
const REGROW_ALL_BELOW = 100;

export class CostModel {
  private readonly forest: Surrogate;
  private fittedRows = -1;
  /** Which observations the last fit was on (the fidelity's share, see fidelity-levels.ts). */
  private fittedSource = Number.NaN;

  constructor(settings: SmacSettings, seed: number, choiceCounts: Int32Array) {
    // Only the mean is read (no uncertainty enters the time weighting), and fit times differ by
    // orders of magnitude between regions with little noise within one: leaves down to single
    // observations, with every split free to use any dimension, let a handful of slow trials
    // mark their region instead of being averaged away with the fast ones around them (a split
    // limited to a dimension the node's rows share stops the tree there). No bootstrap for the
    // same reason: a tree whose sample missed the one trial that timed out would predict its
    // neighbours fast, and about a third of the trees did, so one TIMEOUT learnt at twice its
    // limit read as half the limit and its neighbours kept being tried.
    this.forest = new Surrogate({ ...settings, min_samples_leaf: 1, min_samples_split: 2, max_features: 1, bootstrap: false }, seed, choiceCounts);
  }

  /** Whether the model has been fitted on at least one timed observation. */
  get ready(): boolean {
    return this.fittedRows > 0;
  }

  /**
   * Refits on the first `seconds.length` rows of `x` (the real observations, no fantasies)
   * unless it already was on that many of the same `source`. NaN seconds are unknown. False
   * when no time is known. A new source (the observations of another fidelity) regrows every
   * tree: the kept ones were grown on other rows.
   */
  fit(x: FeatureMatrix, seconds: readonly number[], source = 1): boolean {
    const rows = seconds.length;
    if (rows === this.fittedRows && source === this.fittedSource) return this.ready;
    const known = seconds.filter((s) => Number.isFinite(s)).map(logSeconds).sort((a, b) => a - b);
    if (known.length === 0) return false;
    const fallback = known[known.length >> 1]!;
    const y = Float64Array.from(seconds, (s) => (Number.isFinite(s) ? logSeconds(s) : fallback));
    const observed = x.nRows === rows ? x : { nRows: rows, columns: x.columns.map((column) => column.subarray(0, rows)) };
    this.forest.fit(observed, y, rows, rows < REGROW_ALL_BELOW || (this.fittedRows > 0 && source !== this.fittedSource));
    this.fittedRows = rows;
    this.fittedSource = source;
    return true;
  }

  /** Predicted log fit seconds per row; with a cache, of rows the cache follows (see leaf-cache.ts). */
  predictLogSeconds(x: RowMajorMatrix, cache?: LeafCache): Float64Array {
    return this.forest.predictRows(x, cache).mean;
  }
}

export function logSeconds(seconds: number): number {
  return Math.log(Math.max(MIN_FIT_SECONDS, seconds));
}
