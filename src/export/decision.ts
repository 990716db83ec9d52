/**
 * How a classifier turns class probabilities into a label. The probabilities estimate the real
 * ones (see components/prior-shift.ts); the rule is what the selecting metric rewards:
 *
 * - 'argmax': the most probable class, the Bayes rule for accuracy (and any probability metric).
 * - 'prior-ratio': the class with the largest p_k / π_k, π the training rows' class prior. Balanced
 *   accuracy is the mean recall, i.e. accuracy with each row weighted by 1 / π of its class; the
 *   expected gain of answering k is then p_k / π_k, so this is its Bayes rule. It is also what a
 *   model trained with balanced class weights predicts by argmax, without bending its probabilities.
 */
import { argmaxRows, type ProbabilityMatrix } from '../components/matrix.ts';
import { AutoMLError } from '../util/errors.ts';

export type DecisionRule = { readonly rule: 'argmax' } | { readonly rule: 'prior-ratio'; readonly prior: readonly number[] };

/** Labels by the rule; ties go to the lowest class, as in `argmaxRows`. */
export function decideLabels(proba: ProbabilityMatrix, decision: DecisionRule | undefined): Int32Array {
  if (decision === undefined || decision.rule === 'argmax') return argmaxRows(proba);
  const { nRows, nClasses, data } = proba;
  const inverse = Float64Array.from(decision.prior, (p) => 1 / p);
  if (inverse.length !== nClasses) throw new AutoMLError('INTERNAL', `decision prior has ${inverse.length} classes, the prediction ${nClasses}`);
  const out = new Int32Array(nRows);
  for (let i = 0; i < nRows; i++) {
    const at = i * nClasses;
    let best = 0;
    let bestValue = data[at]! * inverse[0]!;
    for (let k = 1; k < nClasses; k++) {
      const value = data[at + k]! * inverse[k]!;
      if (value > bestValue) {
        bestValue = value;
        best = k;
      }
    }
    out[i] = best;
  }
  return out;
}

/**
 * Class prior of labelled rows for the prior-ratio rule. A class without rows gets half a row's
 * share, so the rule stays defined and such a class is treated as the rarest one it could be.
 */
export function classPrior(codes: Int32Array, nClasses: number): number[] {
  const counts = new Float64Array(nClasses);
  for (const code of codes) counts[code]! += 1;
  const total = Math.max(codes.length, 1);
  return Array.from(counts, (count) => Math.max(count, 0.5) / total);
}

/** The rule a model selected by `metric` deploys: prior-ratio for balanced accuracy, argmax otherwise. */
export function decisionFor(metric: string, codes: Int32Array, nClasses: number): DecisionRule {
  return metric === 'balanced_accuracy' ? { rule: 'prior-ratio', prior: classPrior(codes, nClasses) } : { rule: 'argmax' };
}

/** A saved rule read back, or a description of what is wrong with it. */
export function checkDecision(value: unknown, nClasses: number): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'decision is not an object';
  const rule = (value as Record<string, unknown>)['rule'];
  if (rule === 'argmax') return null;
  if (rule !== 'prior-ratio') return `decision rule ${JSON.stringify(rule)} is not 'argmax' or 'prior-ratio'`;
  const prior = (value as Record<string, unknown>)['prior'];
  const valid = Array.isArray(prior) && prior.length === nClasses && prior.every((p) => typeof p === 'number' && Number.isFinite(p) && p > 0);
  return valid ? null : `decision prior ${JSON.stringify(prior)} is not one positive number per class`;
}
