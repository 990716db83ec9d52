/**
 * A classification search space with a handful of configurations that differ only in the
 * regularisation of a deterministic model (L2 logistic regression): once a run has tried them
 * all, the optimiser has nothing left to propose, and a configuration scores the same in any run
 * on the same rows whatever its trial seed. Tests use it to build searches whose outcome does not
 * depend on the optimiser's order.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Inverse regularisation strengths, one configuration each. */
export const FINITE_SPACE_C = [0.03125, 0.5, 8, 128] as const;

const fixed = (name: string, value: string) => ({ type: 'categorical', name, choices: [value], default: value });
const when = (child: string, parent: string, value: string) => ({ type: 'equals', child, parent, value });

/** Writes the space to `<dir>/finite-space.json` and returns the path. */
export function writeFiniteSpace(dir: string): string {
  const space = {
    format: 'automl-ts/space',
    version: 1,
    hyperparameters: [
      fixed('imputation:__choice__', 'simple'),
      fixed('imputation:simple:strategy', 'median'),
      fixed('coalescing:__choice__', 'no_coalescing'),
      fixed('encoding:__choice__', 'one_hot'),
      fixed('rescaling:__choice__', 'standard'),
      fixed('balancing:strategy', 'none'),
      fixed('feature_preprocessor:__choice__', 'no_preprocessing'),
      fixed('classifier:__choice__', 'logistic_regression'),
      fixed('classifier:logistic_regression:penalty', 'l2'),
      { type: 'ordinal', name: 'classifier:logistic_regression:C', sequence: [...FINITE_SPACE_C], default: 0.5 },
    ],
    conditions: [
      when('imputation:simple:strategy', 'imputation:__choice__', 'simple'),
      when('classifier:logistic_regression:penalty', 'classifier:__choice__', 'logistic_regression'),
      when('classifier:logistic_regression:C', 'classifier:__choice__', 'logistic_regression'),
    ],
    forbiddens: [],
  };
  const path = join(dir, 'finite-space.json');
  writeFileSync(path, `${JSON.stringify(space, null, 2)}\n`);
  return path;
}
