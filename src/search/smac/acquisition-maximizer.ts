/**
 * Finds the next configuration to evaluate: the one with the highest acquisition value (expected
 * improvement, optionally weighed by predicted fit time) that is neither evaluated nor pending.
 * Candidates come from two sources:
 * - random configurations drawn from the prior, which reach every branch of the space;
 * - local searches started from the best observed configurations and the best random ones,
 *   which refine the promising regions one hyperparameter at a time.
 */
import { type Configuration, type ConfigurationSpace, configurationKey } from '../../space/index.ts';
import type { RowMajorMatrix } from '../../components/matrix.ts';
import type { Rng } from '../../util/rng.ts';
import type { SmacSettings } from './defaults.ts';
import { logExpectedImprovement } from './expected-improvement.ts';
import { CandidateEncoder } from './impute-inactive.ts';
import { localSearch, type NeighbourScore } from './local-search.ts';
import type { LeafCache } from './leaf-cache.ts';
import type { RandomPool } from './random-pool.ts';
import type { Surrogate } from './surrogate.ts';
import type { CostModel } from './cost-model.ts';

export interface Proposal {
  readonly config: Configuration;
  readonly key: string;
  /** Acquisition value of the configuration (log EI, minus α × predicted log seconds). */
  readonly score: number;
}

/**
 * How predicted fit time enters the acquisition: the log of EI / t^α is ranked, and a candidate
 * predicted to need more than e^maxLogSeconds seconds scores −Infinity.
 */
export interface CostWeighting {
  readonly model: CostModel;
  /** α: 1 is expected improvement per second, 0 plain EI. */
  readonly exponent: number;
  readonly maxLogSeconds: number;
}

/** Acquisition values under the surrogate, of configurations, of neighbours or of the random pool. */
export interface Acquisition {
  scoreConfigs(configs: readonly Configuration[]): Float64Array;
  readonly scoreNeighbours: NeighbourScore;
  scorePool(pool: RandomPool): Float64Array;
}

export function acquisitionOf(encoder: CandidateEncoder, surrogate: Surrogate, xi: number, cost?: CostWeighting): Acquisition {
  const scoreRows = (x: RowMajorMatrix, cache?: LeafCache, costCache?: LeafCache): Float64Array => {
    const { mean, variance } = surrogate.predictRows(x, cache);
    const scores = logExpectedImprovement(mean, variance, surrogate.incumbentValue, xi, mean);
    if (cost !== undefined) {
      const logSeconds = cost.model.predictLogSeconds(x, costCache);
      for (let i = 0; i < scores.length; i++) {
        scores[i] = logSeconds[i]! > cost.maxLogSeconds ? -Infinity : scores[i]! - cost.exponent * logSeconds[i]!;
      }
    }
    return scores;
  };
  return {
    scoreConfigs: (configs) => scoreRows(encoder.matrixOf(configs)),
    scoreNeighbours: (batch) => scoreRows(encoder.matrixOfNeighbours(batch)),
    scorePool: (pool) => scoreRows(pool.matrix, pool.leafCache, pool.costLeafCache),
  };
}

/**
 * The best candidate whose key `isTaken` refuses, or null when every candidate is taken.
 * `bestObserved` are the observed configurations to climb from, best first.
 */
export function maximizeAcquisition(
  space: ConfigurationSpace,
  acquisition: Acquisition,
  pool: RandomPool,
  bestObserved: readonly Configuration[],
  isTaken: (key: string) => boolean,
  rng: Rng,
  settings: SmacSettings,
): Proposal | null {
  pool.refresh(rng);
  const randomScores = acquisition.scorePool(pool);

  const starts: Configuration[] = [];
  const startKeys = new Set<string>();
  const addStart = (config: Configuration): void => {
    const key = configurationKey(config);
    if (startKeys.has(key)) return;
    startKeys.add(key);
    starts.push(config);
  };
  for (const config of bestObserved.slice(0, settings.n_local_search_observed)) addStart(config);
  for (const i of topIndices(randomScores, settings.n_local_search_random)) addStart(pool.configuration(i));

  const climbed = localSearch(space, starts, acquisition.scoreConfigs(starts), acquisition.scoreNeighbours, rng, {
    maxSteps: settings.local_search_max_steps,
    neighboursPerNumeric: settings.neighbours_per_numeric,
  });
  const nRandom = pool.entries;
  const scores = new Float64Array(nRandom + climbed.scores.length);
  scores.set(randomScores);
  scores.set(climbed.scores, nRandom);
  const candidate = (i: number): Configuration => (i < nRandom ? pool.configuration(i) : climbed.batch.configuration(i - nRandom));
  return bestUntaken(candidate, scores, isTaken, rng);
}

/** Indices of the `count` highest scores, highest first (ties: lower index first). */
export function topIndices(scores: Float64Array, count: number): number[] {
  const top: number[] = [];
  if (count <= 0) return top;
  // Insertion into a short sorted list: count is a handful, the scores are thousands.
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i]!;
    if (top.length === count && !(s > scores[top[count - 1]!]!)) continue;
    let at = top.length === count ? count - 1 : top.length;
    while (at > 0 && s > scores[top[at - 1]!]!) at--;
    if (top.length === count) top.pop();
    top.splice(at, 0, i);
  }
  return top;
}

/** Argmax passes tried before sorting the whole ranking (usually the first pass suffices). */
const QUICK_PASSES = 4;

/**
 * Highest-scoring untaken candidate, ties broken uniformly at random: a forest predicts the same
 * value over whole regions, and always taking the first of a tie would bias the search towards
 * the order candidates happen to be generated in. A few argmax passes find it in the common
 * case; when the top candidates are all taken (a small space nearly used up), one sort ranks
 * the rest, so the cost stays O(n log n). Candidate i is `candidate(i)`, scored `scores[i]`;
 * only the candidates examined are built.
 */
export function bestUntaken(
  candidate: (i: number) => Configuration,
  scores: Float64Array,
  isTaken: (key: string) => boolean,
  rng: Rng,
): Proposal | null {
  const n = scores.length;
  const ranked = Float64Array.from(scores, (s) => (Number.isNaN(s) ? -Infinity : s));
  const removed = new Uint8Array(n);
  const refused = new Set<string>();
  const accept = (i: number): Proposal | null => {
    removed[i] = 1;
    const config = candidate(i);
    const key = configurationKey(config);
    if (refused.has(key)) return null;
    if (!isTaken(key)) return { config, key, score: scores[i]! };
    refused.add(key);
    return null;
  };
  for (let pass = 0; pass < QUICK_PASSES; pass++) {
    let best = -1;
    let ties = 0;
    for (let i = 0; i < n; i++) {
      if (removed[i] === 1) continue;
      if (best < 0 || ranked[i]! > ranked[best]!) {
        best = i;
        ties = 1;
      } else if (ranked[i] === ranked[best] && rng.int(++ties) === 0) {
        best = i;
      }
    }
    if (best < 0) return null;
    const proposal = accept(best);
    if (proposal !== null) return proposal;
  }
  const tieBreak = Float64Array.from({ length: n }, () => rng.next());
  const order = Int32Array.from({ length: n }, (_, i) => i)
    .filter((i) => removed[i] === 0)
    .sort((a, b) => (ranked[a] === ranked[b] ? tieBreak[a]! - tieBreak[b]! : ranked[b]! > ranked[a]! ? 1 : -1));
  for (const i of order) {
    const proposal = accept(i);
    if (proposal !== null) return proposal;
  }
  return null;
}
