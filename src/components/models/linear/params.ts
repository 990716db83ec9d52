/** Hyperparameter vocabulary and checks shared by the linear models. */
import { AutoMLError } from '../../../util/errors.ts';

export type Penalty = 'l2' | 'l1' | 'elasticnet';

export const PENALTIES: readonly Penalty[] = ['l2', 'l1', 'elasticnet'];

export function isPenalty(value: unknown): value is Penalty {
  return typeof value === 'string' && (PENALTIES as readonly string[]).includes(value);
}

/** Fraction of the penalty that is L1: 0 for 'l2', 1 for 'l1', l1_ratio for 'elasticnet'. */
export function l1Share(penalty: Penalty, l1Ratio: number): number {
  if (penalty === 'l2') return 0;
  if (penalty === 'l1') return 1;
  return l1Ratio;
}

/** Throws BAD_OPTION unless `value` satisfies `ok`. */
export function requireOption(ok: boolean, model: string, name: string, value: unknown, expected: string): void {
  if (!ok) throw new AutoMLError('BAD_OPTION', `${model}: ${name} must be ${expected}, got ${String(value)}`);
}

/** Checks the options every linear model shares. */
export function checkCommonParams(
  model: string,
  params: { readonly penalty: unknown; readonly l1_ratio: number; readonly max_iter: number; readonly tol: number; readonly fit_intercept: unknown },
): void {
  requireOption(isPenalty(params.penalty), model, 'penalty', params.penalty, `one of ${PENALTIES.join(', ')}`);
  requireOption(params.l1_ratio >= 0 && params.l1_ratio <= 1, model, 'l1_ratio', params.l1_ratio, 'in [0, 1]');
  requireOption(Number.isInteger(params.max_iter) && params.max_iter >= 1, model, 'max_iter', params.max_iter, 'an integer >= 1');
  requireOption(params.tol > 0 && Number.isFinite(params.tol), model, 'tol', params.tol, 'a finite number > 0');
  requireOption(typeof params.fit_intercept === 'boolean', model, 'fit_intercept', params.fit_intercept, 'a boolean');
}
