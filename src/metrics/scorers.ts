/**
 * Named scorers. A scorer reports a score in its natural direction (accuracy: higher is better,
 * RMSE: lower is better); the search only ever minimises a cost derived from it, so that every
 * optimiser and the ensemble builder can stay direction-agnostic.
 */
import { argmaxRows } from '../components/matrix.ts';
import { AutoMLError } from '../util/errors.ts';
import type { Task } from '../data/dataset.ts';
import { accuracy, balancedAccuracy, logLoss, rocAuc } from './classification.ts';
import { meanAbsoluteError, r2Score, rootMeanSquaredError } from './regression.ts';
import type { Prediction, Truth } from './prediction.ts';
import { classPrior, decideLabels } from '../export/decision.ts';

export type TaskFamily = 'classification' | 'regression';

export interface Scorer {
  readonly name: MetricName;
  readonly family: TaskFamily;
  readonly greaterIsBetter: boolean;
  /** Whether the metric reads probabilities rather than hard labels. */
  readonly needsProba: boolean;
  /** Best reachable score (1 for accuracy, 0 for errors). */
  readonly optimum: number;
  score(truth: Truth, prediction: Prediction, weights?: Float64Array): number;
}

export const METRIC_NAMES = ['balanced_accuracy', 'accuracy', 'log_loss', 'roc_auc', 'rmse', 'mae', 'r2'] as const;
export type MetricName = (typeof METRIC_NAMES)[number];

function classificationParts(truth: Truth, prediction: Prediction): { codes: Int32Array; nClasses: number; proba: Extract<Prediction, { kind: 'classification' }>['proba'] } {
  if (truth.kind !== 'classification' || prediction.kind !== 'classification') {
    throw new AutoMLError('INTERNAL', 'a classification metric was given regression data');
  }
  return { codes: truth.codes, nClasses: truth.nClasses, proba: prediction.proba };
}

function regressionParts(truth: Truth, prediction: Prediction): { yTrue: Float64Array; yPred: Float64Array } {
  if (truth.kind !== 'regression' || prediction.kind !== 'regression') {
    throw new AutoMLError('INTERNAL', 'a regression metric was given classification data');
  }
  return { yTrue: truth.values, yPred: prediction.values };
}

const SCORERS: Record<MetricName, Scorer> = {
  balanced_accuracy: {
    name: 'balanced_accuracy', family: 'classification', greaterIsBetter: true, needsProba: false, optimum: 1,
    score(truth, prediction, weights) {
      const { codes, nClasses, proba } = classificationParts(truth, prediction);
      // Labels by balanced accuracy's Bayes rule, as the model selected on it deploys them (export/decision.ts);
      // the scored rows' class prior stands for the training prior, which stratified resampling keeps.
      return balancedAccuracy(codes, decideLabels(proba, { rule: 'prior-ratio', prior: classPrior(codes, nClasses) }), nClasses, weights);
    },
  },
  accuracy: {
    name: 'accuracy', family: 'classification', greaterIsBetter: true, needsProba: false, optimum: 1,
    score(truth, prediction, weights) {
      const { codes, proba } = classificationParts(truth, prediction);
      return accuracy(codes, argmaxRows(proba), weights);
    },
  },
  log_loss: {
    name: 'log_loss', family: 'classification', greaterIsBetter: false, needsProba: true, optimum: 0,
    score(truth, prediction, weights) {
      const { codes, proba } = classificationParts(truth, prediction);
      return logLoss(codes, proba, weights);
    },
  },
  roc_auc: {
    name: 'roc_auc', family: 'classification', greaterIsBetter: true, needsProba: true, optimum: 1,
    score(truth, prediction, weights) {
      const { codes, proba } = classificationParts(truth, prediction);
      return rocAuc(codes, proba, weights);
    },
  },
  rmse: {
    name: 'rmse', family: 'regression', greaterIsBetter: false, needsProba: false, optimum: 0,
    score(truth, prediction, weights) {
      const { yTrue, yPred } = regressionParts(truth, prediction);
      return rootMeanSquaredError(yTrue, yPred, weights);
    },
  },
  mae: {
    name: 'mae', family: 'regression', greaterIsBetter: false, needsProba: false, optimum: 0,
    score(truth, prediction, weights) {
      const { yTrue, yPred } = regressionParts(truth, prediction);
      return meanAbsoluteError(yTrue, yPred, weights);
    },
  },
  r2: {
    name: 'r2', family: 'regression', greaterIsBetter: true, needsProba: false, optimum: 1,
    score(truth, prediction, weights) {
      const { yTrue, yPred } = regressionParts(truth, prediction);
      return r2Score(yTrue, yPred, weights);
    },
  },
};

export function taskFamily(task: Task): TaskFamily {
  return task === 'regression' ? 'regression' : 'classification';
}

/** Default metric per task: balanced accuracy for classification, RMSE for regression. */
export function defaultMetric(task: Task): MetricName {
  return task === 'regression' ? 'rmse' : 'balanced_accuracy';
}

/** Scorer by name, checked against the task; typed error naming the valid choices otherwise. */
export function getScorer(name: string, task: Task): Scorer {
  if (!(METRIC_NAMES as readonly string[]).includes(name)) {
    throw new AutoMLError('BAD_OPTION', `unknown metric "${name}"`, {
      hint: `choose one of: ${METRIC_NAMES.join(', ')}`,
    });
  }
  const scorer = SCORERS[name as MetricName];
  if (scorer.family !== taskFamily(task)) {
    const valid = METRIC_NAMES.filter((m) => SCORERS[m].family === taskFamily(task));
    throw new AutoMLError('BAD_OPTION', `metric "${name}" does not apply to a ${task} task`, {
      hint: `choose one of: ${valid.join(', ')}`,
    });
  }
  return scorer;
}

/** Metrics reported by `evaluate` for a task. */
export function metricsForTask(task: Task): MetricName[] {
  if (task === 'regression') return ['rmse', 'mae', 'r2'];
  return ['balanced_accuracy', 'accuracy', 'log_loss', 'roc_auc'];
}

/** Cost to minimise: distance to the optimum for greater-is-better scores, the score itself otherwise. */
export function scoreToCost(scorer: Scorer, score: number): number {
  return scorer.greaterIsBetter ? scorer.optimum - score : score;
}

export function costToScore(scorer: Scorer, cost: number): number {
  return scorer.greaterIsBetter ? scorer.optimum - cost : cost;
}
