/**
 * XGBoost stores the base score on the prediction scale (a probability for logistic objectives)
 * and converts it to the margin scale when predicting; the plain trees keep the margin.
 */
export function baseScoreToMargin(objective: string, baseScore: number): number {
  if (objective === 'binary:logistic' || objective === 'reg:logistic') return Math.log(baseScore / (1 - baseScore));
  return baseScore;
}
