/**
 * What the search loop asks an optimiser for: a configuration and the fidelity to run it at. An
 * optimiser that schedules fidelities (successive-halving.ts) is asked with askWithFidelity();
 * any other with ask(), and its configuration runs at full fidelity, exactly as before
 * fidelities existed.
 */
import type { Configuration } from '../../space/index.ts';
import type { AskContext, Optimizer } from '../optimizer.ts';
import { FULL_SHARE } from './fidelity.ts';

export interface ScheduledTrial {
  readonly config: Configuration;
  /** Share of a full trial, in (0, 1]. */
  readonly share: number;
  readonly rung: number | undefined;
  /** Whether a scheduler chose the fidelity: the record then carries its fidelity and rung. */
  readonly scheduled: boolean;
}

export function nextProposal(optimizer: Optimizer, context: AskContext | undefined): ScheduledTrial | null {
  if (optimizer.askWithFidelity !== undefined) {
    const proposal = optimizer.askWithFidelity(context);
    if (proposal === null) return null;
    if (!(proposal.fidelity > 0 && proposal.fidelity <= FULL_SHARE)) throw new RangeError(`${optimizer.name} proposed fidelity ${proposal.fidelity}, outside (0, 1]`);
    return { config: proposal.config, share: proposal.fidelity, rung: proposal.rung, scheduled: true };
  }
  const config = optimizer.ask(context);
  return config === null ? null : { config, share: FULL_SHARE, rung: undefined, scheduled: false };
}
