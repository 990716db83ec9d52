/**
 * Seeded row splits for validation: a holdout split and k folds. Classification splits are
 * stratified so that every part sees every class in about its overall proportion; regression
 * splits are plain shuffles. Index arrays are sorted so that taking rows keeps the input order.
 */

import { AutoMLError } from '../util/errors.ts';
import { Rng } from '../util/rng.ts';
import { targetLength, type Target } from './dataset.ts';

export interface Split {
  readonly train: Int32Array;
  readonly test: Int32Array;
}

export interface HoldoutOptions {
  /** Share of rows in the test part, strictly between 0 and 1. */
  readonly testFraction: number;
  readonly seed: number;
}

export function holdoutSplit(target: Target, options: HoldoutOptions): Split {
  const n = targetLength(target);
  const { testFraction, seed } = options;
  if (!(testFraction > 0 && testFraction < 1)) {
    throw new AutoMLError('BAD_OPTION', `test fraction must be between 0 and 1 (exclusive), got ${testFraction}`, {
      hint: 'use e.g. 0.25 to hold out a quarter of the rows',
    });
  }
  if (n < 2) {
    throw new AutoMLError('BAD_OPTION', `a holdout split needs at least 2 rows, the data has ${n}`, {
      hint: 'provide more rows',
    });
  }
  const testSize = Math.min(n - 1, Math.max(1, Math.round(n * testFraction)));
  const rng = new Rng(seed);
  if (target.kind === 'regression') {
    const order = rng.permutation(n);
    return { train: sorted(order.subarray(testSize)), test: sorted(order.subarray(0, testSize)) };
  }

  const groups = rowsByClass(target.codes, target.classes.length);
  const testCounts = allocateTestRows(groups.map((rows) => rows.length), testSize);
  const train: number[] = [];
  const test: number[] = [];
  groups.forEach((rows, k) => {
    rng.shuffle(rows);
    for (let i = 0; i < rows.length; i++) (i < testCounts[k]! ? test : train).push(rows[i]!);
  });
  return { train: sorted(Int32Array.from(train)), test: sorted(Int32Array.from(test)) };
}

/**
 * How many rows of each class go to the test part: proportional shares rounded by largest
 * remainder, then moved so that each class with two or more rows has a row on each side —
 * provided the test part is big enough to hold one row of every such class (and the train part
 * likewise); otherwise the proportional shares stand.
 */
function allocateTestRows(counts: readonly number[], testSize: number): number[] {
  const n = counts.reduce((sum, count) => sum + count, 0);
  const ideal = counts.map((count) => (count * testSize) / n);
  const alloc = ideal.map(Math.floor);
  const byRemainder = counts.map((_, k) => k).sort((a, b) => ideal[b]! - alloc[b]! - (ideal[a]! - alloc[a]!) || a - b);
  let left = testSize - alloc.reduce((sum, value) => sum + value, 0);
  for (let i = 0; left > 0; i = (i + 1) % byRemainder.length) {
    const k = byRemainder[i]!;
    if (alloc[k]! < counts[k]!) {
      alloc[k]!++;
      left--;
    }
  }

  const splittable = counts.filter((count) => count >= 2).length;
  if (splittable > testSize || splittable > n - testSize) return alloc;
  // Bounds per class; a lone row of a class stays in train, where the class can at least be learnt.
  const low = counts.map((count) => (count >= 2 ? 1 : 0));
  const high = counts.map((count) => (count >= 2 ? count - 1 : 0));
  for (let k = 0; k < counts.length; k++) alloc[k] = Math.min(high[k]!, Math.max(low[k]!, alloc[k]!));
  // Restore the total, each step moving the class that is furthest from its ideal share.
  let excess = alloc.reduce((sum, value) => sum + value, 0) - testSize;
  while (excess !== 0) {
    const step = excess > 0 ? -1 : 1;
    let best = -1;
    let bestGap = -Infinity;
    for (let k = 0; k < counts.length; k++) {
      const next = alloc[k]! + step;
      if (next < low[k]! || next > high[k]!) continue;
      const gap = step * (ideal[k]! - alloc[k]!);
      if (gap > bestGap) {
        best = k;
        bestGap = gap;
      }
    }
    if (best < 0) break;
    alloc[best]! += step;
    excess += step;
  }
  return alloc;
}

/** k folds; fold f's test part is its rows, its train part all the others. */
export function kFoldSplits(target: Target, k: number, seed: number): Split[] {
  const n = targetLength(target);
  if (!Number.isInteger(k) || k < 2) {
    throw new AutoMLError('BAD_OPTION', `the number of folds must be an integer of at least 2, got ${k}`, {
      hint: 'use e.g. 5 folds',
    });
  }
  if (k > n) {
    throw new AutoMLError('BAD_OPTION', `${k} folds need at least ${k} rows, the data has ${n}`, {
      hint: `use at most ${n} folds, or a holdout split`,
    });
  }
  const rng = new Rng(seed);
  let order: Int32Array;
  if (target.kind === 'regression') {
    order = rng.permutation(n);
  } else {
    // Class by class, each shuffled, dealt round-robin below: each class spreads evenly over the
    // folds, and since one class's deal continues where the previous one stopped, fold sizes
    // differ by at most one row.
    order = new Int32Array(n);
    let at = 0;
    for (const rows of rowsByClass(target.codes, target.classes.length)) {
      rng.shuffle(rows);
      order.set(rows, at);
      at += rows.length;
    }
  }
  const foldOf = new Int32Array(n);
  for (let p = 0; p < n; p++) foldOf[order[p]!] = p % k;
  const splits: Split[] = [];
  for (let fold = 0; fold < k; fold++) {
    const test: number[] = [];
    const train: number[] = [];
    for (let i = 0; i < n; i++) (foldOf[i] === fold ? test : train).push(i);
    splits.push({ train: Int32Array.from(train), test: Int32Array.from(test) });
  }
  return splits;
}

function rowsByClass(codes: Int32Array, nClasses: number): Int32Array[] {
  const counts = new Int32Array(nClasses);
  for (let i = 0; i < codes.length; i++) counts[codes[i]!]!++;
  const groups = Array.from(counts, (count) => new Int32Array(count));
  const filled = new Int32Array(nClasses);
  for (let i = 0; i < codes.length; i++) {
    const k = codes[i]!;
    groups[k]![filled[k]!++] = i;
  }
  return groups;
}

function sorted(rows: Int32Array): Int32Array {
  return Int32Array.from(rows).sort();
}
