/**
 * A greedy portfolio from the performance matrix (as in auto-sklearn 2.0): starting empty, it
 * repeatedly adds the candidate that most lowers the mean over datasets of the portfolio's regret
 * (1 − the normalised score of its best member on that dataset). Once no candidate lowers it any
 * more, the rest follow by mean normalised score, so a portfolio of any length is well defined.
 * Ties go to the cheaper candidate (lower mean seconds per data cell), then to the earlier one.
 *
 * Leave one out: for a dataset under evaluation, its column and every candidate that came only
 * from it (by data fingerprint) are removed before the greedy run, so the portfolio it gets was
 * built as if it had never been seen.
 */
import type { Configuration } from '../space/index.ts';
import { normalisedScores, type PerformanceMatrix } from './performance-matrix.ts';

export interface PortfolioMember {
  /** Row of the candidate in the matrix. */
  readonly candidate: number;
  readonly config: Configuration;
  /** How much this member lowered the mean regret when it was added (0 after the greedy phase). */
  readonly gain: number;
  /** Mean seconds per data cell over the datasets it was evaluated on; Infinity when unknown. */
  readonly secondsPerCell: number;
}

export interface Portfolio {
  readonly members: PortfolioMember[];
  /** Mean regret over the datasets used after each addition. */
  readonly regret: number[];
  /** Names of the datasets the portfolio was built on. */
  readonly datasets: string[];
}

/** Leaves out datasets (columns) and the candidates whose every source is among `fingerprints`. */
export function leaveOutOfMatrix(matrix: PerformanceMatrix, fingerprints: ReadonlySet<string>): { matrix: PerformanceMatrix; rows: number[] } {
  const columns = matrix.datasets.flatMap((d, j) => (fingerprints.has(d.fingerprint) ? [] : [j]));
  const rows = matrix.candidates.flatMap((c, i) => (c.sources.length > 0 && c.sources.every((s) => fingerprints.has(s)) ? [] : [i]));
  return {
    rows,
    matrix: {
      ...matrix,
      datasets: columns.map((j) => matrix.datasets[j]!),
      candidates: rows.map((i) => matrix.candidates[i]!),
      costs: rows.map((i) => columns.map((j) => matrix.costs[i]![j]!)),
      seconds: rows.map((i) => columns.map((j) => matrix.seconds[i]![j]!)),
    },
  };
}

/**
 * The greedy portfolio of `size` members over the complete columns of `matrix` (a column with a
 * pending cell is ignored), after leaving out `exclude` (data fingerprints).
 */
export function greedyPortfolio(full: PerformanceMatrix, size: number, exclude: ReadonlySet<string> = new Set()): Portfolio {
  const { matrix, rows } = leaveOutOfMatrix(full, exclude);
  const scores = normalisedScores(matrix);
  const complete = matrix.datasets.flatMap((_, j) => (scores.every((row) => Number.isFinite(row[j]!)) ? [j] : []));
  const nCandidates = matrix.candidates.length;
  const cost = matrix.candidates.map((_, i) => meanSecondsPerCell(matrix, i));
  const meanScore = scores.map((row) => (complete.length === 0 ? 0 : complete.reduce((s, j) => s + row[j]!, 0) / complete.length));
  // best[j]: the best normalised score of the portfolio so far on complete column j.
  const best = complete.map(() => 0);
  const chosen = new Set<number>();
  const members: PortfolioMember[] = [];
  const regret: number[] = [];
  let current = complete.length === 0 ? 0 : 1;
  while (members.length < Math.min(size, nCandidates)) {
    let pick = -1;
    let pickRegret = Infinity;
    for (let i = 0; i < nCandidates; i++) {
      if (chosen.has(i)) continue;
      let sum = 0;
      for (const [k, j] of complete.entries()) sum += 1 - Math.max(best[k]!, scores[i]![j]!);
      const r = complete.length === 0 ? 0 : sum / complete.length;
      if (pick < 0 || better(r, i, pickRegret, pick, meanScore, cost)) {
        pick = i;
        pickRegret = r;
      }
    }
    for (const [k, j] of complete.entries()) best[k] = Math.max(best[k]!, scores[pick]![j]!);
    members.push({ candidate: rows[pick]!, config: matrix.candidates[pick]!.config, gain: Math.max(0, current - pickRegret), secondsPerCell: cost[pick]! });
    regret.push(pickRegret);
    current = pickRegret;
    chosen.add(pick);
  }
  return { members, regret, datasets: complete.map((j) => matrix.datasets[j]!.name) };
}

/** Lower regret first; then higher mean score, then cheaper, then earlier (the caller's order). */
function better(r: number, i: number, pickRegret: number, pick: number, meanScore: readonly number[], cost: readonly number[]): boolean {
  const EPS = 1e-12;
  if (r < pickRegret - EPS) return true;
  if (r > pickRegret + EPS) return false;
  if (meanScore[i]! > meanScore[pick]! + EPS) return true;
  if (meanScore[i]! < meanScore[pick]! - EPS) return false;
  return cost[i]! < cost[pick]!;
}

function meanSecondsPerCell(matrix: PerformanceMatrix, i: number): number {
  const values = matrix.datasets.flatMap((d, j) => {
    const s = matrix.seconds[i]![j];
    return s === null || s === undefined ? [] : [s / Math.max(1, d.cells)];
  });
  return values.length === 0 ? Infinity : values.reduce((a, b) => a + b, 0) / values.length;
}

/** Members are ordered in blocks of this many greedy ranks (see orderForTrials). */
export const PORTFOLIO_BLOCK = 5;

/**
 * The order in which a fit tries the portfolio: members expected to take more than `share` of the
 * per-trial limit on this data (mean seconds per cell × its cells) are dropped, and the rest go in
 * blocks of PORTFOLIO_BLOCK greedy ranks — the strongest five first, the next five after — with
 * the cheapest first inside each block. A short fit thus spends its first trials on the strongest
 * members, and among those on the ones that return soonest.
 */
export function orderForTrials(members: readonly PortfolioMember[], cells: number, perTrialSeconds: number | undefined, share: number): PortfolioMember[] {
  const affordable = members.filter((m) => perTrialSeconds === undefined || !Number.isFinite(m.secondsPerCell) || m.secondsPerCell * cells <= share * perTrialSeconds);
  const out: PortfolioMember[] = [];
  for (let start = 0; start < affordable.length; start += PORTFOLIO_BLOCK) {
    const block = affordable.slice(start, start + PORTFOLIO_BLOCK);
    // Stable: unknown or equal times keep the greedy order.
    block.sort((a, b) => (a.secondsPerCell === b.secondsPerCell ? 0 : a.secondsPerCell < b.secondsPerCell ? -1 : 1));
    out.push(...block);
  }
  return out;
}
