/**
 * Picks the fastest kernel that computes the scorer's cost: dedicated ones for the metrics whose
 * cost needs only part of each probability row, the generic buffer-and-scorer one otherwise
 * (regression metrics already read one value per row, so they gain nothing from a dedicated one).
 */
import type { Truth } from '../../metrics/prediction.ts';
import type { Scorer } from '../../metrics/scorers.ts';
import { ArgmaxKernel } from './argmax.ts';
import { GenericKernel } from './generic.ts';
import type { CostKernel } from './kernel.ts';
import { LogLossKernel } from './log-loss.ts';
import { classPrior } from '../../export/decision.ts';

/**
 * Balanced accuracy decides by the prior-ratio rule (export/decision.ts). Dividing each class
 * column by its prior commutes with the weighted average, so the argmax kernel on the divided
 * columns reaches that rule's verdicts.
 */
function priorRatioData(pool: readonly Float64Array[], truth: Extract<Truth, { kind: 'classification' }>): Float64Array[] {
  const inverse = classPrior(truth.codes, truth.nClasses).map((p) => 1 / p);
  return pool.map((rows) => rows.map((p, i) => p * inverse[i % truth.nClasses]!));
}

export function chooseKernel(pool: readonly Float64Array[], truth: Truth, scorer: Scorer): CostKernel {
  if (truth.kind === 'classification') {
    if (scorer.name === 'accuracy') return new ArgmaxKernel(pool, truth, false);
    if (scorer.name === 'balanced_accuracy') return new ArgmaxKernel(priorRatioData(pool, truth), truth, true);
    if (scorer.name === 'log_loss') return new LogLossKernel(pool, truth);
  }
  return new GenericKernel(pool, truth, scorer);
}
