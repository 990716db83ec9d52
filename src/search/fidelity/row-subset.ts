/**
 * The training rows a trial below full fidelity fits on: a seeded, stratified share of a training
 * part. All shares of one part come from one seeded order of its rows, so a smaller share's rows
 * are a prefix of a larger one's: trials at a higher rung see the rows of the lower rungs and more.
 *
 * The order is stratified by class: the rows of each class are shuffled, each row gets the key
 * (rank within its class + one random offset per class) / rows of its class, and the rows are
 * sorted by key, so that every prefix holds each class in about its share of the part (systematic
 * sampling). The first two rows of every class come first, so any subset that is large enough has
 * every class at least twice. Regression rows are a plain seeded shuffle, as the splits are.
 */
import type { Target } from '../../data/dataset.ts';
import { targetLength } from '../../data/dataset.ts';
import { Rng } from '../../util/rng.ts';

/** A subset keeps at least this many rows (or all rows of a smaller part): fewer make every score noise. */
export const MIN_SUBSET_ROWS = 100;
/** Rows of each class a subset holds at least (all of a class that has fewer). */
export const MIN_ROWS_PER_CLASS = 2;

/** How many of `nRows` rows a subset at `share` keeps. */
export function subsetSize(target: Target, share: number): number {
  const nRows = targetLength(target);
  let perClass = 0;
  if (target.kind === 'classification') {
    for (const count of classCounts(target.codes, target.classes.length)) perClass += Math.min(MIN_ROWS_PER_CLASS, count);
  }
  return Math.min(nRows, Math.max(Math.round(share * nRows), perClass, MIN_SUBSET_ROWS));
}

/** Positions (ascending) of the rows a subset at `share` keeps, of the part whose target is `target`. */
export function subsetRows(target: Target, share: number, seed: number): Int32Array {
  const order = stratifiedOrder(target, seed);
  return order.subarray(0, subsetSize(target, share)).sort();
}

/** Every row of the part, in the order subsets take them. */
export function stratifiedOrder(target: Target, seed: number): Int32Array {
  const rng = new Rng(seed);
  const nRows = targetLength(target);
  if (target.kind === 'regression') return rng.permutation(nRows);
  const nClasses = target.classes.length;
  const counts = classCounts(target.codes, nClasses);
  const byClass = counts.map((count) => new Int32Array(count));
  const filled = new Int32Array(nClasses);
  for (let row = 0; row < nRows; row++) {
    const code = target.codes[row]!;
    byClass[code]![filled[code]!++] = row;
  }
  const keys = new Float64Array(nRows);
  for (const rows of byClass) {
    rng.shuffle(rows);
    const offset = rng.next();
    // Keys below 0 put the first rows of each class ahead of every other row.
    rows.forEach((row, rank) => (keys[row] = rank < MIN_ROWS_PER_CLASS ? rank - MIN_ROWS_PER_CLASS : (rank + offset) / rows.length));
  }
  const order = Int32Array.from({ length: nRows }, (_, i) => i);
  return order.sort((a, b) => keys[a]! - keys[b]! || a - b);
}

function classCounts(codes: Int32Array, nClasses: number): number[] {
  const counts = new Array<number>(nClasses).fill(0);
  for (const code of codes) counts[code]!++;
  return counts;
}
