/**
 * One leaderboard row per trial. Full-fidelity successes come first, best first: they are what
 * the fit could deploy. Then trials below full fidelity (highest share first, then by cost: a
 * lower rung's cost ranks configurations within its rung, not against full trials), then trials
 * the median rule stopped, then failed trials.
 */
import type { LeaderboardRow } from '../export/artifact.ts';
import type { TrialRecord } from '../search/trial.ts';
import { describePreprocessing } from '../components/registry.ts';
import { shareOf } from '../search/fidelity/fidelity.ts';
import { formatShare } from './fidelity-text.ts';

/** Sort group of a trial: 0 full success, 1 success below full fidelity, 2 stopped, 3 failed. */
function group(trial: TrialRecord): number {
  if (trial.status === 'SUCCESS') return shareOf(trial) >= 1 ? 0 : 1;
  return trial.status === 'STOPPED' ? 2 : 3;
}

function compareTrials(a: TrialRecord, b: TrialRecord): number {
  const byGroup = group(a) - group(b);
  if (byGroup !== 0) return byGroup;
  if (group(a) === 3) return a.id - b.id;
  const byShare = shareOf(b) - shareOf(a);
  if (byShare !== 0) return byShare;
  return a.cost === b.cost ? a.id - b.id : a.cost - b.cost;
}

export function buildLeaderboard(trials: readonly TrialRecord[], weights: ReadonlyMap<number, number>): LeaderboardRow[] {
  const ordered = [...trials].sort(compareTrials);
  return ordered.map((trial, i) => ({
    rank: i + 1,
    id: trial.id,
    algorithm: trial.algorithm,
    preprocessing: describePreprocessing(trial.config),
    // A stopped trial's cost is its partial result at its last checkpoint.
    validation_cost: (trial.status === 'SUCCESS' || trial.status === 'STOPPED') && Number.isFinite(trial.cost) ? trial.cost : null,
    validation_score: trial.score,
    ensemble_weight: weights.get(trial.id) ?? 0,
    fit_seconds: Math.round(trial.fitSeconds * 1000) / 1000,
    status: trial.status,
    ...(trial.worker === undefined ? {} : { worker: trial.worker }),
    ...(trial.fidelity === undefined ? {} : { fidelity: trial.fidelity }),
    ...(trial.rung === undefined ? {} : { rung: trial.rung }),
  }));
}

/**
 * Fixed-width text rendering for the terminal. The rung and fidelity columns appear only for runs
 * that had trials below full fidelity, the worker column only for runs whose trials ran on queue
 * workers; all before the preprocessing, which is the longest and so comes last.
 */
export function formatLeaderboard(rows: readonly LeaderboardRow[], limit = rows.length): string {
  const shown = rows.slice(0, limit);
  const withWorker = shown.some((row) => row.worker !== undefined);
  const withFidelity = shown.some((row) => row.fidelity !== undefined || row.rung !== undefined);
  const header = ['rank', 'id', 'algorithm', 'score', 'weight', 'fit_s', 'status', ...(withFidelity ? ['rung', 'fidelity'] : []), ...(withWorker ? ['worker'] : []), 'preprocessing'];
  const body = shown.map((row) => [
    String(row.rank),
    String(row.id),
    row.algorithm,
    row.validation_score === null ? '-' : row.validation_score.toFixed(4),
    row.ensemble_weight.toFixed(2),
    row.fit_seconds.toFixed(2),
    row.status,
    ...(withFidelity ? [row.rung === undefined ? '-' : String(row.rung), formatShare(row.fidelity)] : []),
    ...(withWorker ? [row.worker ?? '-'] : []),
    row.preprocessing,
  ]);
  const widths = header.map((h, j) => Math.max(h.length, ...body.map((r) => r[j]!.length)));
  const line = (cells: string[]) => cells.map((c, j) => c.padEnd(widths[j]!)).join('  ').trimEnd();
  return [line(header), ...body.map(line)].join('\n');
}
