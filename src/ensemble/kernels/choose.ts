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

export function chooseKernel(pool: readonly Float64Array[], truth: Truth, scorer: Scorer): CostKernel {
  if (truth.kind === 'classification') {
    if (scorer.name === 'accuracy') return new ArgmaxKernel(pool, truth, false);
    if (scorer.name === 'balanced_accuracy') return new ArgmaxKernel(pool, truth, true);
    if (scorer.name === 'log_loss') return new LogLossKernel(pool, truth);
  }
  return new GenericKernel(pool, truth, scorer);
}
