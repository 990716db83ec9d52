/**
 * The Mann–Whitney rank-sum test, for telling whether one optimiser's final costs over seeds are
 * really lower than another's or only look so in the medians: with 10 seeds of a noisy
 * validation cost, medians one percent apart are often a coin flip.
 */
import { normalCdf } from '../search/smac/expected-improvement.ts';

export interface RankSum {
  /** How often a value of `a` is below one of `b`, ties counting half: 0.5 = no difference. */
  readonly probabilityLower: number;
  /** Two-sided p-value (normal approximation with tie and continuity corrections). */
  readonly pValue: number;
}

export function rankSum(a: readonly number[], b: readonly number[]): RankSum {
  const n1 = a.length;
  const n2 = b.length;
  if (n1 === 0 || n2 === 0) throw new RangeError('rankSum needs values on both sides');
  const pooled = [...a.map((value) => ({ value, first: true })), ...b.map((value) => ({ value, first: false }))].sort((x, y) => x.value - y.value);
  const n = pooled.length;
  let rankSumA = 0;
  let tieTerm = 0;
  for (let start = 0; start < n; ) {
    let end = start + 1;
    while (end < n && pooled[end]!.value === pooled[start]!.value) end++;
    // Tied values share the mean of the ranks start+1 … end.
    const rank = (start + 1 + end) / 2;
    for (let i = start; i < end; i++) if (pooled[i]!.first) rankSumA += rank;
    const t = end - start;
    tieTerm += t * t * t - t;
    start = end;
  }
  // U counts the pairs in which a's value is the larger; a lower value of a is 1 − U/(n1·n2).
  const u = rankSumA - (n1 * (n1 + 1)) / 2;
  const mean = (n1 * n2) / 2;
  const variance = ((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1)));
  const probabilityLower = 1 - u / (n1 * n2);
  if (variance <= 0) return { probabilityLower, pValue: 1 };
  const z = Math.max(0, Math.abs(u - mean) - 0.5) / Math.sqrt(variance);
  return { probabilityLower, pValue: Math.min(1, 2 * normalCdf(-z)) };
}
