/**
 * Distance kernels for the neighbour search: squared Euclidean (p = 2) and Manhattan (p = 1)
 * between a query and a row-major row, and the matching lower bound to a bounding box.
 *
 * Every kernel sums its per-feature terms in the same fixed pattern: four running sums (feature
 * j goes to sum j mod 4, leftover features to the first), combined as (s0 + s1) + (s2 + s3).
 * Four sums keep four independent additions in flight instead of one long dependency chain.
 * Sharing the pattern matters for exactness: a box term never exceeds the matching row term,
 * and floating-point addition is monotone, so the box bound computed this way never exceeds the
 * computed distance of any row inside the box and pruning by it cannot drop a true neighbour.
 * Partial results are monotone too, which is what lets a row be abandoned early.
 */

/**
 * Distance from the query starting at `query[queryBase]` to the row starting at `rows[base]`, or
 * Infinity as soon as the partial sum proves the row is farther than `bound`.
 */
export function rowDistance(
  query: Float64Array,
  queryBase: number,
  rows: Float64Array,
  base: number,
  d: number,
  p: 1 | 2,
  bound: number,
): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let j = 0;
  if (p === 2) {
    for (; j + 4 <= d; j += 4) {
      const a = query[queryBase + j]! - rows[base + j]!;
      const b = query[queryBase + j + 1]! - rows[base + j + 1]!;
      const c = query[queryBase + j + 2]! - rows[base + j + 2]!;
      const e = query[queryBase + j + 3]! - rows[base + j + 3]!;
      s0 += a * a;
      s1 += b * b;
      s2 += c * c;
      s3 += e * e;
      if (s0 + s1 + (s2 + s3) > bound) return Infinity;
    }
    for (; j < d; j++) {
      const a = query[queryBase + j]! - rows[base + j]!;
      s0 += a * a;
    }
  } else {
    for (; j + 4 <= d; j += 4) {
      s0 += Math.abs(query[queryBase + j]! - rows[base + j]!);
      s1 += Math.abs(query[queryBase + j + 1]! - rows[base + j + 1]!);
      s2 += Math.abs(query[queryBase + j + 2]! - rows[base + j + 2]!);
      s3 += Math.abs(query[queryBase + j + 3]! - rows[base + j + 3]!);
      if (s0 + s1 + (s2 + s3) > bound) return Infinity;
    }
    for (; j < d; j++) s0 += Math.abs(query[queryBase + j]! - rows[base + j]!);
  }
  return s0 + s1 + (s2 + s3);
}

/** Lower bound of `rowDistance` over every row inside the box low..high stored at `base`. */
export function boxDistance(
  query: Float64Array,
  queryBase: number,
  low: Float64Array,
  high: Float64Array,
  base: number,
  d: number,
  p: 1 | 2,
): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let j = 0;
  for (; j + 4 <= d; j += 4) {
    s0 += boxTerm(query[queryBase + j]!, low[base + j]!, high[base + j]!, p);
    s1 += boxTerm(query[queryBase + j + 1]!, low[base + j + 1]!, high[base + j + 1]!, p);
    s2 += boxTerm(query[queryBase + j + 2]!, low[base + j + 2]!, high[base + j + 2]!, p);
    s3 += boxTerm(query[queryBase + j + 3]!, low[base + j + 3]!, high[base + j + 3]!, p);
  }
  for (; j < d; j++) s0 += boxTerm(query[queryBase + j]!, low[base + j]!, high[base + j]!, p);
  return s0 + s1 + (s2 + s3);
}

/** Squared Euclidean norm of `values[base..base + d)`. */
export function squaredNorm(values: Float64Array, base: number, d: number): number {
  let sum = 0;
  for (let j = 0; j < d; j++) sum += values[base + j]! * values[base + j]!;
  return sum;
}

/** The gap between a value and an interval, in the metric's units. */
function boxTerm(value: number, low: number, high: number, p: 1 | 2): number {
  // low - value and value - high round to no more than the gap to any row value beyond them.
  const gap = value < low ? low - value : value > high ? value - high : 0;
  return p === 2 ? gap * gap : gap;
}
