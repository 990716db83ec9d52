/**
 * Greedy forward selection with replacement (Caruana et al., 2004): each iteration adds the
 * candidate whose inclusion gives the cheapest ensemble, where the ensemble is the plain average
 * of everything added so far. Replacement lets a strong candidate be added again, which is how
 * weights other than 1/k arise. How a trial ensemble is costed is the kernel's business.
 */
import type { Rng } from '../util/rng.ts';
import type { CostKernel } from './kernels/kernel.ts';

export interface GreedyPath {
  /** Pool index added at each iteration. */
  readonly picks: Int32Array;
  /** Ensemble cost after each iteration. */
  readonly trajectory: number[];
  /** Tie-breaking cost of the ensemble after each iteration, when a tie-breaker was given. */
  readonly tieTrajectory?: number[];
}

/** NaN counts as the worst cost. */
function costOf(raw: number): number {
  return Number.isNaN(raw) ? Infinity : raw;
}

/**
 * Runs up to `iterations` steps over a pool of `poolSize` candidates. Candidates of equal cost
 * are first separated by `tieBreaker` (a second kernel, e.g. log loss when the run's metric is
 * a discrete one like balanced accuracy, where many candidates tie), and only what still ties
 * is decided by `rng`; a NaN cost counts as the worst. A pool of one stops after the first step,
 * as repeating the only candidate cannot change the average.
 */
export function greedySelection(kernel: CostKernel, poolSize: number, iterations: number, rng: Rng, tieBreaker?: CostKernel): GreedyPath {
  const ties = new Int32Array(poolSize);
  const steps = poolSize === 1 ? Math.min(1, iterations) : iterations;
  const picks = new Int32Array(steps);
  const trajectory: number[] = [];
  const tieTrajectory: number[] = [];
  for (let step = 0; step < steps; step++) {
    let bestCost = Infinity;
    let nTies = 0;
    for (let j = 0; j < poolSize; j++) {
      const cost = costOf(kernel.trialCost(j));
      if (cost < bestCost) {
        bestCost = cost;
        ties[0] = j;
        nTies = 1;
      } else if (cost === bestCost) {
        ties[nTies++] = j;
      }
    }
    let tieCost = NaN;
    if (tieBreaker !== undefined) {
      if (nTies > 1) {
        // Keep only the tied candidates with the lowest tie-breaking cost, in pool order.
        let kept = 0;
        tieCost = Infinity;
        for (let t = 0; t < nTies; t++) {
          const j = ties[t]!;
          const cost = costOf(tieBreaker.trialCost(j));
          if (cost < tieCost) {
            tieCost = cost;
            kept = 0;
          }
          if (cost === tieCost) ties[kept++] = j;
        }
        nTies = kept;
      } else {
        tieCost = costOf(tieBreaker.trialCost(ties[0]!));
      }
    }
    const pick = ties[nTies === 1 ? 0 : rng.int(nTies)]!;
    kernel.add(pick);
    tieBreaker?.add(pick);
    picks[step] = pick;
    trajectory.push(bestCost);
    tieTrajectory.push(tieCost);
  }
  return tieBreaker === undefined ? { picks, trajectory } : { picks, trajectory, tieTrajectory };
}
