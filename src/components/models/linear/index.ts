/** The linear models of the zoo: what the model registry and search space need to import. */
export { LogisticRegression, LOGISTIC_REGRESSION_DEFAULTS, LOGISTIC_REGRESSION_TYPE } from './logistic-regression.ts';
export type { LogisticRegressionParams } from './logistic-regression.ts';
export { LinearRegression, LINEAR_REGRESSION_DEFAULTS, LINEAR_REGRESSION_TYPE } from './linear-regression.ts';
export type { LinearRegressionParams } from './linear-regression.ts';
export { PENALTIES } from './params.ts';
export type { Penalty } from './params.ts';
