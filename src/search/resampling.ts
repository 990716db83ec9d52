/**
 * How trials are validated: a stratified holdout split, or k-fold cross-validation whose
 * out-of-fold predictions are scored together. 'auto' uses 5-fold CV on small training sets,
 * where a holdout part of a few dozen rows makes the search chase noise, and holdout elsewhere.
 *
 * Given the fit's time budget, 'auto' also sizes the first trial to a share of it, so that a fit
 * returns a model at every budget: the work of one trial is estimated from the training rows and
 * columns (see trialCells), cross-validation gives way to a holdout when its k fits would not fit
 * that share, and a holdout training part that alone would not fit is subsampled (stratified),
 * never below MIN_TRAINING_ROWS. The validation rows are never subsampled.
 */
import { createHash } from 'node:crypto';
import { takeRows, takeTargetRows, type Dataset, type Target } from '../data/dataset.ts';
import { holdoutSplit, kFoldSplits, type Split } from '../data/split.ts';
import { AutoMLError } from '../util/errors.ts';
import type { LabelledPart } from './evaluate-trial.ts';

export type ResamplingStrategy = 'auto' | 'holdout' | 'cv';

/** Training sets up to this many rows are cross-validated under 'auto'. */
export const AUTO_CV_MAX_ROWS = 2000;
export const DEFAULT_FOLDS = 5;
/**
 * Cells (rows × columns) one fit of the default configuration (gradient boosting) processes per
 * CPU second, measured on wide generated data (about 90 000 on 1340 × 500) and long public data
 * (about 240 000 on diamonds): the slower end, as a scale for the first trial, not any model's
 * cost.
 */
export const CELLS_PER_SECOND = 100_000;
/** Share of the time budget the first trial is sized to. */
export const FIRST_TRIAL_SHARE = 0.15;
/** A subsampled training part keeps at least this many rows: fewer make every score noise. */
export const MIN_TRAINING_ROWS = 300;

export interface Fold {
  readonly train: LabelledPart;
  readonly valid: LabelledPart;
  /** Position of each validation row in the scored rows (`scoredTarget`). */
  readonly scoredPositions: Int32Array;
}

export interface Resampling {
  readonly strategy: 'holdout' | 'cv';
  readonly folds: readonly Fold[];
  /** Target of every scored row: the holdout rows, or all rows under cross-validation. */
  readonly scoredTarget: Target;
  /**
   * Hash of the strategy and each fold's validation rows: two runs on the same data whose
   * splits hash alike scored their trials on the same rows, so their out-of-sample predictions
   * can be combined.
   */
  readonly splitsFingerprint: string;
  /** Set when the holdout training part was subsampled to fit the budget: rows kept of how many. */
  readonly subsample?: { readonly rows: number; readonly of: number };
}

export interface ResamplingOptions {
  readonly strategy: ResamplingStrategy;
  readonly folds: number;
  readonly holdoutFraction: number;
  readonly seed: number;
  /** Seconds of the whole fit; absent, 'auto' depends on the rows alone and nothing is subsampled. */
  readonly budgetSeconds?: number;
}

function part(features: Dataset, target: Target, rows: Int32Array): LabelledPart {
  return { features: takeRows(features, rows), target: takeTargetRows(target, rows) };
}

/** Estimated work of one fit on `rows` training rows of `columns` columns, in cells. */
export function trialCells(rows: number, columns: number): number {
  return rows * Math.max(1, columns);
}

/** Cells the first trial may take within its share of `budgetSeconds`. */
export function affordableCells(budgetSeconds: number): number {
  return CELLS_PER_SECOND * FIRST_TRIAL_SHARE * budgetSeconds;
}

/**
 * The strategy 'auto' stands for: cross-validation on small training sets whose k fits fit the
 * first trial's share of the budget (when one is given), a holdout otherwise.
 */
export function resolveStrategy(strategy: ResamplingStrategy, nRows: number, folds: number, columns = 1, budgetSeconds?: number): 'holdout' | 'cv' {
  if (strategy !== 'auto') return strategy;
  if (nRows > AUTO_CV_MAX_ROWS || nRows < 2 * folds) return 'holdout';
  if (budgetSeconds === undefined) return 'cv';
  const foldRows = Math.ceil((nRows * (folds - 1)) / folds);
  return folds * trialCells(foldRows, columns) <= affordableCells(budgetSeconds) ? 'cv' : 'holdout';
}

/**
 * Rows the holdout training part keeps under 'auto' with a budget: all of them when one fit on
 * them fits the first trial's share, else as many as do, but at least MIN_TRAINING_ROWS.
 */
export function trainingRowsFor(trainRows: number, columns: number, budgetSeconds: number): number {
  const affordable = Math.floor(affordableCells(budgetSeconds) / Math.max(1, columns));
  return Math.min(trainRows, Math.max(MIN_TRAINING_ROWS, affordable));
}

export function buildResampling(features: Dataset, target: Target, options: ResamplingOptions): Resampling {
  const columns = features.columns.length;
  const strategy = resolveStrategy(options.strategy, features.nRows, options.folds, columns, options.budgetSeconds);
  if (strategy === 'holdout') {
    const split = holdoutSplit(target, { testFraction: options.holdoutFraction, seed: options.seed });
    const valid = part(features, target, split.test);
    const positions = Int32Array.from({ length: split.test.length }, (_, i) => i);
    const kept = options.strategy === 'auto' && options.budgetSeconds !== undefined ? trainingRowsFor(split.train.length, columns, options.budgetSeconds) : split.train.length;
    const trainRows = kept < split.train.length ? subsampleRows(target, split.train, kept, options.seed) : split.train;
    return {
      strategy,
      folds: [{ train: part(features, target, trainRows), valid, scoredPositions: positions }],
      scoredTarget: valid.target,
      splitsFingerprint: splitsFingerprint(strategy, [split.test]),
      ...(trainRows === split.train ? {} : { subsample: { rows: trainRows.length, of: split.train.length } }),
    };
  }
  if (!Number.isInteger(options.folds) || options.folds < 2) {
    throw new AutoMLError('BAD_OPTION', `folds must be an integer of at least 2, got ${options.folds}`);
  }
  const splits: Split[] = kFoldSplits(target, options.folds, options.seed);
  const folds = splits.map((split) => ({
    train: part(features, target, split.train),
    valid: part(features, target, split.test),
    scoredPositions: split.test,
  }));
  return { strategy, folds, scoredTarget: target, splitsFingerprint: splitsFingerprint(strategy, splits.map((split) => split.test)) };
}

/** `count` of `rows`, stratified by class as the holdout split is (the seed varied from the split's). */
export function subsampleRows(target: Target, rows: Int32Array, count: number, seed: number): Int32Array {
  const inner = holdoutSplit(takeTargetRows(target, rows), { testFraction: count / rows.length, seed: seed ^ 0x5eed });
  return Int32Array.from(inner.test, (i) => rows[i]!).sort();
}

function splitsFingerprint(strategy: 'holdout' | 'cv', validRows: readonly Int32Array[]): string {
  const hash = createHash('sha256').update(strategy);
  for (const rows of validRows) hash.update(`|${rows.length}|`).update(new Uint8Array(rows.buffer, rows.byteOffset, rows.byteLength));
  return hash.digest('hex').slice(0, 16);
}
