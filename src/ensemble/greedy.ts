/**
 * Greedy forward selection with replacement (Caruana et al., 2004): each iteration adds the
 * candidate whose inclusion gives the cheapest ensemble, where the ensemble is the plain average
 * of everything added so far. Replacement lets a strong candidate be added again, which is how
 * weights other than 1/k arise.
 *
 * The running sum of added predictions is kept, and each trial average is written into one
 * reusable buffer, so an iteration allocates nothing beyond what the scorer itself does.
 */
import type { Truth } from '../metrics/prediction.ts';
import type { Scorer } from '../metrics/scorers.ts';
import { scoreToCost } from '../metrics/scorers.ts';
import type { Rng } from '../util/rng.ts';
import { flatLength, predictionOver } from './flat.ts';

export interface GreedyPath {
  /** Pool index added at each iteration. */
  readonly picks: Int32Array;
  /** Ensemble cost after each iteration. */
  readonly trajectory: number[];
}

/**
 * Runs up to `iterations` steps over `pool` (flat predictions of the candidates). Equal costs are
 * broken by `rng`; a NaN cost counts as the worst. A pool of one stops after the first step, as
 * repeating the only candidate cannot change the average.
 */
export function greedySelection(pool: readonly Float64Array[], truth: Truth, scorer: Scorer, iterations: number, rng: Rng): GreedyPath {
  const length = flatLength(truth);
  const sum = new Float64Array(length);
  const trial = new Float64Array(length);
  const trialPrediction = predictionOver(truth, trial);
  const ties = new Int32Array(pool.length);
  const steps = pool.length === 1 ? Math.min(1, iterations) : iterations;
  const picks = new Int32Array(steps);
  const trajectory: number[] = [];
  for (let step = 0; step < steps; step++) {
    const scale = 1 / (step + 1);
    let bestCost = Infinity;
    let nTies = 0;
    for (let j = 0; j < pool.length; j++) {
      const source = pool[j]!;
      for (let i = 0; i < length; i++) trial[i] = (sum[i]! + source[i]!) * scale;
      const raw = scoreToCost(scorer, scorer.score(truth, trialPrediction));
      const cost = Number.isNaN(raw) ? Infinity : raw;
      if (cost < bestCost) {
        bestCost = cost;
        ties[0] = j;
        nTies = 1;
      } else if (cost === bestCost) {
        ties[nTies++] = j;
      }
    }
    const pick = ties[nTies === 1 ? 0 : rng.int(nTies)]!;
    const chosen = pool[pick]!;
    for (let i = 0; i < length; i++) sum[i]! += chosen[i]!;
    picks[step] = pick;
    trajectory.push(bestCost);
  }
  return { picks, trajectory };
}
