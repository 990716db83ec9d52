/** Kernel support-vector machines on libsvm: public surface. */
export { SvmClassifier, SvmRegressor, loadSvm, SVM_TYPE } from './svm-model.ts';
export { SVM_DEFAULTS, SVM_KERNELS, SVM_MAX_TRAINING_ROWS, type SvmKernel, type SvmParams } from './params.ts';
