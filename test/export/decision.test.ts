import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classPrior, decideLabels, decisionFor } from '../../src/export/decision.ts';
import { argmaxRows, type ProbabilityMatrix } from '../../src/components/matrix.ts';
import { balancedAccuracy } from '../../src/metrics/classification.ts';
import { getScorer } from '../../src/metrics/scorers.ts';
import { Rng } from '../../src/util/rng.ts';

/** Rows with known class probabilities (a softmax of random scores tilted to an imbalanced prior) and labels drawn from them. */
function imbalanced(n: number, tilt: readonly number[], seed: number): { proba: ProbabilityMatrix; codes: Int32Array } {
  const rng = new Rng(seed);
  const nClasses = tilt.length;
  const data = new Float64Array(n * nClasses);
  const codes = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const e = tilt.map((t) => Math.exp(t + 1.5 * rng.normal()));
    const sum = e.reduce((a, b) => a + b, 0);
    let u = rng.next();
    codes[i] = nClasses - 1;
    for (let k = 0; k < nClasses; k++) {
      data[i * nClasses + k] = e[k]! / sum;
      if (u >= 0 && (u -= e[k]! / sum) < 0) codes[i] = k;
    }
  }
  return { proba: { nRows: n, nClasses, data }, codes };
}

test('the prior-ratio rule maximises balanced accuracy on an imbalanced set; argmax does not', () => {
  const { proba, codes } = imbalanced(20000, [2.5, 0], 1);
  const prior = classPrior(codes, 2);
  assert.ok(prior[1]! < 0.2, `minority share ${prior[1]}`);
  const score = (labels: Int32Array): number => balancedAccuracy(codes, labels, 2);
  const ratio = score(decideLabels(proba, { rule: 'prior-ratio', prior }));
  const argmax = score(argmaxRows(proba));
  // Every threshold on P(minority): the Bayes rule for balanced accuracy is the best of them up to sampling noise.
  let bestThreshold = 0;
  for (let t = 0.01; t < 1; t += 0.01) {
    const labels = Int32Array.from({ length: proba.nRows }, (_, i) => (proba.data[i * 2 + 1]! > t ? 1 : 0));
    bestThreshold = Math.max(bestThreshold, score(labels));
  }
  assert.ok(ratio >= bestThreshold - 0.005, `prior-ratio ${ratio}, best threshold ${bestThreshold}`);
  assert.ok(ratio > argmax + 0.05, `prior-ratio ${ratio}, argmax ${argmax}`);
});

test('with three classes the prior-ratio rule beats argmax on balanced accuracy and argmax keeps accuracy', () => {
  const { proba, codes } = imbalanced(20000, [2, 0.5, 0], 2);
  const prior = classPrior(codes, 3);
  const ratioLabels = decideLabels(proba, { rule: 'prior-ratio', prior });
  const argmaxLabels = argmaxRows(proba);
  assert.ok(balancedAccuracy(codes, ratioLabels, 3) > balancedAccuracy(codes, argmaxLabels, 3) + 0.03);
  const hits = (labels: Int32Array): number => labels.reduce((n, label, i) => n + (label === codes[i] ? 1 : 0), 0);
  assert.ok(hits(argmaxLabels) > hits(ratioLabels));
});

test('the balanced accuracy scorer reads labels by the prior-ratio rule, the accuracy scorer by argmax', () => {
  const { proba, codes } = imbalanced(5000, [2.5, 0], 3);
  const truth = { kind: 'classification', codes, nClasses: 2 } as const;
  const prediction = { kind: 'classification', proba } as const;
  const prior = classPrior(codes, 2);
  assert.equal(getScorer('balanced_accuracy', 'binary').score(truth, prediction), balancedAccuracy(codes, decideLabels(proba, { rule: 'prior-ratio', prior }), 2));
  assert.deepEqual(decisionFor('balanced_accuracy', codes, 2), { rule: 'prior-ratio', prior });
  for (const metric of ['accuracy', 'log_loss', 'roc_auc']) assert.deepEqual(decisionFor(metric, codes, 2), { rule: 'argmax' });
  assert.deepEqual(decideLabels(proba, undefined), argmaxRows(proba));
});
