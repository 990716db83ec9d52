/**
 * The learners whose cost grows with a count of iterations (boosting rounds, trees, epochs), and
 * the parameter that holds that count. A trial below full fidelity on such a learner fits a share
 * of the count instead of a share of the rows.
 *
 * Where the count is a hyperparameter of the space (boosting rounds) the configuration carries
 * it; where it is fixed by the component (a forest's trees, the MLP's epoch cap) the component
 * accepts a smaller count under the parameter's name, and `fullCount` is the fixed value.
 */
import type { Configuration } from '../../space/index.ts';
import { N_ESTIMATORS } from '../../components/catalog/models/forests.ts';
import { HIST_GRADIENT_BOOSTING_DEFAULTS } from '../../components/models/boosting/index.ts';
import { XGBOOST_DEFAULTS } from '../../components/models/xgboost/index.ts';
import { MLP_DEFAULTS } from '../../components/models/mlp/index.ts';

export interface IterationParameter {
  /** The component's parameter name, unprefixed (the registry nests it under `slot:algorithm:`). */
  readonly name: string;
  /** The count of a full trial when the configuration does not set it. */
  readonly fullCount: number;
}

/** Algorithm id → its iteration parameter; the same for the classifier and the regressor. */
export const ITERATIVE_LEARNERS: Readonly<Record<string, IterationParameter>> = {
  gradient_boosting: { name: 'max_iter', fullCount: HIST_GRADIENT_BOOSTING_DEFAULTS.max_iter },
  xgboost: { name: 'n_estimators', fullCount: XGBOOST_DEFAULTS.n_estimators },
  random_forest: { name: 'n_estimators', fullCount: N_ESTIMATORS },
  extra_trees: { name: 'n_estimators', fullCount: N_ESTIMATORS },
  mlp: { name: 'max_epochs', fullCount: MLP_DEFAULTS.max_epochs },
};

const MODEL_SLOTS = ['classifier', 'regressor'] as const;

/** Where a configuration keeps its learner's iteration count, and that count; null for other learners. */
export function iterationSetting(config: Configuration): { readonly key: string; readonly count: number } | null {
  for (const slot of MODEL_SLOTS) {
    const algorithm = config[`${slot}:__choice__`];
    if (typeof algorithm !== 'string') continue;
    const parameter = Object.hasOwn(ITERATIVE_LEARNERS, algorithm) ? ITERATIVE_LEARNERS[algorithm] : undefined;
    if (parameter === undefined) return null;
    const key = `${slot}:${algorithm}:${parameter.name}`;
    const value = config[key];
    return { key, count: typeof value === 'number' ? value : parameter.fullCount };
  }
  return null;
}

/** round(share × count), at least one iteration. */
export function iterationsAt(share: number, count: number): number {
  return Math.max(1, Math.round(share * count));
}
