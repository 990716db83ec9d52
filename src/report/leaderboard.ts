/** One leaderboard row per trial, best first; failed trials last. */
import type { LeaderboardRow } from '../export/artifact.ts';
import type { TrialRecord } from '../search/trial.ts';
import { describePreprocessing } from '../components/registry.ts';

export function buildLeaderboard(trials: readonly TrialRecord[], weights: ReadonlyMap<number, number>): LeaderboardRow[] {
  const ordered = [...trials].sort((a, b) => {
    const ca = a.status === 'SUCCESS' ? a.cost : Infinity;
    const cb = b.status === 'SUCCESS' ? b.cost : Infinity;
    return ca === cb ? a.id - b.id : ca - cb;
  });
  return ordered.map((trial, i) => ({
    rank: i + 1,
    id: trial.id,
    algorithm: trial.algorithm,
    preprocessing: describePreprocessing(trial.config),
    validation_cost: trial.status === 'SUCCESS' ? trial.cost : null,
    validation_score: trial.score,
    ensemble_weight: weights.get(trial.id) ?? 0,
    fit_seconds: Math.round(trial.fitSeconds * 1000) / 1000,
    status: trial.status,
    ...(trial.worker === undefined ? {} : { worker: trial.worker }),
  }));
}

/**
 * Fixed-width text rendering for the terminal. The worker column appears only for runs whose
 * trials ran on queue workers, before the preprocessing, which is the longest and so comes last.
 */
export function formatLeaderboard(rows: readonly LeaderboardRow[], limit = rows.length): string {
  const shown = rows.slice(0, limit);
  const withWorker = shown.some((row) => row.worker !== undefined);
  const header = ['rank', 'id', 'algorithm', 'score', 'weight', 'fit_s', 'status', ...(withWorker ? ['worker'] : []), 'preprocessing'];
  const body = shown.map((row) => [
    String(row.rank),
    String(row.id),
    row.algorithm,
    row.validation_score === null ? '-' : row.validation_score.toFixed(4),
    row.ensemble_weight.toFixed(2),
    row.fit_seconds.toFixed(2),
    row.status,
    ...(withWorker ? [row.worker ?? '-'] : []),
    row.preprocessing,
  ]);
  const widths = header.map((h, j) => Math.max(h.length, ...body.map((r) => r[j]!.length)));
  const line = (cells: string[]) => cells.map((c, j) => c.padEnd(widths[j]!)).join('  ').trimEnd();
  return [line(header), ...body.map(line)].join('\n');
}
