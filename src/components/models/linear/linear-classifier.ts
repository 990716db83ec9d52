/**
 * Fitted state and prediction of a linear classifier on raw features. Kept apart from the
 * solver so that a model rebuilt from JSON predicts through exactly the same arithmetic as the
 * freshly fitted one.
 */
import type { FeatureMatrix, ProbabilityMatrix } from '../../matrix.ts';
import { sigmoid } from './logistic-loss.ts';
import { addLinearScores } from './vector.ts';

export interface LinearClassifierState {
  readonly nClasses: number;
  readonly nFeatures: number;
  /** coef[k·nFeatures + j]: weight of feature j in output k. */
  readonly coef: Float64Array;
  /** One intercept per output. */
  readonly intercept: Float64Array;
}

/** Two classes use one sigmoid output (score of class 1); otherwise one softmax output per class. */
export function outputCount(nClasses: number): number {
  return nClasses === 2 ? 1 : nClasses;
}

export function classProbabilities(x: FeatureMatrix, state: LinearClassifierState): ProbabilityMatrix {
  const { nClasses, nFeatures, coef, intercept } = state;
  const nRows = x.nRows;
  const data = new Float64Array(nRows * nClasses);
  const nOutputs = outputCount(nClasses);
  const scores = new Float64Array(nOutputs * nRows);
  for (let k = 0; k < nOutputs; k++) {
    const block = scores.subarray(k * nRows, (k + 1) * nRows);
    block.fill(intercept[k]!);
    addLinearScores(x.columns, coef, k * nFeatures, block);
  }
  if (nOutputs === 1 && nClasses === 2) {
    for (let i = 0; i < nRows; i++) {
      const p1 = sigmoid(scores[i]!);
      data[2 * i] = 1 - p1;
      data[2 * i + 1] = p1;
    }
    return { nRows, nClasses, data };
  }
  for (let i = 0; i < nRows; i++) {
    let max = -Infinity;
    for (let k = 0; k < nClasses; k++) max = Math.max(max, scores[k * nRows + i]!);
    let total = 0;
    for (let k = 0; k < nClasses; k++) {
      const e = Math.exp(scores[k * nRows + i]! - max);
      data[i * nClasses + k] = e;
      total += e;
    }
    for (let k = 0; k < nClasses; k++) data[i * nClasses + k] = data[i * nClasses + k]! / total;
  }
  return { nRows, nClasses, data };
}
