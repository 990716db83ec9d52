/**
 * An upper bound on how much the search can still gain (Makarova et al., "Automatic termination
 * for hyperparameter optimization", AutoML 2022): the best upper confidence bound among
 * configurations already evaluated, minus the lowest lower confidence bound anywhere the
 * optimiser looks. If the surrogate's intervals hold, no configuration is better than the
 * incumbent by more than this.
 *
 * Only the better half of the evaluated configurations (by observed cost) is considered for the
 * upper bound: the incumbent is among them, and the poor half adds nothing to a minimum except
 * the chance of an interval that misses.
 *
 * The surrogate predicts a transformed cost (cost-transform.ts); the bounds are formed there,
 * where its mean and spread live, and mapped back to costs by the transform's inverse, which is
 * monotone, so a confidence interval of the target is one of the cost.
 */

/**
 * Width of the confidence intervals in standard deviations of the surrogate: about a two-sided
 * 95% interval under a normal reading of the forest's spread. A random forest's across-tree
 * spread is a heuristic uncertainty, not a posterior; a wider interval (GP-UCB's theoretical β
 * grows with the number of evaluations) would in practice never let the bound fall below a
 * validation error, a narrower one would stop on the first plateau.
 */
export const CONFIDENCE_BETA = 2;

/** Surrogate predictions (transformed cost) of some configurations. */
export interface PredictedCosts {
  readonly mean: ArrayLike<number>;
  readonly variance: ArrayLike<number>;
}

export interface RegretBoundInputs {
  /** Predictions at the evaluated configurations, in the order of `observedCosts`. */
  readonly evaluated: PredictedCosts;
  /** Observed cost of each evaluated configuration; non-finite for a failure. */
  readonly observedCosts: ArrayLike<number>;
  /** Predictions at the candidates the optimiser considers (besides the evaluated ones). */
  readonly candidates: PredictedCosts;
  /** The cost a surrogate target stands for (monotone increasing). */
  readonly toCost: (target: number) => number;
  readonly beta?: number;
}

/** The bound in cost units; NaN when no evaluation succeeded. Never negative. */
export function regretBound(inputs: RegretBoundInputs): number {
  const { evaluated, observedCosts, candidates, toCost } = inputs;
  const beta = inputs.beta ?? CONFIDENCE_BETA;
  const successes: number[] = [];
  for (let i = 0; i < observedCosts.length; i++) if (Number.isFinite(observedCosts[i]!)) successes.push(i);
  if (successes.length === 0) return Number.NaN;
  successes.sort((a, b) => observedCosts[a]! - observedCosts[b]! || a - b);
  const betterHalf = successes.slice(0, Math.ceil(successes.length / 2));
  let lowestUpper = Infinity;
  for (const i of betterHalf) lowestUpper = Math.min(lowestUpper, evaluated.mean[i]! + beta * Math.sqrt(Math.max(0, evaluated.variance[i]!)));
  let lowestLower = Infinity;
  for (const predicted of [evaluated, candidates]) {
    for (let i = 0; i < predicted.mean.length; i++) lowestLower = Math.min(lowestLower, predicted.mean[i]! - beta * Math.sqrt(Math.max(0, predicted.variance[i]!)));
  }
  return Math.max(0, toCost(lowestUpper) - toCost(lowestLower));
}
