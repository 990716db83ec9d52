/**
 * Kernel support-vector machines (libsvm): C-SVC for classification, ε-SVR for regression.
 * Ranges follow Auto-sklearn's libsvm spaces (C and gamma on log scales over powers of two);
 * gamma applies to the non-linear kernels, degree to poly, coef0 to poly and sigmoid.
 */
import type { ComponentSpec } from '../../component.ts';
import { numberParam, stringParam } from '../../component.ts';
import type { Model } from '../../model.ts';
import { EqualsCondition, InCondition, type Configuration } from '../../../space/index.ts';
import { SVM_DEFAULTS, SvmClassifier, SvmRegressor, type SvmKernel, type SvmParams } from '../../models/svm/index.ts';
import { categorical, emptySpace, float, integer } from '../space-helpers.ts';

function svmSpace(regression: boolean) {
  const space = emptySpace().addHyperparameters([
    float('C', 0.03125, 32768, 1, true),
    categorical('kernel', ['rbf', 'poly', 'sigmoid', 'linear'], 'rbf'),
    float('gamma', 3.0517578125e-5, 8, 0.1, true),
    integer('degree', 2, 5, 3),
    float('coef0', -1, 1, 0),
    float('tol', 1e-5, 1e-1, 1e-3, true),
  ]);
  if (regression) space.addHyperparameter(float('epsilon', 0.001, 1, 0.1, true));
  return space
    .addCondition(new InCondition('gamma', 'kernel', ['rbf', 'poly', 'sigmoid']))
    .addCondition(new EqualsCondition('degree', 'kernel', 'poly'))
    .addCondition(new InCondition('coef0', 'kernel', ['poly', 'sigmoid']));
}

/** Inactive hyperparameters are absent from the configuration: libsvm then ignores the default. */
function optional(params: Configuration, name: string, fallback: number): number {
  return params[name] === undefined ? fallback : numberParam(params, name);
}

function svmParams(params: Configuration, seed: number): Partial<SvmParams> {
  return {
    C: numberParam(params, 'C'),
    kernel: stringParam(params, 'kernel') as SvmKernel,
    gamma: optional(params, 'gamma', SVM_DEFAULTS.gamma),
    degree: optional(params, 'degree', SVM_DEFAULTS.degree),
    coef0: optional(params, 'coef0', SVM_DEFAULTS.coef0),
    tol: numberParam(params, 'tol'),
    epsilon: optional(params, 'epsilon', SVM_DEFAULTS.epsilon),
    seed,
  };
}

export const SVM_CLASSIFIER: ComponentSpec<Model> = {
  id: 'svm',
  families: ['classification'],
  space: () => svmSpace(false),
  create: (params, seed) => new SvmClassifier(svmParams(params, seed)),
};

export const SVM_REGRESSOR: ComponentSpec<Model> = {
  id: 'svm',
  families: ['regression'],
  space: () => svmSpace(true),
  create: (params, seed) => new SvmRegressor(svmParams(params, seed)),
};
