/**
 * The ask/tell contract every optimiser implements, so a new one (evolutionary, TPE...) plugs in
 * with one file. The search loop asks for a configuration, evaluates it, and tells the result.
 */
import type { Configuration } from '../space/index.ts';
import type { TrialRecord } from './trial.ts';

export interface Optimizer {
  /** Human-readable name, recorded in the run summary. */
  readonly name: string;
  /** Next configuration to evaluate, or null when the optimiser has nothing left to propose. */
  ask(): Configuration | null;
  /** Result of a configuration previously returned by ask(). */
  tell(trial: TrialRecord): void;
}
