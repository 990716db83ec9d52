/** The project's own metrics under the short names the model tests use. */
export { accuracy, balancedAccuracy } from '../../src/metrics/classification.ts';
export { r2Score as rSquared } from '../../src/metrics/regression.ts';
