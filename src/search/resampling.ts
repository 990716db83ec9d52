/**
 * How trials are validated: a stratified holdout split, or k-fold cross-validation whose
 * out-of-fold predictions are scored together. 'auto' uses 5-fold CV on small training sets,
 * where a holdout part of a few dozen rows makes the search chase noise, and holdout elsewhere.
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
}

export interface ResamplingOptions {
  readonly strategy: ResamplingStrategy;
  readonly folds: number;
  readonly holdoutFraction: number;
  readonly seed: number;
}

function part(features: Dataset, target: Target, rows: Int32Array): LabelledPart {
  return { features: takeRows(features, rows), target: takeTargetRows(target, rows) };
}

export function resolveStrategy(strategy: ResamplingStrategy, nRows: number, folds: number): 'holdout' | 'cv' {
  if (strategy === 'auto') return nRows <= AUTO_CV_MAX_ROWS && nRows >= 2 * folds ? 'cv' : 'holdout';
  return strategy;
}

export function buildResampling(features: Dataset, target: Target, options: ResamplingOptions): Resampling {
  const strategy = resolveStrategy(options.strategy, features.nRows, options.folds);
  if (strategy === 'holdout') {
    const split = holdoutSplit(target, { testFraction: options.holdoutFraction, seed: options.seed });
    const valid = part(features, target, split.test);
    const positions = Int32Array.from({ length: split.test.length }, (_, i) => i);
    return {
      strategy,
      folds: [{ train: part(features, target, split.train), valid, scoredPositions: positions }],
      scoredTarget: valid.target,
      splitsFingerprint: splitsFingerprint(strategy, [split.test]),
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

function splitsFingerprint(strategy: 'holdout' | 'cv', validRows: readonly Int32Array[]): string {
  const hash = createHash('sha256').update(strategy);
  for (const rows of validRows) hash.update(`|${rows.length}|`).update(new Uint8Array(rows.buffer, rows.byteOffset, rows.byteLength));
  return hash.digest('hex').slice(0, 16);
}
