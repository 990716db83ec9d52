/**
 * What a base optimiser may want to hear from a fidelity scheduler: that a configuration it was
 * told about is being evaluated again, at a higher fidelity (a promotion). SMAC then treats it as
 * pending (a fantasy observation, see smac/fantasies.ts) until the result is told, as it does
 * with the configurations it proposed itself. Optimisers without the hook are simply not told.
 */
import type { Configuration } from '../../space/index.ts';
import type { Optimizer } from '../optimizer.ts';

export interface ReevaluationAware {
  /** `config`, already evaluated at a lower fidelity, now runs at `fidelity`. */
  reevaluating(config: Configuration, fidelity: number): void;
}

export function isReevaluationAware(optimizer: Optimizer): optimizer is Optimizer & ReevaluationAware {
  return typeof (optimizer as Partial<ReevaluationAware>).reevaluating === 'function';
}
