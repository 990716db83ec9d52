/**
 * Turns a greedy path into ensemble weights. The weights come from the prefix of the path with
 * the lowest cost, not necessarily the whole path: a forced addition can make the average worse,
 * and keeping the best prefix guarantees the ensemble is never worse on the validation rows than
 * the best single candidate it started from. Among equal costs the prefix with the lowest
 * tie-breaking cost wins when the path has one (log loss under a discrete metric: the flat
 * stretches of a balanced-accuracy trajectory differ in how well calibrated they are), and then
 * the longest, since averaging more selections is the smoother choice.
 */
import type { EnsembleCandidate, EnsembleMember, EnsembleResult } from './types.ts';
import type { GreedyPath } from './greedy.ts';

function bestPrefix(trajectory: readonly number[], tieTrajectory: readonly number[] | undefined): number {
  let best = 0;
  for (let i = 1; i < trajectory.length; i++) {
    const cost = trajectory[i]!;
    if (cost > trajectory[best]!) continue;
    if (cost === trajectory[best]! && tieTrajectory !== undefined && tieTrajectory[i]! > tieTrajectory[best]!) continue;
    best = i;
  }
  return best + 1;
}

export function summarisePath(pool: readonly EnsembleCandidate[], path: GreedyPath): EnsembleResult {
  const iterations = bestPrefix(path.trajectory, path.tieTrajectory);
  const counts = new Int32Array(pool.length);
  for (let step = 0; step < iterations; step++) counts[path.picks[step]!]! += 1;
  const members: EnsembleMember[] = [];
  counts.forEach((count, j) => {
    if (count > 0) members.push({ id: pool[j]!.id, weight: count / iterations });
  });
  members.sort((a, b) => (a.weight === b.weight ? a.id - b.id : b.weight - a.weight));
  return { members, cost: path.trajectory[iterations - 1]!, trajectory: path.trajectory, iterations };
}

/** Weight per candidate id, the form the leaderboard reads. */
export function weightsById(result: EnsembleResult): Map<number, number> {
  return new Map(result.members.map((member) => [member.id, member.weight]));
}
