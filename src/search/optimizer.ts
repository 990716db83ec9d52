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

/**
 * A configuration with the fidelity to evaluate it at, from an optimiser that schedules
 * fidelities (successive halving, Hyperband: search/fidelity).
 */
export interface Proposal {
  readonly config: Configuration;
  /** Share of the full evaluation in (0, 1]; 1 is a full trial. */
  readonly fidelity: number;
  /** Successive-halving rung, for logs and reports. */
  readonly rung?: number;
}

export interface Optimizer {
  /** Human-readable name, recorded in the run summary. */
  readonly name: string;
  /** Next configuration to evaluate, or null when the optimiser has nothing left to propose. */
  ask(context?: AskContext): Configuration | null;
  /**
   * Optional, for optimisers that schedule fidelities: when present the search calls it instead
   * of ask() and runs the configuration at the proposed fidelity. Optimisers without it are
   * asked with ask() and every trial runs at full fidelity.
   */
  askWithFidelity?(context?: AskContext): Proposal | null;
  /** Result of a configuration previously returned by ask() or askWithFidelity() (with its fidelity and rung). */
  tell(trial: TrialRecord): void;
  /**
   * Optional, for automatic termination (search/termination): an upper bound, in cost units,
   * on how much better than its best evaluated configuration any configuration may still be,
   * from what the optimiser has been told; null while it cannot say. An optimiser without a
   * model of the cost (random search) does not implement it.
   */
  regretBound?(): number | null;
}
