/**
 * Kernel for any scorer: writes the trial average into one reusable buffer and hands a view of it
 * to the scorer, so trying a candidate allocates nothing beyond what the scorer itself does.
 */
import type { Prediction, Truth } from '../../metrics/prediction.ts';
import type { Scorer } from '../../metrics/scorers.ts';
import { scoreToCost } from '../../metrics/scorers.ts';
import { flatLength, predictionOver } from '../flat.ts';
import type { CostKernel } from './kernel.ts';

export class GenericKernel implements CostKernel {
  private readonly sum: Float64Array;
  private readonly trial: Float64Array;
  /** The trial buffer seen as a prediction, handed to the scorer. */
  private readonly view: Prediction;
  private count = 0;

  constructor(
    private readonly pool: readonly Float64Array[],
    private readonly truth: Truth,
    private readonly scorer: Scorer,
  ) {
    const length = flatLength(truth);
    this.sum = new Float64Array(length);
    this.trial = new Float64Array(length);
    this.view = predictionOver(truth, this.trial);
  }

  trialCost(j: number): number {
    const { sum, trial } = this;
    const source = this.pool[j]!;
    const scale = 1 / (this.count + 1);
    for (let i = 0; i < trial.length; i++) trial[i] = (sum[i]! + source[i]!) * scale;
    return scoreToCost(this.scorer, this.scorer.score(this.truth, this.view));
  }

  add(j: number): void {
    const { sum } = this;
    const source = this.pool[j]!;
    for (let i = 0; i < sum.length; i++) sum[i]! += source[i]!;
    this.count++;
  }
}
