/**
 * Weighted log-loss of linear classifiers and its gradient, evaluated on column-major features.
 *
 * Parameters are laid out per output: θ[k·(d+1) + j] is the coefficient of feature j for output
 * k and θ[k·(d+1) + d] its intercept. One output means the binary sigmoid model (class 1 vs 0);
 * K outputs mean the multinomial softmax model. Scores are kept output-major (one contiguous
 * block of nRows per output), so both the forward pass and the gradient are column-wise axpy
 * and dot products.
 */
import type { SmoothObjective } from './owlqn.ts';
import { addLinearScores, dot, sum } from './vector.ts';

export interface LogisticProblem {
  readonly columns: readonly Float64Array[];
  readonly nRows: number;
  /** Class index per row (0 or 1 for the sigmoid model). */
  readonly labels: Int32Array;
  /** Non-negative, summing to one: the loss is a weighted mean. */
  readonly weights: Float64Array;
  /** 1 for the sigmoid model, K for the softmax model. */
  readonly nOutputs: number;
  readonly fitIntercept: boolean;
  /** Coefficient of ½θ_p² in the objective, per parameter (0 for intercepts). */
  readonly l2: Float64Array;
}

/** log(1 + e^z) without overflow. */
export function softplus(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

/** 1 / (1 + e^-z) without overflow. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

export function makeLogisticObjective(problem: LogisticProblem): SmoothObjective {
  return problem.nOutputs === 1 ? binaryObjective(problem) : multinomialObjective(problem);
}

function binaryObjective(problem: LogisticProblem): SmoothObjective {
  const { columns, nRows, labels, weights, fitIntercept } = problem;
  const d = columns.length;
  const scores = new Float64Array(nRows);
  const residual = new Float64Array(nRows);
  return (theta, gradient) => {
    scores.fill(theta[d]!);
    addLinearScores(columns, theta, 0, scores);
    let loss = 0;
    for (let i = 0; i < nRows; i++) {
      const z = scores[i]!;
      const w = weights[i]!;
      const positive = labels[i] === 1;
      loss += w * (softplus(z) - (positive ? z : 0));
      residual[i] = w * (sigmoid(z) - (positive ? 1 : 0));
    }
    for (let j = 0; j < d; j++) gradient[j] = dot(residual, columns[j]!);
    gradient[d] = fitIntercept ? sum(residual) : 0;
    return loss + addRidge(theta, problem.l2, gradient);
  };
}

function multinomialObjective(problem: LogisticProblem): SmoothObjective {
  const { columns, nRows, labels, weights, fitIntercept, nOutputs } = problem;
  const d = columns.length;
  const stride = d + 1;
  const scores = new Float64Array(nOutputs * nRows);
  const residual = new Float64Array(nOutputs * nRows);
  const scoreBlocks = Array.from({ length: nOutputs }, (_, k) => scores.subarray(k * nRows, (k + 1) * nRows));
  const residualBlocks = Array.from({ length: nOutputs }, (_, k) => residual.subarray(k * nRows, (k + 1) * nRows));
  return (theta, gradient) => {
    for (let k = 0; k < nOutputs; k++) {
      const block = scoreBlocks[k]!;
      block.fill(theta[k * stride + d]!);
      addLinearScores(columns, theta, k * stride, block);
    }
    let loss = 0;
    for (let i = 0; i < nRows; i++) {
      let max = -Infinity;
      for (let k = 0; k < nOutputs; k++) max = Math.max(max, scores[k * nRows + i]!);
      let total = 0;
      for (let k = 0; k < nOutputs; k++) {
        const e = Math.exp(scores[k * nRows + i]! - max);
        residual[k * nRows + i] = e;
        total += e;
      }
      const w = weights[i]!;
      const label = labels[i]!;
      loss += w * (max + Math.log(total) - scores[label * nRows + i]!);
      const scale = w / total;
      for (let k = 0; k < nOutputs; k++) residual[k * nRows + i] = residual[k * nRows + i]! * scale;
      residual[label * nRows + i] = residual[label * nRows + i]! - w;
    }
    for (let k = 0; k < nOutputs; k++) {
      const block = residualBlocks[k]!;
      for (let j = 0; j < d; j++) gradient[k * stride + j] = dot(block, columns[j]!);
      gradient[k * stride + d] = fitIntercept ? sum(block) : 0;
    }
    return loss + addRidge(theta, problem.l2, gradient);
  };
}

/** Adds ∇(½ Σ l2_p θ_p²) to `gradient` and returns the penalty value. */
function addRidge(theta: Float64Array, l2: Float64Array, gradient: Float64Array): number {
  let penalty = 0;
  for (let p = 0; p < theta.length; p++) {
    const lambda = l2[p]!;
    if (lambda === 0) continue;
    const t = theta[p]!;
    penalty += 0.5 * lambda * t * t;
    gradient[p] = gradient[p]! + lambda * t;
  }
  return penalty;
}
