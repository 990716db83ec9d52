/** Support-vector machine hyperparameters (libsvm's names in scikit-learn's spelling). */
import { AutoMLError } from '../../../util/errors.ts';
import { isJsonObject, type JsonObject } from '../../../util/json.ts';

export const SVM_KERNELS = ['rbf', 'poly', 'sigmoid', 'linear'] as const;
export type SvmKernel = (typeof SVM_KERNELS)[number];

/**
 * Training rows above which a seeded random subset is used. Kernel SVM training grows between
 * quadratically and cubically with the rows, and C-SVC probabilities train five more models for
 * calibration: with default settings digits (1347 rows × 64) took 19 s to fit on a busy two-core
 * machine. An unbounded fit could eat a whole search budget; 2000 rows keep a fit to tens of
 * seconds at worst while leaving the SVM the small-data regime where it is competitive.
 */
export const SVM_MAX_TRAINING_ROWS = 2000;

export interface SvmParams {
  readonly C: number;
  readonly kernel: SvmKernel;
  /** Kernel width for rbf / poly / sigmoid. */
  readonly gamma: number;
  readonly degree: number;
  readonly coef0: number;
  /** Width of the ε-insensitive tube (regression only). */
  readonly epsilon: number;
  readonly tol: number;
  readonly seed: number;
  readonly maxTrainingRows: number;
}

export const SVM_DEFAULTS: SvmParams = { C: 1, kernel: 'rbf', gamma: 0.1, degree: 3, coef0: 0, epsilon: 0.1, tol: 1e-3, seed: 0, maxTrainingRows: SVM_MAX_TRAINING_ROWS };

export function resolveSvmParams(given: Partial<SvmParams>): SvmParams {
  const p = { ...SVM_DEFAULTS, ...given };
  const bad = (name: string, rule: string) => new AutoMLError('BAD_OPTION', `svm: ${name} must be ${rule}`);
  if (!(p.C > 0)) throw bad('C', '> 0');
  if (!SVM_KERNELS.includes(p.kernel)) throw bad('kernel', SVM_KERNELS.join(', '));
  if (!(p.gamma > 0)) throw bad('gamma', '> 0');
  if (!Number.isInteger(p.degree) || p.degree < 1) throw bad('degree', 'an integer >= 1');
  if (!Number.isFinite(p.coef0)) throw bad('coef0', 'finite');
  if (!(p.epsilon >= 0)) throw bad('epsilon', '>= 0');
  if (!(p.tol > 0)) throw bad('tol', '> 0');
  if (!Number.isInteger(p.maxTrainingRows) || p.maxTrainingRows < 2) throw bad('maxTrainingRows', 'an integer >= 2');
  return p;
}

export function svmParamsToJson(p: SvmParams): JsonObject {
  return { ...p };
}

export function svmParamsFromJson(value: unknown): Partial<SvmParams> {
  if (!isJsonObject(value)) throw new AutoMLError('BAD_MODEL_FILE', 'svm: state.params must be an object');
  const out: Record<string, unknown> = {};
  for (const key of ['C', 'gamma', 'degree', 'coef0', 'epsilon', 'tol', 'seed', 'maxTrainingRows'] as const) {
    if (typeof value[key] !== 'number') throw new AutoMLError('BAD_MODEL_FILE', `svm: state.params.${key} must be a number`);
    out[key] = value[key];
  }
  if (!SVM_KERNELS.includes(value['kernel'] as SvmKernel)) throw new AutoMLError('BAD_MODEL_FILE', 'svm: state.params.kernel is not a known kernel');
  out['kernel'] = value['kernel'];
  return out as Partial<SvmParams>;
}
