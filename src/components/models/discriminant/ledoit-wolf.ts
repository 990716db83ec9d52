/**
 * The Ledoit–Wolf estimate of the best shrinkage intensity α for a covariance estimate R toward
 * the scaled identity μI (μ = tr R / d), i.e. (1 − α)R + αμI with the smallest expected squared
 * error. With ‖A‖² = tr(AAᵀ)/d:
 *   δ² = ‖R − μI‖²,  β̄² = (1/n) · mean over rows of ‖z zᵀ − R‖²,  α = min(β̄², δ²) / δ².
 * Expanding ‖z zᵀ − R‖² averaged over rows gives β̄² = (E‖z‖⁴ − tr(R²)) / (n·d), which needs only
 * row norms. Rows are weighted: expectations use the normalised weights and n becomes the
 * effective sample size (Σw)² / Σw².
 */

/**
 * @param deviations per-feature deviations z (one array per feature, one entry per row), before scaling
 * @param scales the divisor of each feature, so that R is the covariance of deviations / scales
 * @param weights row weights
 * @param covariance R (d × d, row-major) = Σ w z zᵀ / Σ w of the scaled deviations
 */
export function ledoitWolfShrinkage(
  deviations: readonly Float64Array[],
  scales: Float64Array,
  weights: Float64Array,
  covariance: Float64Array,
): number {
  const d = deviations.length;
  if (d === 0) return 0;
  const nRows = weights.length;
  let totalWeight = 0;
  let squaredWeights = 0;
  for (let i = 0; i < nRows; i++) {
    totalWeight += weights[i]!;
    squaredWeights += weights[i]! ** 2;
  }
  const effectiveRows = (totalWeight * totalWeight) / squaredWeights;

  const rowSquaredNorms = new Float64Array(nRows);
  deviations.forEach((column, j) => {
    const scale = scales[j]!;
    for (let i = 0; i < nRows; i++) rowSquaredNorms[i]! += (column[i]! / scale) ** 2;
  });
  let fourthMoment = 0;
  for (let i = 0; i < nRows; i++) fourthMoment += (weights[i]! / totalWeight) * rowSquaredNorms[i]! ** 2;

  let trace = 0;
  let squaredFrobenius = 0;
  for (let j = 0; j < d; j++) trace += covariance[j * d + j]!;
  for (let index = 0; index < d * d; index++) squaredFrobenius += covariance[index]! ** 2;

  const distanceToTarget = (squaredFrobenius - (trace * trace) / d) / d;
  // Already a multiple of the identity: shrinking cannot change it.
  if (!(distanceToTarget > 0)) return 0;
  const estimationError = Math.max(0, (fourthMoment - squaredFrobenius) / (effectiveRows * d));
  return Math.min(estimationError, distanceToTarget) / distanceToTarget;
}
