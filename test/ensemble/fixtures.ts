/** Hand-built candidates and truths for the ensemble tests. */
import type { Prediction, Truth } from '../../src/metrics/prediction.ts';
import type { EnsembleCandidate } from '../../src/ensemble/index.ts';
import type { Scorer } from '../../src/metrics/scorers.ts';
import { scoreToCost } from '../../src/metrics/scorers.ts';
import { Rng } from '../../src/util/rng.ts';

export function classTruth(codes: number[], nClasses: number): Truth {
  return { kind: 'classification', codes: Int32Array.from(codes), nClasses };
}

/** Binary probabilities from P(class 1) per row. */
export function binaryProba(positive: number[]): Prediction {
  const data = new Float64Array(positive.length * 2);
  positive.forEach((p, i) => {
    data[2 * i] = 1 - p;
    data[2 * i + 1] = p;
  });
  return { kind: 'classification', proba: { nRows: positive.length, nClasses: 2, data } };
}

export function candidate(id: number, prediction: Prediction, truth: Truth, scorer: Scorer): EnsembleCandidate {
  return { id, prediction, cost: scoreToCost(scorer, scorer.score(truth, prediction)) };
}

/** Random probability rows that lean towards the true class by `skill` (0 = noise). */
export function noisyClassifier(truth: Extract<Truth, { kind: 'classification' }>, skill: number, rng: Rng): Prediction {
  const { codes, nClasses } = truth;
  const nRows = codes.length;
  const data = new Float64Array(nRows * nClasses);
  for (let i = 0; i < nRows; i++) {
    let total = 0;
    for (let k = 0; k < nClasses; k++) {
      const value = rng.next() + (k === codes[i] ? skill : 0);
      data[i * nClasses + k] = value;
      total += value;
    }
    for (let k = 0; k < nClasses; k++) data[i * nClasses + k]! /= total;
  }
  return { kind: 'classification', proba: { nRows, nClasses, data } };
}

/** Multiclass truth with codes drawn uniformly. */
export function randomClassTruth(nRows: number, nClasses: number, rng: Rng): Extract<Truth, { kind: 'classification' }> {
  const codes = new Int32Array(nRows);
  for (let i = 0; i < nRows; i++) codes[i] = rng.int(nClasses);
  return { kind: 'classification', codes, nClasses };
}
