/** Scores for the MLP tests, computed directly so the tests depend only on the model under test. */

/** Mean over present classes of per-class recall. */
export function balancedAccuracy(truth: Int32Array, predicted: Int32Array, nClasses: number): number {
  const hits = new Float64Array(nClasses);
  const counts = new Float64Array(nClasses);
  for (let i = 0; i < truth.length; i++) {
    counts[truth[i]!]!++;
    if (predicted[i] === truth[i]) hits[truth[i]!]!++;
  }
  let total = 0;
  let present = 0;
  for (let k = 0; k < nClasses; k++) {
    if (counts[k]! > 0) {
      total += hits[k]! / counts[k]!;
      present++;
    }
  }
  return total / present;
}

export function accuracy(truth: Int32Array, predicted: Int32Array): number {
  let hits = 0;
  for (let i = 0; i < truth.length; i++) if (predicted[i] === truth[i]) hits++;
  return hits / truth.length;
}

export function rSquared(truth: Float64Array, predicted: Float64Array): number {
  const mean = truth.reduce((a, b) => a + b, 0) / truth.length;
  let residual = 0;
  let spread = 0;
  for (let i = 0; i < truth.length; i++) {
    residual += (truth[i]! - predicted[i]!) ** 2;
    spread += (truth[i]! - mean) ** 2;
  }
  return 1 - residual / spread;
}
