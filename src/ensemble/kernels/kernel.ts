/**
 * What greedy selection asks of a metric: the cost of the ensemble that would add one more
 * candidate, and the adding itself. The ensemble is always the plain average of the selections,
 * so a kernel keeps the running sum of the selected predictions and the selection count.
 */
export interface CostKernel {
  /** Cost (lower is better) of averaging pool member `j` with everything added so far. */
  trialCost(j: number): number;
  /** Adds pool member `j` to the selection for good. */
  add(j: number): void;
}
