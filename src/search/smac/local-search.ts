/**
 * Hill climbing on the acquisition surface through one-exchange neighbourhoods: from each start,
 * move to the best-scoring neighbour while it scores strictly higher than the current point.
 *
 * All climbs advance in lockstep so that each step scores the neighbours of every live climb in
 * one surrogate call: predicting one batch of a few thousand rows costs far less than dozens of
 * small calls. Every scored neighbour is returned as a candidate, so that when a climb ends on a
 * configuration already evaluated, its runners-up are still on offer.
 *
 * Neighbours stay changes of their neighbourhood's base (see space/neighbours.ts) until a caller
 * asks for one as a configuration: a proposal scores thousands and keeps one.
 */
import type { Configuration, ConfigurationSpace, Neighbourhood } from '../../space/index.ts';
import type { Rng } from '../../util/rng.ts';

/** Scored neighbours, in the order they were generated. */
export class NeighbourBatch {
  readonly neighbourhoods: Neighbourhood[] = [];
  readonly indices: number[] = [];

  get size(): number {
    return this.indices.length;
  }

  add(neighbourhood: Neighbourhood, index: number): void {
    this.neighbourhoods.push(neighbourhood);
    this.indices.push(index);
  }

  configuration(i: number): Configuration {
    return this.neighbourhoods[i]!.configuration(this.indices[i]!);
  }
}

/** Scores of a batch of neighbours, higher is better (log EI here). */
export type NeighbourScore = (batch: NeighbourBatch) => Float64Array;

export interface ClimbResult {
  /** Every neighbour scored on the way. */
  readonly batch: NeighbourBatch;
  readonly scores: Float64Array;
}

export interface LocalSearchSettings {
  readonly maxSteps: number;
  readonly neighboursPerNumeric: number;
}

export function localSearch(
  space: ConfigurationSpace,
  starts: readonly Configuration[],
  startScores: ArrayLike<number>,
  score: NeighbourScore,
  rng: Rng,
  settings: LocalSearchSettings,
): ClimbResult {
  const perNumeric = settings.neighboursPerNumeric;
  /** Where each climb stands: null at its start, else a neighbour of the previous point. */
  const position: ({ readonly neighbourhood: Neighbourhood; readonly index: number } | null)[] = starts.map(() => null);
  const currentScores = Array.from(startScores);
  let live = starts.map((_, i) => i);
  const found = new NeighbourBatch();
  const foundScores: Float64Array[] = [];
  for (let step = 0; step < settings.maxSteps && live.length > 0; step++) {
    const batch = new NeighbourBatch();
    const owner: number[] = [];
    for (const climb of live) {
      const at = position[climb];
      const neighbourhood = at === null || at === undefined ? space.neighbourhood(starts[climb]!, rng, perNumeric) : at.neighbourhood.neighbourhoodOf(at.index, rng, perNumeric);
      for (let k = 0; k < neighbourhood.size; k++) {
        batch.add(neighbourhood, k);
        owner.push(climb);
      }
    }
    if (batch.size === 0) break;
    const scores = score(batch);
    foundScores.push(scores);
    const bestOf = new Map<number, number>();
    for (let i = 0; i < batch.size; i++) {
      found.add(batch.neighbourhoods[i]!, batch.indices[i]!);
      const climb = owner[i]!;
      const best = bestOf.get(climb);
      if (best === undefined || scores[i]! > scores[best]!) bestOf.set(climb, i);
    }
    const stillClimbing: number[] = [];
    for (const climb of live) {
      const best = bestOf.get(climb);
      if (best !== undefined && scores[best]! > currentScores[climb]!) {
        position[climb] = { neighbourhood: batch.neighbourhoods[best]!, index: batch.indices[best]! };
        currentScores[climb] = scores[best]!;
        stillClimbing.push(climb);
      }
    }
    live = stillClimbing;
  }
  return { batch: found, scores: concat(foundScores) };
}

function concat(parts: readonly Float64Array[]): Float64Array {
  const out = new Float64Array(parts.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
