/**
 * Hill climbing on the acquisition surface through one-exchange neighbourhoods: from each start,
 * move to the best-scoring neighbour while it scores strictly higher than the current point.
 *
 * All climbs advance in lockstep so that each step scores the neighbours of every live climb in
 * one surrogate call: predicting one batch of a few thousand rows costs far less than dozens of
 * small calls. Every scored neighbour is returned as a candidate, so that when a climb ends on a
 * configuration already evaluated, its runners-up are still on offer.
 */
import type { Configuration, ConfigurationSpace } from '../../space/index.ts';
import type { Rng } from '../../util/rng.ts';

/** Scores of configurations, higher is better (log EI here). */
export type ScoreFunction = (configs: readonly Configuration[]) => Float64Array;

export interface ScoredConfigurations {
  readonly configs: Configuration[];
  readonly scores: number[];
}

export interface LocalSearchSettings {
  readonly maxSteps: number;
  readonly neighboursPerNumeric: number;
}

export function localSearch(
  space: ConfigurationSpace,
  starts: readonly Configuration[],
  startScores: ArrayLike<number>,
  score: ScoreFunction,
  rng: Rng,
  settings: LocalSearchSettings,
): ScoredConfigurations {
  const current = [...starts];
  const currentScores = Array.from(startScores);
  let live = current.map((_, i) => i);
  const found: ScoredConfigurations = { configs: [], scores: [] };
  for (let step = 0; step < settings.maxSteps && live.length > 0; step++) {
    const batch: Configuration[] = [];
    const owner: number[] = [];
    for (const climb of live) {
      for (const neighbour of space.neighbours(current[climb]!, rng, settings.neighboursPerNumeric)) {
        batch.push(neighbour);
        owner.push(climb);
      }
    }
    if (batch.length === 0) break;
    const scores = score(batch);
    const bestOf = new Map<number, number>();
    for (let i = 0; i < batch.length; i++) {
      found.configs.push(batch[i]!);
      found.scores.push(scores[i]!);
      const climb = owner[i]!;
      const best = bestOf.get(climb);
      if (best === undefined || scores[i]! > scores[best]!) bestOf.set(climb, i);
    }
    const stillClimbing: number[] = [];
    for (const climb of live) {
      const best = bestOf.get(climb);
      if (best !== undefined && scores[best]! > currentScores[climb]!) {
        current[climb] = batch[best]!;
        currentScores[climb] = scores[best]!;
        stillClimbing.push(climb);
      }
    }
    live = stillClimbing;
  }
  return found;
}
