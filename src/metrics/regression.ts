/** Regression metrics on Float64Array targets and predictions; weights default to 1 per row. */

function weightAt(weights: Float64Array | undefined, i: number): number {
  return weights === undefined ? 1 : weights[i]!;
}

export function meanSquaredError(yTrue: Float64Array, yPred: Float64Array, weights?: Float64Array): number {
  let sum = 0;
  let total = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const w = weightAt(weights, i);
    const d = yTrue[i]! - yPred[i]!;
    sum += w * d * d;
    total += w;
  }
  return total > 0 ? sum / total : 0;
}

export function rootMeanSquaredError(yTrue: Float64Array, yPred: Float64Array, weights?: Float64Array): number {
  return Math.sqrt(meanSquaredError(yTrue, yPred, weights));
}

export function meanAbsoluteError(yTrue: Float64Array, yPred: Float64Array, weights?: Float64Array): number {
  let sum = 0;
  let total = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const w = weightAt(weights, i);
    sum += w * Math.abs(yTrue[i]! - yPred[i]!);
    total += w;
  }
  return total > 0 ? sum / total : 0;
}

/** Coefficient of determination; 0 for a constant prediction at the mean, 1 for a perfect fit. */
export function r2Score(yTrue: Float64Array, yPred: Float64Array, weights?: Float64Array): number {
  let total = 0;
  let mean = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const w = weightAt(weights, i);
    mean += w * yTrue[i]!;
    total += w;
  }
  if (total === 0) return 0;
  mean /= total;
  let residual = 0;
  let spread = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const w = weightAt(weights, i);
    residual += w * (yTrue[i]! - yPred[i]!) ** 2;
    spread += w * (yTrue[i]! - mean) ** 2;
  }
  if (spread === 0) return residual === 0 ? 1 : 0;
  return 1 - residual / spread;
}
