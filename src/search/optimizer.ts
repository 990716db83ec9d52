/**
 * The ask/tell contract every optimiser implements, so a new one (evolutionary, TPE...) plugs in
 * with one file. The search loop asks for a configuration, evaluates it, and tells the result
 * (whose `fitSeconds` is what the trial cost; a TIMEOUT's is at least the limit it hit).
 */
import type { Configuration } from '../space/index.ts';
import type { TrialRecord } from './trial.ts';

/**
 * What the search can still afford when it asks, for optimisers that weigh what configurations
 * cost. An optimiser may ignore it (random search does); the search passes none when it must be
 * reproducible from its seed (a trial limit), since these numbers depend on the machine.
 */
export interface AskContext {
  /** Seconds of the whole search budget. */
  readonly budgetSeconds: number;
  /** Seconds of it left. */
  readonly remainingSeconds: number;
  /** Seconds the proposed trial will be allowed: the per-trial limit, clipped to what is left. */
  readonly trialSeconds: number;
}

export interface Optimizer {
  /** Human-readable name, recorded in the run summary. */
  readonly name: string;
  /** Next configuration to evaluate, or null when the optimiser has nothing left to propose. */
  ask(context?: AskContext): Configuration | null;
  /** Result of a configuration previously returned by ask(). */
  tell(trial: TrialRecord): void;
  /**
   * Optional, for automatic termination (search/termination): an upper bound, in cost units,
   * on how much better than its best evaluated configuration any configuration may still be,
   * from what the optimiser has been told; null while it cannot say. An optimiser without a
   * model of the cost (random search) does not implement it.
   */
  regretBound?(): number | null;
}
