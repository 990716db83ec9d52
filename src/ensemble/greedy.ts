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
}

/**
 * Runs up to `iterations` steps over a pool of `poolSize` candidates. Equal costs are broken by
 * `rng`; a NaN cost counts as the worst. A pool of one stops after the first step, as repeating
 * the only candidate cannot change the average.
 */
export function greedySelection(kernel: CostKernel, poolSize: number, iterations: number, rng: Rng): GreedyPath {
  const ties = new Int32Array(poolSize);
  const steps = poolSize === 1 ? Math.min(1, iterations) : iterations;
  const picks = new Int32Array(steps);
  const trajectory: number[] = [];
  for (let step = 0; step < steps; step++) {
    let bestCost = Infinity;
    let nTies = 0;
    for (let j = 0; j < poolSize; j++) {
      const raw = kernel.trialCost(j);
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
    kernel.add(pick);
    picks[step] = pick;
    trajectory.push(bestCost);
  }
  return { picks, trajectory };
}
