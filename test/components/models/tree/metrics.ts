/** Small scoring helpers for the tree tests. */
export function accuracy(truth: Int32Array, predicted: Int32Array): number {
  let correct = 0;
  for (let i = 0; i < truth.length; i++) if (truth[i] === predicted[i]) correct++;
  return correct / truth.length;
}

/** Mean per-class recall over the classes present in `truth`. */
export function balancedAccuracy(truth: Int32Array, predicted: Int32Array, nClasses: number): number {
  const hits = new Float64Array(nClasses);
  const counts = new Float64Array(nClasses);
  for (let i = 0; i < truth.length; i++) {
    counts[truth[i]!]++;
    if (truth[i] === predicted[i]) hits[truth[i]!]++;
  }
  let sum = 0;
  let present = 0;
  for (let k = 0; k < nClasses; k++) {
    if (counts[k]! === 0) continue;
    sum += hits[k]! / counts[k]!;
    present++;
  }
  return sum / present;
}

export function rSquared(truth: Float64Array, predicted: Float64Array): number {
  let mean = 0;
  for (const v of truth) mean += v;
  mean /= truth.length;
  let total = 0;
  let residual = 0;
  for (let i = 0; i < truth.length; i++) {
    total += (truth[i]! - mean) ** 2;
    residual += (truth[i]! - predicted[i]!) ** 2;
  }
  return 1 - residual / total;
}
