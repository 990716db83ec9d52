/** Naive Bayes classifiers: Gaussian, multinomial (counts; non-negative input) and Bernoulli. */
import type { ComponentSpec } from '../../component.ts';
import { booleanParam, numberParam } from '../../component.ts';
import type { Model } from '../../model.ts';
import { GaussianNaiveBayes } from '../../models/bayes/gaussian-naive-bayes.ts';
import { MultinomialNaiveBayes } from '../../models/bayes/multinomial-naive-bayes.ts';
import { BernoulliNaiveBayes } from '../../models/bayes/bernoulli-naive-bayes.ts';
import { categorical, emptySpace, float } from '../space-helpers.ts';

export const GAUSSIAN_NB: ComponentSpec<Model> = {
  id: 'gaussian_nb',
  families: ['classification'],
  space: () => emptySpace().addHyperparameter(float('var_smoothing', 1e-11, 1e-1, 1e-9, true)),
  create: (params) => new GaussianNaiveBayes({ varSmoothing: numberParam(params, 'var_smoothing') }),
};

export const MULTINOMIAL_NB: ComponentSpec<Model> = {
  id: 'multinomial_nb',
  families: ['classification'],
  space: () => emptySpace().addHyperparameters([float('alpha', 1e-2, 100, 1, true), categorical('fit_prior', [true, false], true)]),
  create: (params) => new MultinomialNaiveBayes({ alpha: numberParam(params, 'alpha'), fitPrior: booleanParam(params, 'fit_prior') }),
};

export const BERNOULLI_NB: ComponentSpec<Model> = {
  id: 'bernoulli_nb',
  families: ['classification'],
  space: () => emptySpace().addHyperparameters([float('alpha', 1e-2, 100, 1, true), categorical('fit_prior', [true, false], true)]),
  create: (params) => new BernoulliNaiveBayes({ alpha: numberParam(params, 'alpha'), fitPrior: booleanParam(params, 'fit_prior'), binarize: 0 }),
};
